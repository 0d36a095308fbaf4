import { describe, expect, it } from 'vitest';
import { ChartSpec } from '../../shared/chart-spec.js';
import type { DraftChart } from './build-spec.js';
import { draftFor } from './test-datasets.js';
import { understand } from './understand.js';

/** The draft for a request, checked against the chart spec schema as make_chart will check it. */
function chart(text: string): DraftChart & { dataset: string; notes: string[] } {
  const draft = draftFor(text);
  if ('problem' in draft) throw new Error(`${text}: ${draft.problem}`);
  expect(() => ChartSpec.parse(draft.spec)).not.toThrow();
  return draft;
}

describe('reading a chart request over the demo datasets', () => {
  it('charts revenue by month as a line', () => {
    const c = chart('revenue by month as a line chart');
    expect(c.title).toBe('Revenue by month');
    expect(c.dataset).toBe('sales');
    expect(c.spec).toMatchObject({
      type: 'line',
      data: {
        query: {
          dimensions: [{ field: 'month', time_grain: 'month' }],
          measures: [{ field: 'revenue', aggregate: 'sum', as: 'revenue' }],
        },
      },
    });
  });

  it('reads "top 5 regions by sales" as a sorted, limited bar chart of revenue', () => {
    const c = chart('top 5 regions by sales');
    expect(c.title).toBe('Top 5 regions by revenue');
    expect(c.spec).toMatchObject({
      type: 'bar',
      data: {
        query: {
          dimensions: [{ field: 'region' }],
          measures: [{ field: 'revenue', aggregate: 'sum' }],
          sort: [{ field: 'revenue', direction: 'desc' }],
          limit: 5,
        },
      },
    });
  });

  it('writes a relative period as SQL over the newest row, identifiers quoted', () => {
    const c = chart('average latency per host last 7 days');
    expect(c.dataset).toBe('server_metrics');
    expect(c.title).toBe('Average latency p50 (ms) by host, last 7 days');
    expect(c.spec.type).toBe('bar');
    const data = c.spec.data as { sql: string };
    expect(data.sql).toContain('avg("latency_p50_ms") as "avg_latency_p50_ms"');
    expect(data.sql).toContain('where "timestamp" > (select max("timestamp") from "server_metrics") - interval 7 day');
    expect(data.sql).toContain('group by 1');
    expect(c.notes.join(' ')).toContain('latency_p95_ms would fit too');
  });

  it('draws sessions by source as a pie, largest slice first', () => {
    const c = chart('sessions by source as a pie');
    expect(c.dataset).toBe('web_traffic');
    expect(c.spec).toMatchObject({
      type: 'pie',
      data: { query: { dimensions: [{ field: 'source' }], measures: [{ field: 'sessions', aggregate: 'sum' }] } },
    });
  });

  it('puts time first and the category second in a stacked bar over time', () => {
    const c = chart('orders by channel over time as a stacked bar');
    expect(c.title).toBe('Orders by month and channel');
    expect(c.spec).toMatchObject({
      type: 'stacked_bar',
      data: {
        query: {
          dimensions: [{ field: 'month', time_grain: 'month' }, { field: 'channel' }],
          measures: [{ field: 'orders', aggregate: 'sum' }],
        },
      },
    });
  });

  it('shows a measure alone as a KPI', () => {
    const c = chart('total revenue');
    expect(c.title).toBe('Total revenue');
    expect(c.spec).toMatchObject({
      type: 'kpi',
      data: { query: { dimensions: [], measures: [{ field: 'revenue' }] } },
    });
  });

  it('plots "cpu vs latency" as a scatter of sampled rows', () => {
    const c = chart('cpu vs latency scatter');
    expect(c.title).toBe('CPU % vs latency p50 (ms)');
    expect(c.spec.type).toBe('scatter');
    expect(c.spec.encoding).toEqual({ x: 'cpu_pct', y: ['latency_p50_ms'] });
    expect((c.spec.data as { sql: string }).sql).toMatch(
      /^select "cpu_pct", "latency_p50_ms"\nfrom "server_metrics"\nusing sample reservoir\(5000 rows\)/,
    );
  });

  it('takes "p95 latency" for latency_p95_ms and draws its distribution', () => {
    const c = chart('histogram of p95 latency');
    expect(c.title).toBe('Distribution of latency p95 (ms)');
    expect(c.spec).toMatchObject({
      type: 'histogram',
      data: { query: { dimensions: [{ field: 'latency_p95_ms' }], measures: [], limit: 10000 } },
    });
  });

  it('groups "per week" on the dataset’s date column', () => {
    const c = chart('conversions per week');
    expect(c.title).toBe('Conversions by week');
    expect(c.spec).toMatchObject({
      type: 'line',
      data: { query: { dimensions: [{ field: 'date', time_grain: 'week', as: 'week' }] } },
    });
  });

  it('averages rates and percentages instead of adding them up', () => {
    expect(chart('bounce rate by device').spec).toMatchObject({
      data: { query: { measures: [{ field: 'bounce_rate', aggregate: 'avg' }] } },
    });
    expect(chart('cpu by host').spec).toMatchObject({
      data: { query: { measures: [{ field: 'cpu_pct', aggregate: 'avg' }] } },
    });
  });

  it('reads median, maximum and distinct counts', () => {
    expect(chart('median latency by region').spec).toMatchObject({
      data: { query: { measures: [{ field: 'latency_p50_ms', aggregate: 'median' }] } },
    });
    expect(chart('max cpu per host').title).toBe('Maximum CPU % by host');
    expect(chart('number of hosts by region').spec).toMatchObject({
      data: { query: { measures: [{ field: 'host', aggregate: 'count_distinct' }] } },
    });
  });

  it('counts rows when asked how many there are', () => {
    const c = chart('how many sales by region');
    expect(c.spec).toMatchObject({ data: { query: { measures: [{ aggregate: 'count', as: 'count' }] } } });
    expect(c.title).toBe('Number of rows by region');
  });

  it('filters on a sample value said after a preposition', () => {
    const c = chart('revenue in North by month');
    expect(c.title).toBe('Revenue by month in North');
    expect(c.spec).toMatchObject({ data: { query: { filters: [{ field: 'region', op: '=', value: 'North' }] } } });
  });

  it('filters on a value said next to the measure, and excludes one after "excluding"', () => {
    expect(chart('Online orders by month').spec).toMatchObject({
      data: { query: { filters: [{ field: 'channel', op: '=', value: 'Online' }] } },
    });
    expect(chart('sessions by source excluding Direct').spec).toMatchObject({
      data: { query: { filters: [{ field: 'source', op: '!=', value: 'Direct' }] } },
    });
    expect(chart('revenue by region in North or South').spec).toMatchObject({
      data: { query: { filters: [{ field: 'region', op: 'in', values: ['North', 'South'] }] } },
    });
  });

  it('passes filter values as SQL parameters in the SQL form', () => {
    const c = chart('mobile sessions per day last 30 days');
    expect(c.spec.data).toMatchObject({ params: { p0: 'Mobile' } });
    expect((c.spec.data as { sql: string }).sql).toContain('"device" = CAST($p0 AS VARCHAR)');
    expect((c.spec.data as { sql: string }).sql).toContain('date_trunc(\'day\', "date")::date as "day"');
  });

  it('limits a year with two date filters', () => {
    expect(chart('revenue in 2025 by month').spec).toMatchObject({
      data: {
        query: {
          filters: [
            { field: 'month', op: '>=', value: '2025-01-01' },
            { field: 'month', op: '<', value: '2026-01-01' },
          ],
        },
      },
    });
  });

  it('reads the other chart types and styles', () => {
    expect(chart('revenue by region and product as a heatmap').spec.type).toBe('heatmap');
    expect(chart('users by device as a donut').spec.type).toBe('donut');
    expect(chart('revenue by quarter as an area chart').spec).toMatchObject({
      type: 'area',
      data: { query: { dimensions: [{ field: 'month', time_grain: 'quarter', as: 'quarter' }] } },
    });
    expect(chart('revenue and cost by month as a combo chart').spec.type).toBe('combo');
    expect(chart('revenue, cost and orders by channel as a table').spec.type).toBe('table');
    expect(chart('weekly users by device as a stacked area chart').spec).toMatchObject({
      type: 'area',
      style: { stack: 'stacked' },
    });
    expect(chart('p95 latency by region as a horizontal bar chart').spec).toMatchObject({
      type: 'bar',
      style: { orientation: 'horizontal' },
    });
  });

  it('names the column it could not find', () => {
    expect(draftFor('bananas by flavour')).toEqual({ problem: 'I found no column for “flavour” in sales.' });
  });
});

