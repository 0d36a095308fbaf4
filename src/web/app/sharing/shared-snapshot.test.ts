import { describe, expect, it } from 'vitest';
import { sharedTabs } from './shared-snapshot';

const spec = {
  version: 1,
  type: 'bar',
  data: { dataset_id: '00000000-0000-4000-8000-000000000000', query: { dimensions: [{ field: 'region' }] } },
};

describe('a shared dashboard snapshot', () => {
  it('orders tabs and charts by position', () => {
    const tabs = sharedTabs([
      { id: 't2', title: 'Second', position: 1, charts: [] },
      {
        id: 't1',
        title: 'First',
        position: 0,
        charts: [
          { id: 'c2', title: 'B', position: 1, configuration: {} },
          { id: 'c1', title: 'A', position: 0, configuration: {} },
        ],
      },
    ]);
    expect(tabs.map((t) => t.title)).toEqual(['First', 'Second']);
    expect(tabs[0]?.charts.map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('fills in the spec defaults the drawing expects', () => {
    const [tab] = sharedTabs([
      { id: 't', title: 'T', position: 0, charts: [{ id: 'c', title: 'C', configuration: spec }] },
    ]);
    const chart = tab?.charts[0];
    expect(chart?.problem).toBeNull();
    expect(chart?.spec?.calculations).toEqual([]);
    expect(chart?.spec?.style).toEqual({});
  });

  it('tells a chart without a configuration from one it cannot read', () => {
    const [tab] = sharedTabs([
      {
        id: 't',
        title: 'T',
        position: 0,
        charts: [
          { id: 'empty', title: 'Empty', configuration: {} },
          { id: 'bad', title: 'Bad', configuration: { version: 99, type: 'sparkles' } },
        ],
      },
    ]);
    expect(tab?.charts.map((c) => [c.id, c.spec, c.problem])).toEqual([
      ['empty', null, 'not_configured'],
      ['bad', null, 'invalid'],
    ]);
  });
});
