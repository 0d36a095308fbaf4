import { ident } from '../../data/ingest/read-source.js';
import { AGGREGATE_SQL } from '../../data/query/compile-structured.js';
import type { ValueFilter } from './match-values.js';
import type { ResolvedChart } from './resolve-chart.js';
import { dimensionName, distinctMeasures, measureName } from './result-names.js';

// The SQL form of a chart's data, for what a structured query cannot say: a period relative to
// the newest row ("last 7 days": the spec's filters only take literal values) and a sample of
// raw rows for a scatter. Identifiers are quoted; values travel as $parameters, never as text.

type Scalar = string | number | boolean;

/** Simple DuckDB type names only: they are written into the SQL as casts. */
const SIMPLE_TYPE = /^[A-Z][A-Z0-9_ ]*$/i;

/** Whether a chart needs the SQL form rather than a structured query. */
export const needsSql = (chart: ResolvedChart): boolean =>
  chart.period !== undefined || (chart.raw && chart.type === 'scatter');

/** The chart's data as one SELECT over the dataset's table, with its parameters. */
export function chartSql(chart: ResolvedChart): { sql: string; params: Record<string, Scalar> } {
  const table = ident(chart.dataset.table_name);
  const params: Record<string, Scalar> = {};
  const param = (value: Scalar, type: string) => {
    const name = `p${Object.keys(params).length}`;
    params[name] = value;
    return SIMPLE_TYPE.test(type) ? `CAST($${name} AS ${type})` : `$${name}`;
  };

  const select: string[] = [];
  if (chart.raw) for (const m of chart.measures) if (m.column) select.push(ident(m.column.name));
  for (const d of chart.raw ? [] : chart.dimensions) {
    const column = ident(d.column.name);
    const expr = d.grain ? `date_trunc('${d.grain}', ${column})${d.column.kind === 'date' ? '::date' : ''}` : column;
    const name = dimensionName(d, chart);
    select.push(d.grain || name !== d.column.name ? `${expr} as ${ident(name)}` : column);
  }
  for (const m of chart.raw ? [] : distinctMeasures(chart)) {
    const aggregate = AGGREGATE_SQL[m.aggregate] as (c: string) => string;
    select.push(`${aggregate(m.column ? ident(m.column.name) : '*')} as ${ident(measureName(m))}`);
  }

  const where: string[] = [];
  if (chart.period) {
    const column = ident(chart.period.column.name);
    const { n, unit } = chart.period;
    const interval = unit === 'quarter' ? `interval ${3 * n} month` : `interval ${n} ${unit}`;
    where.push(`${column} > (select max(${column}) from ${table}) - ${interval}`);
  }
  for (const f of chart.filters) where.push(condition(f, param));

  const grouped = !chart.raw && chart.dimensions.length > 0;
  const groupBy = chart.dimensions.map((_, i) => i + 1).join(', ');
  const first = distinctMeasures(chart)[0];
  const orderBy = chart.sort && first ? `${ident(measureName(first))} ${chart.sort}` : grouped ? groupBy : '';
  const lines = [
    `select ${select.join(', ')}`,
    `from ${table}`,
    where.length ? `where ${where.join('\n  and ')}` : '',
    grouped ? `group by ${groupBy}` : '',
    orderBy ? `order by ${orderBy}` : '',
    // A scatter of raw rows draws a fixed-seed sample: every row of a large table would not help.
    chart.raw && chart.limit ? `using sample reservoir(${chart.limit} rows) repeatable (42)` : '',
    !chart.raw && chart.limit ? `limit ${chart.limit}` : '',
  ];
  return { sql: lines.filter(Boolean).join('\n'), params };
}

function condition(f: ValueFilter, param: (value: Scalar, type: string) => string): string {
  const column = ident(f.column.name);
  const values = f.values.map((v) => param(v, f.column.type));
  switch (f.op) {
    case 'in':
      return `${column} in (${values.join(', ')})`;
    case 'not_in':
      return `${column} not in (${values.join(', ')})`;
    default:
      return `${column} ${f.op} ${values[0]}`;
  }
}
