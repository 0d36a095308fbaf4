import { describe, expect, it } from 'vitest';
import { itemContent } from './item-content';
import type { WorkspaceItem } from './use-workspace';

const item = (content: Record<string, unknown>): WorkspaceItem => ({
  id: '00000000-0000-4000-8000-000000000000',
  item_type: 'note',
  title: 'An item',
  content,
  tags: [],
  created_from_message_id: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
});

describe('reading a workspace item’s content', () => {
  it('finds a saved chart’s spec and the note beside it', () => {
    const spec = { version: 1, type: 'bar' };
    expect(itemContent(item({ spec, text: 'Up in March' }))).toEqual({ spec, text: 'Up in March', other: null });
  });

  it('ignores a blank note and a spec that is not an object', () => {
    expect(itemContent(item({ spec: 'bar', text: '   ' }))).toEqual({ spec: null, text: null, other: null });
  });

  it('keeps whatever else an item holds, as JSON', () => {
    expect(itemContent(item({ text: 'Summary', findings: [1, 2] })).other).toBe(
      '{\n  "findings": [\n    1,\n    2\n  ]\n}',
    );
  });
});
