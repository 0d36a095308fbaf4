import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  countChanges,
  describeChartChanges,
  readSnapshot,
  type Snapshot,
  sameJson,
} from './compare-versions';

const spec = (type: string, extra: Record<string, unknown> = {}) => ({
  version: 1,
  type,
  data: { dataset_id: 'ds', query: { dimensions: [{ field: 'month' }] } },
  ...extra,
});

const base: Snapshot = {
  title: 'Sales',
  description: null,
  settings: { layout: { c1: { x: 0, y: 0, w: 6, h: 8 }, c2: { x: 6, y: 0, w: 6, h: 8 } } },
  tabs: [
    {
      id: 't1',
      title: 'Revenue',
      position: 0,
      charts: [
        { id: 'c1', title: 'By month', chart_type: 'line', configuration: spec('line'), position: 0 },
        { id: 'c2', title: 'By region', chart_type: 'bar', configuration: spec('bar'), position: 1 },
      ],
    },
    { id: 't2', title: 'Costs', position: 1, charts: [] },
  ],
};

const edit = (change: (s: Snapshot) => void): Snapshot => {
  const copy = structuredClone(base);
  change(copy);
  return copy;
};

describe('comparing two versions of a dashboard', () => {
  it('finds nothing to mark when nothing changed', () => {
    const comparison = compareVersions(base, structuredClone(base));
    expect([...comparison.charts.values()].map((c) => c.status)).toEqual(['unchanged', 'unchanged']);
    expect([...comparison.tabs.values()].map((t) => t.status)).toEqual(['unchanged', 'unchanged']);
    expect(describeChartChanges(comparison)).toEqual([]);
  });

  it('pairs charts by id: a renamed, retyped chart is changed, with the properties that differ', () => {
    const to = edit((s) => {
      const chart = s.tabs[0]?.charts[0];
      if (chart) Object.assign(chart, { title: 'Monthly', chart_type: 'area', configuration: spec('area') });
    });
    const chart = compareVersions(base, to).charts.get('c1');
    expect(chart?.status).toBe('changed');
    expect(chart?.changed).toEqual(['title', 'type']);
    expect(describeChartChanges(compareVersions(base, to))).toEqual([
      { id: 'c1', title: 'Monthly', text: 'title and chart type changed' },
    ]);
  });

  it('tells the query, the calculations, the columns and the style apart', () => {
    const to = edit((s) => {
      const chart = s.tabs[0]?.charts[1];
      if (chart)
        chart.configuration = {
          ...spec('bar', { style: { palette: 'vivid' }, encoding: { x: 'month' } }),
          data: { dataset_id: 'ds', sql: 'select 1' },
        };
    });
    expect(compareVersions(base, to).charts.get('c2')?.changed).toEqual(['query', 'columns', 'style']);
  });

  it('marks added and removed charts and tabs, and renamed tabs', () => {
    const to = edit((s) => {
      s.tabs[0]?.charts.splice(1, 1);
      if (s.tabs[1]) s.tabs[1].title = 'Spending';
      s.tabs.push({
        id: 't3',
        title: 'Forecast',
        position: 2,
        charts: [{ id: 'c9', title: 'Next year', chart_type: 'line', configuration: {}, position: 0 }],
      });
    });
    const comparison = compareVersions(base, to);
    expect(comparison.charts.get('c2')).toMatchObject({ status: 'removed', tabBefore: 'Revenue', after: null });
    expect(comparison.charts.get('c9')).toMatchObject({ status: 'added', tabAfter: 'Forecast', before: null });
    expect(comparison.tabs.get('t2')).toMatchObject({
      status: 'renamed',
      titleBefore: 'Costs',
      titleAfter: 'Spending',
    });
    expect(comparison.tabs.get('t3')?.status).toBe('added');
    expect(countChanges(comparison)).toEqual({ added: 1, removed: 1, changed: 0, moved: 0 });

    const back = compareVersions(to, base);
    expect(back.tabs.get('t3')?.status).toBe('removed');
    expect(back.charts.get('c2')?.status).toBe('added');
  });

  it('reads a chart on another tab or another place on the grid as moved', () => {
    const otherTab = edit((s) => {
      const moved = s.tabs[0]?.charts.splice(0, 1)[0];
      if (moved) s.tabs[1]?.charts.push(moved);
    });
    expect(compareVersions(base, otherTab).charts.get('c1')).toMatchObject({
      status: 'moved',
      changed: ['tab'],
      tabBefore: 'Revenue',
      tabAfter: 'Costs',
    });

    const otherPlace = edit((s) => {
      s.settings = { layout: { c1: { x: 0, y: 8, w: 12, h: 8 }, c2: { x: 6, y: 0, w: 6, h: 8 } } };
    });
    expect(compareVersions(base, otherPlace).charts.get('c1')?.status).toBe('moved');
    expect(compareVersions(base, otherPlace).charts.get('c2')?.status).toBe('unchanged');
    expect(describeChartChanges(compareVersions(base, otherPlace))[0]?.text).toBe('place on the grid changed');

    // A chart that had no saved place was laid out automatically: getting one is not a move.
    const firstPlaced = edit((s) => {
      s.settings = { layout: { ...(s.settings.layout as object), c9: { x: 0, y: 8, w: 6, h: 8 } } };
    });
    const unplaced = edit((s) => {
      s.settings = {};
    });
    expect(compareVersions(unplaced, firstPlaced).charts.get('c1')?.status).toBe('unchanged');
  });

  it('reads untyped snapshots defensively and orders tabs and charts by position', () => {
    const snapshot = readSnapshot({
      title: 'T',
      tabs: [
        { id: 'b', title: 'Second', position: 1, charts: [] },
        {
          id: 'a',
          title: 'First',
          position: 0,
          charts: [
            { id: 'y', title: 'Y', chart_type: 'bar', configuration: {}, position: 1 },
            { id: 'x', title: 'X', chart_type: 'bar', configuration: null, position: 0 },
            { title: 'no id' },
          ],
        },
        { title: 'no id either' },
      ],
    });
    expect(snapshot.tabs.map((t) => t.id)).toEqual(['a', 'b']);
    expect(snapshot.tabs[0]?.charts.map((c) => c.id)).toEqual(['x', 'y']);
    expect(snapshot.tabs[0]?.charts[0]?.configuration).toEqual({});
    expect(snapshot.settings).toEqual({});
  });

  it('compares JSON as jsonb does: key order and undefined keys do not count', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1 }, [1])).toBe(false);
  });
});
