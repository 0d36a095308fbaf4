import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileStructuredQuery } from '../../data/query/compile-structured.js';
import { checkQuery } from '../../data/query/sql-guard.js';
import { salesCsv, serverMetricsCsv, webTrafficCsv } from '../../demo/generate-data.js';
import { ChartSpec } from '../../shared/chart-spec.js';
import { resolveChart } from './resolve-chart.js';
import { DEMO_DATASETS, draftFor } from './test-datasets.js';
import { understand } from './understand.js';
import { valueLookup } from './value-lookup.js';

// The specs the offline model writes, run for real: on DuckDB over the demo data, through the
// same SQL check and the same structured-query compiler as OCP's query engine.

let folder: string;
let db: DuckDBConnection;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'ocp-offline-'));
  db = await (await DuckDBInstance.create(':memory:')).connect();
  const files = { sales: salesCsv(), web_traffic: webTrafficCsv(), server_metrics: serverMetricsCsv() };
  for (const [table, csv] of Object.entries(files)) {
    const path = join(folder, `${table}.csv`);
    writeFileSync(path, csv);
    await db.run(`create table ${table} as select * from read_csv('${path}')`);
  }
});

afterAll(() => {
  db?.closeSync();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Runs a request's chart the way the engine would (wrapped in a row limit) and returns its rows. */
async function rowsFor(text: string): Promise<Record<string, unknown>[]> {
  const draft = draftFor(text);
  if ('problem' in draft) throw new Error(draft.problem);
  const { data } = ChartSpec.parse(draft.spec);
  const dataset = DEMO_DATASETS.find((d) => d.id === data.dataset_id);
  if (!dataset) throw new Error('unknown dataset');
  const { sql, params } =
    'sql' in data
      ? { sql: data.sql, params: data.params ?? {} }
      : compileStructuredQuery(data.query, dataset.table_name, dataset.columns as never);
  expect((await checkQuery(db, sql)).tables).toEqual([dataset.table_name]);
  const reader = await db.runAndReadAll(`select * from (\n${sql}\n) as result limit 10001`, params);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

describe('looking up values the user said', () => {
  it('finds which text column holds each word, whatever its case, in one checked query', async () => {
    const chart = understand('revenue in south or enterprise by month').chart;
    if (!chart) throw new Error('no chart');
    const resolution = resolveChart(chart, DEMO_DATASETS, () => undefined);
    if ('problem' in resolution) throw new Error(resolution.problem);
    const lookup = valueLookup(resolution.chart.dataset, resolution.chart.unmatchedValues);
    if (!lookup) throw new Error('no lookup');
    expect((await checkQuery(db, lookup.sql)).tables).toEqual(['sales']);
    const rows = (await db.runAndReadAll(lookup.sql)).getRows();
    expect(rows.map((r) => r.join('=')).sort()).toEqual(['product=Enterprise', 'region=South']);
  });

  it('keeps a quote in a word inside its string literal', () => {
    const chart = understand("orders in O'Brien by month").chart;
    if (!chart) throw new Error('no chart');
    const resolution = resolveChart(chart, DEMO_DATASETS, () => undefined);
    if ('problem' in resolution) throw new Error(resolution.problem);
    expect(valueLookup(resolution.chart.dataset, resolution.chart.unmatchedValues)?.sql).toContain("in ('o''brien')");
  });
});

describe('the offline model’s chart queries on the demo data', () => {
  it('runs the SQL form of the last 7 days: one bar per host', async () => {
    const rows = await rowsFor('average latency per host last 7 days');
    expect(rows).toHaveLength(8);
    expect(Object.keys(rows[0] ?? {})).toEqual(['host', 'avg_latency_p50_ms']);
  });

  it('runs a relative period on a DATE column with a parameter: 30 days of mobile sessions', async () => {
    const rows = await rowsFor('mobile sessions per day last 30 days');
    expect(rows).toHaveLength(30);
    expect(Object.keys(rows[0] ?? {})).toEqual(['day', 'sessions']);
  });

  it('runs a sampled scatter of raw rows', async () => {
    const rows = await rowsFor('cpu vs p95 latency as a scatter');
    expect(rows.length).toBe(5000);
    expect(Object.keys(rows[0] ?? {})).toEqual(['cpu_pct', 'latency_p95_ms']);
  });

  it('runs the structured queries: a trend, a top 5, a filter, a year and a distribution', async () => {
    expect(await rowsFor('revenue by month as a line chart')).toHaveLength(24);
    const top = await rowsFor('top 5 regions by sales');
    expect(top.map((r) => r.region)).toHaveLength(5);
    expect(await rowsFor('orders by channel over time as a stacked bar')).toHaveLength(24 * 3);
    // 24 months from November 2024 touch 9 quarters.
    expect(await rowsFor('revenue in North by quarter')).toHaveLength(9);
    expect(await rowsFor('revenue in 2025 by month')).toHaveLength(12);
    expect((await rowsFor('histogram of p95 latency')).length).toBe(10_000);
    expect(await rowsFor('total revenue last 3 months')).toHaveLength(1);
  });
});