describe('reading what to do with a chart', () => {
  it('reads a placement on a named dashboard and keeps the chart words', () => {
    const ask = understand('revenue by month as a line chart and add it to the Sales dashboard');
    expect(ask.placement).toEqual({ kind: 'dashboard', name: 'Sales' });
    expect(ask.chart?.measures.map((m) => m.words.map((w) => w.raw))).toEqual([['revenue']]);
    expect(ask.chart?.dimensions).toEqual([{ words: [], grain: 'month' }]);
  });

  it('reads "add it to the Sales dashboard" as a placement of the last chart, with no chart words', () => {
    const ask = understand('add it to the Sales dashboard');
    expect(ask.placement).toEqual({ kind: 'dashboard', name: 'Sales' });
    expect(ask.chart).toBeUndefined();
  });

  it('keeps several words of a dashboard title and leaves out a filter before it', () => {
    expect(understand('sessions in Mobile on the Marketing overview dashboard').placement).toEqual({
      kind: 'dashboard',
      name: 'Marketing overview',
    });
    expect(understand('pin it to the dashboard called Ops').placement).toEqual({ kind: 'dashboard', name: 'Ops' });
  });

  it('reads a new dashboard, the open dashboard, and the workspace', () => {
    expect(understand('errors by host on a new dashboard called Ops review').placement).toEqual({
      kind: 'new_dashboard',
      name: 'Ops review',
    });
    expect(understand('add it to this dashboard').placement).toEqual({ kind: 'dashboard', name: '', current: true });
    const saved = understand('save it to my workspace');
    expect(saved.save).toBe(true);
    expect(saved.placement).toBeUndefined();
    expect(saved.chart).toBeUndefined();
  });

  it('tells "save it" from "save it to a dashboard", next to a placement', () => {
    const both = understand('errors by host on a new dashboard called Ops review and save it');
    expect(both.placement).toEqual({ kind: 'new_dashboard', name: 'Ops review' });
    expect(both.save).toBe(true);
    expect(understand('revenue by month on a new dashboard and save it').placement).toEqual({
      kind: 'new_dashboard',
      name: undefined,
    });
    const placed = understand('save it to the Sales dashboard');
    expect(placed).toMatchObject({ save: false, placement: { kind: 'dashboard', name: 'Sales' } });
  });

  it('reads searches, dataset lists and descriptions', () => {
    expect(understand('search my chats for churn').search).toBe('churn');
    expect(understand('find where we talked about the Q3 forecast?').search).toBe('the Q3 forecast');
    expect(understand('What data do I have?').listDatasets).toBe(true);
    expect(understand('list datasets').listDatasets).toBe(true);
    expect(understand('describe the web traffic dataset').describe).toEqual(['web', 'traffic']);
  });

  it('finds no chart in words that are not about data', () => {
    expect(understand('tell me a joke').chart?.structured).toBe(false);
    expect(understand('help').help).toBe(true);
  });
});
