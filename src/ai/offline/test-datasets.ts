import type { ToolOutputs } from '../tools/contracts.js';
import { buildChart, type DraftChart } from './build-spec.js';
import { resolveChart, unmatchedValueNotes } from './resolve-chart.js';
import { understand } from './understand.js';

// Test support: the demo datasets (src/demo/generate-data.ts) as list_datasets and
// describe_dataset answer them, for the offline model's tests.

type Listed = ToolOutputs['list_datasets']['datasets'][number];

const column = (name: string, type: string): Listed['columns'][number] => ({
  name,
  type,
  kind: type === 'VARCHAR' ? 'string' : type === 'DATE' ? 'date' : type === 'TIMESTAMP' ? 'timestamp' : 'number',
});

export const SALES: Listed = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'sales',
  table_name: 'sales',
  description: 'Sales by month, region, product and channel',
  row_count: 1800,
  columns: [
    column('month', 'DATE'),
    column('region', 'VARCHAR'),
    column('product', 'VARCHAR'),
    column('channel', 'VARCHAR'),
    column('orders', 'BIGINT'),
    column('revenue', 'DOUBLE'),
    column('cost', 'DOUBLE'),
  ],
};

export const WEB_TRAFFIC: Listed = {
  id: '22222222-2222-4222-8222-222222222222',
  name: 'web_traffic',
  table_name: 'web_traffic',
  description: 'Web traffic by day, source and device',
  row_count: 6570,
  columns: [
    column('date', 'DATE'),
    column('source', 'VARCHAR'),
    column('device', 'VARCHAR'),
    column('sessions', 'BIGINT'),
    column('users', 'BIGINT'),
    column('bounce_rate', 'DOUBLE'),
    column('conversions', 'BIGINT'),
  ],
};

export const SERVER_METRICS: Listed = {
  id: '33333333-3333-4333-8333-333333333333',
  name: 'server_metrics',
  table_name: 'server_metrics',
  description: 'Server metrics every 15 minutes per host',
  row_count: 10752,
  columns: [
    column('timestamp', 'TIMESTAMP'),
    column('host', 'VARCHAR'),
    column('region', 'VARCHAR'),
    column('cpu_pct', 'DOUBLE'),
    column('memory_pct', 'DOUBLE'),
    column('requests', 'BIGINT'),
    column('errors', 'BIGINT'),
    column('latency_p50_ms', 'DOUBLE'),
    column('latency_p95_ms', 'DOUBLE'),
  ],
};

export const DEMO_DATASETS: Listed[] = [SALES, WEB_TRAFFIC, SERVER_METRICS];

const SAMPLES: Record<string, Record<string, unknown[]>> = {
  [SALES.id]: {
    region: ['North', 'South', 'East', 'West', 'Central'],
    product: ['Starter', 'Team', 'Business', 'Enterprise', 'Add-ons'],
    channel: ['Online', 'Partner', 'Direct'],
  },
  [WEB_TRAFFIC.id]: {
    source: ['Organic search', 'Direct', 'Social', 'Email', 'Paid search'],
    device: ['Desktop', 'Mobile', 'Tablet'],
  },
  [SERVER_METRICS.id]: {
    host: ['api-1', 'api-2', 'api-3', 'web-1', 'web-2'],
    region: ['us-east', 'eu-west'],
  },
};

/** describe_dataset's answer for a demo dataset, with sample values of its text columns. */
export function describeDemo(id: string): ToolOutputs['describe_dataset'] {
  const dataset = DEMO_DATASETS.find((d) => d.id === id);
  if (!dataset) throw new Error(`no demo dataset ${id}`);
  return {
    id: dataset.id,
    name: dataset.name,
    table_name: dataset.table_name,
    row_count: dataset.row_count,
    columns: dataset.columns.map((c) => {
      const samples = SAMPLES[id]?.[c.name];
      return samples ? { ...c, samples, distinct: samples.length } : c;
    }),
  };
}

/**
 * What the offline model would send make_chart for `text` over the demo datasets, with their
 * sample values known (as after describe_dataset); or the problem it would report.
 */
export function draftFor(text: string): (DraftChart & { dataset: string; notes: string[] }) | { problem: string } {
  const chart = understand(text).chart;
  if (!chart) return { problem: 'no chart asked for' };
  const resolution = resolveChart(chart, DEMO_DATASETS, describeDemo);
  if ('problem' in resolution) return resolution;
  const notes = [...resolution.chart.notes, ...unmatchedValueNotes(resolution.chart)];
  return { ...buildChart(resolution.chart), dataset: resolution.chart.dataset.name, notes };
}
