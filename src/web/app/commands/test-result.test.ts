import { describe, expect, it } from 'vitest';
import { DRAFT_ID, verdict } from './test-result';

describe('reading a command test', () => {
  it('the draft took the message: its groups and what it does', () => {
    expect(
      verdict(
        {
          command: { source: 'custom', id: DRAFT_ID, name: 'Report', groups: { '0': '/report q3', '1': 'q3' } },
          outcome: { kind: 'prompt', text: 'Report for q3' },
          skipped: [],
        },
        DRAFT_ID,
      ),
    ).toEqual({
      kind: 'matched',
      groups: [
        ['0', '/report q3'],
        ['1', 'q3'],
      ],
      outcome: 'Sends to the model: Report for q3',
    });
  });

  it('a built-in, another command or none', () => {
    const base = { outcome: null, skipped: [] };
    expect(verdict({ ...base, command: { source: 'builtin', name: '/help' } }, DRAFT_ID)).toEqual({
      kind: 'builtin',
      name: '/help',
    });
    expect(
      verdict({ ...base, command: { source: 'custom', id: crypto.randomUUID(), name: 'Other', groups: {} } }, DRAFT_ID),
    ).toEqual({ kind: 'other', name: 'Other' });
    expect(verdict({ ...base, command: null }, DRAFT_ID)).toEqual({ kind: 'none' });
  });
});
