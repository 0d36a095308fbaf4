import { describe, expect, it } from 'vitest';
import { TOOL_NAMES } from '../../../ai/tools/contracts';
import { AGENT_TOOLS } from './tools';

describe('the agent editor’s tool list', () => {
  it('names exactly the assistant’s tools, in the same order', () => {
    expect(AGENT_TOOLS.map((t) => t.name)).toEqual([...TOOL_NAMES]);
  });
});
