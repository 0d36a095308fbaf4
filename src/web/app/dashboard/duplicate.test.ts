import { describe, expect, it } from 'vitest';
import { copyTitle, duplicateBody, layoutForCopy } from './duplicate';
import type { Dashboard } from './use-dashboard';

const chart = (id: string, title: string) => ({ id, title, chart_type: 'bar', configuration: { type: 'bar' } });

const source = {
  id: 'd1',
  title: 'Sales',
  description: 'Monthly figures',
  is_public: true,
  settings: { layout: { a: { x: 0, y: 0, w: 6, h: 8 }, c: { x: 6, y: 0, w: 6, h: 4 } }, theme: 'dark' },
  tabs: [
    { title: 'Overview', description: null, settings: {}, charts: [chart('a', 'A'), chart('b', 'B')] },
    { title: 'Details', description: 'More', settings: { x: 1 }, charts: [chart('c', 'C')] },
  ],
} as unknown as Dashboard;

describe('duplicating a dashboard', () => {
  it('keeps the tabs and charts in order, private, without the old chart places', () => {
    const body = duplicateBody(source, undefined);
    expect(body.title).toBe('Sales (copy)');
    expect(body.is_public).toBe(false);
    expect(body.settings).toEqual({ theme: 'dark' });
    expect(body).not.toHaveProperty('team_id');
    expect(body.tabs?.map((t) => [t.title, t.charts?.map((c) => c.title)])).toEqual([
      ['Overview', ['A', 'B']],
      ['Details', ['C']],
    ]);
    expect(duplicateBody(source, 't1').team_id).toBe('t1');
  });

  it('a long title stays within 200 characters', () => {
    expect(copyTitle('x'.repeat(200))).toHaveLength(200);
  });

  it('maps the saved places to the copy’s charts by their order', () => {
    const copy = {
      settings: { theme: 'dark' },
      tabs: [{ charts: [{ id: 'A2' }, { id: 'B2' }] }, { charts: [{ id: 'C2' }] }],
    } as unknown as Dashboard;
    expect(layoutForCopy(source, copy)).toEqual({
      theme: 'dark',
      layout: { A2: { x: 0, y: 0, w: 6, h: 8 }, C2: { x: 6, y: 0, w: 6, h: 4 } },
    });
    expect(layoutForCopy({ ...source, settings: {} }, copy)).toBeNull();
  });
});
