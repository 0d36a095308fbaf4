/**
 * npm run bench:data — OCP's data path under volume.
 *
 * 1. Generates a 10M-row sales table with DuckDB and writes it as a CSV of about 1 GB.
 * 2. Ingest: loads that CSV the way an upload is loaded (detection, then loadIntoNewFile into a
 *    DuckDB file) and prints MB/s.
 * 3. Aggregations: five queries a dashboard typically runs, through OCP's QueryEngine (the API's
 *    path: parser check, locked instance, row limit; result cache off) and the same SQL on the
 *    same rows in PostgreSQL (COPY'd into a scratch database, analysed, parallel workers as
 *    configured); p50 of each and the ratio.
 * 4. Rendering: a 12-bar chart and a 365-point line chart through the server's SVG and PNG
 *    renderers; p50.
 * Targets: a group-by over 10M rows under 300 ms; DuckDB at least 10x PostgreSQL on the same
 * aggregation; PNG under 50 ms. A benchmark reports; it does not judge: targets are printed with
 * whether they are met, and the exit code is 0 unless something crashed.
 *
 * Environment:
 *   BENCH_ROWS           rows to generate (default 10,000,000)
 *   BENCH_ITERATIONS     timed runs per query (default 7, after one warm-up)
 *   BENCH_POSTGRES_URL   maintenance database of the PostgreSQL to compare with (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_POSTGRES=0     skip PostgreSQL
 */
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { renderChartPng, renderChartSvg } from '../src/data/charts/render.js';
import { detectCsvOptions, loadIntoNewFile } from '../src/data/ingest/load.js';
import { QueryEngine } from '../src/data/query/engine.js';
import { ChartSpec, type QueryResult } from '../src/shared/chart-spec.js';
import { percentile } from './measure.js';
import { count, loadAverage, seconds, step } from './progress.js';
import { createScratchDatabase, runOutsideTransaction, type ScratchDatabase } from './scratch.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 7);
const WITH_POSTGRES = process.env.BENCH_POSTGRES !== '0';

/** The same SQL runs on both; `sales` is a view of the dataset in DuckDB and a table in PostgreSQL. */
const AGGREGATIONS: { name: string; sql: string }[] = [
  {
    name: 'revenue by region (group-by)',
    sql: 'select region, sum(revenue) as revenue from sales group by region order by revenue desc',
  },
  {
    name: 'revenue by month',
    sql: "select date_trunc('month', day) as month, sum(revenue) as revenue, count(*) as orders from sales group by 1 order by 1",
  },
  {
    name: 'region × channel, last 90 days',
    sql: "select region, channel, sum(revenue) as revenue, avg(quantity) as avg_quantity from sales where day >= date '2026-10-01' - interval '90 days' group by 1, 2 order by 3 desc",
  },
  {
    name: 'top 10 products, distinct customers',
    sql: 'select product, sum(revenue) as revenue, count(distinct customer_id) as customers from sales group by product order by revenue desc limit 10',
  },
  {
    name: 'KPI: total revenue and orders',
    sql: 'select sum(revenue) as revenue, count(*) as orders, avg(price) as avg_price from sales',
  },
];

/** The generator: deterministic (hash of the row number), shaped like sales data. */
const GENERATE = `
  select
    date '2024-10-02' + cast(i % 730 as integer) as day,
    (['North', 'South', 'East', 'West', 'Central'])[1 + cast(hash(i, 1) % 5 as integer)] as region,
    'Product ' || lpad(cast(hash(i, 2) % 200 as varchar), 3, '0') as product,
    (['Online', 'Partner', 'Direct'])[1 + cast(hash(i, 3) % 3 as integer)] as channel,
    cast(hash(i, 4) % 500000 as bigint) as customer_id,
    1 + cast(hash(i, 5) % 9 as integer) as quantity,
    round(5 + (hash(i, 6) % 50000) / 100.0, 2) as price,
    round((1 + cast(hash(i, 5) % 9 as integer)) * (5 + (hash(i, 6) % 50000) / 100.0), 2) as revenue,
    'order note ' || cast(hash(i, 7) % 100000 as varchar) as note,
    'customer' || cast(hash(i, 4) % 500000 as varchar) || '@example.com' as email
  from range(${ROWS}) t(i)`;

