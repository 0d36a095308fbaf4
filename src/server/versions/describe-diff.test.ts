import { describe, expect, it } from 'vitest';
import { describeDiff } from './describe-diff.js';
import type { Snapshot } from './snapshot.js';

const base: Snapshot = {
  id: 'd',
  title: 'Sales',
  description: null,
  is_public: false,
  settings: {},
  tabs: [
    {
      id: 't1',
      title: 'Revenue',
      description: null,
      position: 0,
      settings: {},
      charts: [
        { id: 'c1', title: 'By month', chart_type: 'line', configuration: { x: 'month' }, position: 0 },
        { id: 'c2', title: 'By region', chart_type: 'bar', configuration: {}, position: 1 },
      ],
    },
    { id: 't2', title: 'Costs', description: null, position: 1, settings: {}, charts: [] },
  ],
};

const edit = (change: (s: Snapshot) => void): Snapshot => {
  const copy = structuredClone(base);
  change(copy);
  return copy;
};

describe('describing the difference between two versions', () => {
  it('says nothing changed when nothing did', () => {
    expect(describeDiff(base, structuredClone(base))).toEqual([]);
  });

  it('reads a renamed, retyped and reconfigured chart as one chart edited', () => {
    const to = edit((s) => {
      const chart = s.tabs[0]?.charts[0];
      if (chart)
        Object.assign(chart, { title: 'Monthly', chart_type: 'area', configuration: { x: 'month', stacked: true } });
    });
    expect(describeDiff(base, to)).toEqual([
      'Chart “By month” renamed to “Monthly”',
      'Chart “Monthly” changed from line to area',
      'Chart “Monthly” configuration changed',
    ]);
  });

  it('reads a chart that changed tabs as moved, not removed and added', () => {
    const to = edit((s) => {
      const moved = s.tabs[0]?.charts.splice(1, 1)[0];
      if (moved) s.tabs[1]?.charts.push({ ...moved, position: 0 });
    });
    expect(describeDiff(base, to)).toEqual(['Chart “By region” moved from tab “Revenue” to “Costs”']);
  });

  it('names added and removed tabs and charts, and reordering', () => {
    const to = edit((s) => {
      s.title = 'Sales 2026';
      s.tabs.reverse();
      s.tabs[1]?.charts.splice(0, 1);
      s.tabs.push({
        id: 't3',
        title: 'Forecast',
        description: null,
        position: 2,
        settings: {},
        charts: [{ id: 'c9', title: 'Next year', chart_type: 'line', configuration: {}, position: 0 }],
      });
    });
    expect(describeDiff(base, to)).toEqual([
      'Dashboard renamed from “Sales” to “Sales 2026”',
      'Tab “Forecast” added with 1 chart(s)',
      'Tabs reordered',
      'Chart “Next year” added to tab “Forecast”',
      'Chart “By month” removed from tab “Revenue”',
    ]);
  });
});
