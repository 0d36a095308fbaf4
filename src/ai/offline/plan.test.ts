import type { LanguageModelV3Prompt, LanguageModelV3ToolResultOutput } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { TOOL_NAMES } from '../tools/contracts.js';
import { MAX_TOOL_STEPS, planNextStep } from './plan.js';
import { readConversation, readOutcome } from './read-conversation.js';
import { DEMO_DATASETS } from './test-datasets.js';

const ALL_TOOLS = new Set<string>(TOOL_NAMES);
let ids = 0;

/** A conversation as the AI SDK passes it: a system prompt, then user turns with tool steps. */
function prompt(...parts: (string | [tool: string, input: unknown, output: LanguageModelV3ToolResultOutput])[]) {
  const messages: LanguageModelV3Prompt = [{ role: 'system', content: 'You are OCP’s analytics assistant.' }];
  for (const part of parts) {
    if (typeof part === 'string') {
      messages.push({ role: 'user', content: [{ type: 'text', text: part }] });
      continue;
    }
    const [toolName, input, output] = part;
    const toolCallId = `call-${++ids}`;
    messages.push({ role: 'assistant', content: [{ type: 'tool-call', toolCallId, toolName, input }] });
    messages.push({ role: 'tool', content: [{ type: 'tool-result', toolCallId, toolName, output }] });
  }
  return messages;
}

const json = (value: unknown): LanguageModelV3ToolResultOutput => ({ type: 'json', value: value as never });
const listed: [string, unknown, LanguageModelV3ToolResultOutput] = [
  'list_datasets',
  {},
  json({ datasets: DEMO_DATASETS }),
];
const next = (messages: LanguageModelV3Prompt, tools: ReadonlySet<string> = ALL_TOOLS) =>
  planNextStep(readConversation(messages), tools);

describe('planning the next step', () => {
  it('lists the datasets first when it has none, and not again when an earlier turn did', () => {
    expect(next(prompt('errors by host'))).toEqual({ kind: 'tool', toolName: 'list_datasets', input: {} });
    const later = next(prompt('what data do I have?', listed, 'errors by host'));
    expect(later).toMatchObject({ kind: 'tool', toolName: 'make_chart', input: { title: 'Errors by host' } });
  });

  it('decides the same step for the same conversation', () => {
    const messages = prompt('top 5 regions by sales', listed);
    expect(next(messages)).toEqual(next(messages));
  });

  it('never takes more tool steps than the limit for one message', () => {
    const steps = Array.from({ length: MAX_TOOL_STEPS }, () => listed);
    const step = next(prompt('revenue by month and save it', ...steps));
    expect(step).toEqual({
      kind: 'text',
      text: `I stopped after ${MAX_TOOL_STEPS} steps; ask again for the rest.`,
    });
  });

  it('adds to the dashboard the user has open, named in the system prompt', () => {
    const messages = prompt(
      'revenue by month',
      listed,
      [
        'make_chart',
        {},
        json({ title: 'Revenue by month', spec: { version: 1 }, row_count: 24, columns: [], warnings: [] }),
      ],
      'add it here',
    );
    messages[0] = {
      role: 'system',
      content:
        'The user has the dashboard "Sales overview" open (id 44444444-4444-4444-8444-444444444444; they may edit it).',
    };
    expect(next(messages)).toMatchObject({
      kind: 'tool',
      toolName: 'add_chart',
      input: { dashboard_id: '44444444-4444-4444-8444-444444444444', title: 'Revenue by month' },
    });
  });

  it('does not add "here" to another dashboard when the open one is read-only', () => {
    const made = json({ title: 'Revenue by month', spec: { version: 1 }, row_count: 24, columns: [], warnings: [] });
    const messages = prompt('revenue by month', listed, ['make_chart', {}, made], 'add it to this dashboard');
    messages[0] = {
      role: 'system',
      content: 'The user has the dashboard "Board" open (id 44444444-4444-4444-8444-444444444444; read only for them).',
    };
    expect(next(messages)).toEqual({ kind: 'text', text: 'You can only view “Board”, so I cannot add it there.' });
  });

  it('says there is no chart yet when asked to place one before any was made', () => {
    const step = next(prompt('add it to the Sales dashboard'));
    expect(step.kind).toBe('text');
    expect(step.kind === 'text' && step.text).toMatch(
      /^There is no chart in this conversation yet to add to a dashboard\./,
    );
  });

  it('answers in words when it may use no tool', () => {
    expect(next(prompt('errors by host'), new Set())).toEqual({
      kind: 'text',
      text: 'I cannot do the rest here: this assistant may not use the list_datasets tool.',
    });
  });

  it('tells the user which dataset names it knows when asked to describe another', () => {
    const step = next(prompt('describe the inventory dataset', listed));
    expect(step.kind === 'text' && step.text).toMatch(/^I know no dataset called “inventory”\. You have 3 datasets:/);
  });
});

describe('reading tool results', () => {
  it('takes { error } in any form, and a declined call, as a failure', () => {
    expect(readOutcome(json({ error: 'Dataset not found' }))).toEqual({ ok: false, error: 'Dataset not found' });
    expect(readOutcome({ type: 'text', value: '{"error":"boom"}' })).toEqual({ ok: false, error: 'boom' });
    expect(readOutcome({ type: 'error-text', value: 'timeout' })).toEqual({ ok: false, error: 'timeout' });
    expect(readOutcome({ type: 'execution-denied' })).toEqual({ ok: false, error: 'The action was declined.' });
    expect(readOutcome(json({ datasets: [] }))).toEqual({ ok: true, value: { datasets: [] } });
  });

  it('separates this turn’s steps from earlier ones and remembers the last chart', () => {
    const made = json({ title: 'Errors by host', spec: { version: 1 }, row_count: 8, columns: [], warnings: [] });
    const conversation = readConversation(prompt('errors by host', listed, ['make_chart', {}, made], 'save it'));
    expect(conversation.request).toBe('save it');
    expect(conversation.turn).toEqual([]);
    expect(conversation.datasets).toHaveLength(3);
    expect(conversation.earlierChart?.title).toBe('Errors by host');
    expect(conversation.toolCallCount).toBe(2);
  });
});