async function timeRuns(run: () => Promise<unknown>): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times;
}

const p50 = (times: number[]) => percentile(times, 0.5);
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 0) : '—');

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`OCP data benchmark — ${count(ROWS)} rows, ${ITERATIONS} timed runs per query; ${loadAverage()}\n`);
  const dir = await mkdtemp(path.join(tmpdir(), 'ocp-bench-data-'));
  let scratch: ScratchDatabase | undefined;
  const cleanUp = async () => {
    await scratch?.drop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
  try {
    // 1. The CSV.
    const csvFile = path.join(dir, 'sales.csv');
    await step('generate the CSV with DuckDB', async () => {
      const duck = await DuckDBInstance.create(':memory:');
      const connection = await duck.connect();
      await connection.run(`copy (${GENERATE}) to '${csvFile}' (header, delimiter ',')`);
      connection.closeSync();
      duck.closeSync();
    });
    const csvBytes = (await stat(csvFile)).size;
    console.log(`  CSV: ${(csvBytes / 1024 ** 2).toFixed(0)} MB`);

    // 2. Ingest, as an upload is ingested.
    const datasetFile = path.join(dir, 'dataset.duckdb');
    const ingestStart = performance.now();
    const options = await step('detect the CSV options', () => detectCsvOptions(csvFile));
    const report = await step('load into a DuckDB dataset file', () =>
      loadIntoNewFile({ file: csvFile, format: 'csv', csv: options }, datasetFile),
    );
    const ingestSeconds = (performance.now() - ingestStart) / 1000;
    if (report.rowCount !== ROWS) throw new Error(`loaded ${report.rowCount} rows, expected ${ROWS}`);

    // 3. Aggregations on DuckDB (through the engine) and PostgreSQL.
    const engine = new QueryEngine({ cacheBytes: 1 });
    const ref = [
      { id: '00000000-0000-4000-8000-000000000001', tableName: 'sales', storageKey: 'bench', file: datasetFile },
    ];
    const duckTimes: number[][] = [];
    for (const aggregation of AGGREGATIONS)
      duckTimes.push(
        await step(
          `DuckDB: ${aggregation.name}`,
          () => timeRuns(() => engine.run(ref, aggregation.sql, { maxRows: 10_000 })),
          (t) => `p50 ${ms(p50(t))} ms`,
        ),
      );
    engine.close();

    const pgTimes: number[][] = [];
    if (WITH_POSTGRES) {
      scratch = await createScratchDatabase('ocp_bench_data');
      const db = scratch;
      // The server process reads the file itself (COPY FROM a path): let it in.
      await chmod(dir, 0o755);
      await chmod(csvFile, 0o644);
      await step('PostgreSQL: COPY the CSV into a table', () =>
        runOutsideTransaction(
          db.url,
          `create table sales (day date, region text, product text, channel text, customer_id bigint, quantity integer, price double precision, revenue double precision, note text, email text)`,
          `copy sales from '${csvFile}' with (format csv, header true)`,
          'vacuum analyze sales',
        ),
      );
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        for (const aggregation of AGGREGATIONS)
          pgTimes.push(
            await step(
              `PostgreSQL: ${aggregation.name}`,
              () => timeRuns(() => client.query(aggregation.sql)),
              (t) => `p50 ${ms(p50(t))} ms`,
            ),
          );
      } finally {
        await client.end();
      }
    }

    // 4. Rendering.
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-01`);
    const bars: QueryResult = {
      columns: [
        { name: 'month', kind: 'date', type: 'DATE' },
        { name: 'revenue', kind: 'number', type: 'DOUBLE' },
      ],
      rows: months.map((m, i) => [m, 100_000 + i * 7_500]),
      truncated: false,
    };
    const days: QueryResult = {
      columns: bars.columns,
      rows: Array.from({ length: 365 }, (_, i) => [
        new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
        1000 + Math.sin(i / 9) * 200 + i,
      ]),
      truncated: false,
    };
    const spec = (type: 'bar' | 'line') =>
      ChartSpec.parse({
        version: 1,
        type,
        data: { dataset_id: ref[0]?.id, sql: 'select 1' },
        style: { title: 'Revenue' },
      });
    const renderTimes = async (run: () => unknown) => timeRuns(async () => run());
    const size = { width: 800, height: 450 };
    const svgBar = await step(
      'render a 12-bar chart as SVG',
      () => renderTimes(() => renderChartSvg(spec('bar'), bars, size)),
      (t) => `p50 ${ms(p50(t))} ms`,
    );
    const pngBar = await step(
      'render a 12-bar chart as PNG',
      () => renderTimes(() => renderChartPng(spec('bar'), bars, size)),
      (t) => `p50 ${ms(p50(t))} ms`,
    );
    const svgLine = await step(
      'render a 365-point line as SVG',
      () => renderTimes(() => renderChartSvg(spec('line'), days, size)),
      (t) => `p50 ${ms(p50(t))} ms`,
    );
    const pngLine = await step(
      'render a 365-point line as PNG',
      () => renderTimes(() => renderChartPng(spec('line'), days, size)),
      (t) => `p50 ${ms(p50(t))} ms`,
    );

    // The table.
    console.log(
      `\nIngest: ${(csvBytes / 1024 ** 2).toFixed(0)} MB CSV, ${count(ROWS)} rows in ${ingestSeconds.toFixed(1)} s = ${(csvBytes / 1024 ** 2 / ingestSeconds).toFixed(0)} MB/s (detection included)`,
    );
    console.log(`\nAggregations over ${count(ROWS)} rows, p50 of ${ITERATIONS} runs (ms)`);
    console.log(
      `${'query'.padEnd(40)} ${'DuckDB'.padStart(9)} ${'PostgreSQL'.padStart(11)} ${'PG/DuckDB'.padStart(10)}`,
    );
    console.log('-'.repeat(73));
    AGGREGATIONS.forEach((a, i) => {
      const duck = p50(duckTimes[i] ?? []);
      const pgp = p50(pgTimes[i] ?? []);
      console.log(
        `${a.name.padEnd(40)} ${ms(duck).padStart(9)} ${ms(pgp).padStart(11)} ${(Number.isFinite(pgp) ? `${(pgp / duck).toFixed(1)}x` : '—').padStart(10)}`,
      );
    });
    console.log(`\nRendering, p50 of ${ITERATIONS} runs (ms), 800×450`);
    console.log(`  12-bar chart:      SVG ${ms(p50(svgBar))}   PNG ${ms(p50(pngBar))}`);
    console.log(`  365-point line:    SVG ${ms(p50(svgLine))}   PNG ${ms(p50(pngLine))}`);

    const groupBy = p50(duckTimes[0] ?? []);
    const ratios = AGGREGATIONS.map((_, i) => p50(pgTimes[i] ?? []) / p50(duckTimes[i] ?? []));
    const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');
    console.log('\nTargets:');
    console.log(
      `  group-by over ${count(ROWS)} rows < 300 ms          ${ms(groupBy).padStart(7)} ms   ${met(groupBy < 300)}`,
    );
    if (WITH_POSTGRES) {
      console.log(
        `  DuckDB ≥ 10x PostgreSQL on the group-by          ${ratios[0]?.toFixed(1).padStart(7)}x   ${met((ratios[0] ?? 0) >= 10)}`,
      );
      console.log(
        `  DuckDB ≥ 10x PostgreSQL on every aggregation     ${Math.min(...ratios)
          .toFixed(1)
          .padStart(7)}x   ${met(Math.min(...ratios) >= 10)} (lowest)`,
      );
    }
    console.log(
      `  PNG render < 50 ms (12-bar chart)                ${ms(p50(pngBar)).padStart(7)} ms   ${met(p50(pngBar) < 50)}`,
    );
    console.log(
      `\nNotes: DuckDB through OCP's engine (SQL check, locked instance, ${2} threads, result cache off); PostgreSQL ${WITH_POSTGRES ? 'on the same machine, same rows, default parallelism' : 'skipped'}.`,
    );
    console.log(`Total run time: ${seconds(started)}; ${loadAverage()}`);
  } finally {
    await cleanUp();
  }
}

await main();
