import type { ChartSpec, ChartType, Encoding, QueryResult } from '../../shared/chart-spec.js';
import { ChartDataError, listColumns } from './chart-data-error.js';
import { isTimeKind } from './values.js';

type Column = QueryResult['columns'][number];

/** Most y columns the spec allows, so a default never makes an encoding the spec would refuse. */
const MAX_Y = 10;
const MAX_Y2 = 5;

/**
 * The encoding a chart is drawn with: every field `spec.encoding` names, and a sensible pick for
 * each one it leaves out, from the result's columns (after calculations).
 *
 * - x: the first dimension of a structured query, else the first column that is not a number
 *   (else the first column, when there are several). Scatter and histogram take the first number
 *   column; a KPI takes the first date, only to know which row is the latest.
 * - series: the second dimension of a structured query; for a heatmap, else the next text column.
 * - y: the number columns not used elsewhere (a single one for pie, donut, heatmap, scatter, KPI).
 * - y2 (combo only): the number columns after the first, which then is the only y.
 */
export function defaultEncoding(spec: ChartSpec, result: QueryResult): Encoding {
  const explicit = spec.encoding;
  const columns = result.columns;
  const numeric = columns.filter((c) => c.kind === 'number').map((c) => c.name);
  const other = columns.filter((c) => c.kind !== 'number').map((c) => c.name);
  const dimensions = structuredDimensions(spec).filter((d) => columns.some((c) => c.name === d));

  const x = explicit.x ?? defaultX(spec.type, columns, numeric, other, dimensions);
  const series = explicit.series ?? defaultSeries(spec.type, x, other, dimensions);
  const taken = new Set([x, series, explicit.size, ...(explicit.y2 ?? [])]);
  const candidates = numeric.filter((name) => !taken.has(name));

  const encoding: Encoding = {};
  if (x !== undefined) encoding.x = x;
  if (series !== undefined) encoding.series = series;
  if (explicit.size !== undefined) encoding.size = explicit.size;

  const y = explicit.y ?? defaultY(spec.type, candidates);
  if (y.length) encoding.y = y;
  if (spec.type === 'combo') {
    const y2 = explicit.y2 ?? candidates.filter((name) => !y.includes(name)).slice(0, MAX_Y2);
    if (y2.length) encoding.y2 = y2;
  }
  return encoding;
}

/**
 * Throws ChartDataError, pointing at the encoding field, when it names a column the result does
 * not have; the message lists the columns there are.
 */
export function checkEncoding(encoding: Encoding, result: QueryResult): void {
  const known = new Set(result.columns.map((c) => c.name));
  const check = (name: string | undefined, path: string) => {
    if (name !== undefined && !known.has(name)) {
      throw new ChartDataError(
        `Column "${name}" (${path.slice(1).replaceAll('/', '.')}) is not in the result; available columns: ${listColumns(result.columns)}`,
        path,
      );
    }
  };
  check(encoding.x, '/encoding/x');
  for (const [i, name] of (encoding.y ?? []).entries()) check(name, `/encoding/y/${i}`);
  for (const [i, name] of (encoding.y2 ?? []).entries()) check(name, `/encoding/y2/${i}`);
  check(encoding.series, '/encoding/series');
  check(encoding.size, '/encoding/size');
}

/** The result names of a structured query's dimensions, in order (none for SQL). */
function structuredDimensions(spec: ChartSpec): string[] {
  return 'query' in spec.data ? spec.data.query.dimensions.map((d) => d.as ?? d.field) : [];
}

function defaultX(
  type: ChartType,
  columns: Column[],
  numeric: string[],
  other: string[],
  dimensions: string[],
): string | undefined {
  switch (type) {
    case 'table':
      return undefined;
    case 'kpi':
      return columns.find((c) => isTimeKind(c.kind))?.name;
    case 'histogram':
      return numeric[0] ?? columns[0]?.name;
    case 'scatter':
      return numeric.length >= 2 ? numeric[0] : (other[0] ?? columns[0]?.name);
    default:
      // A lone number column is the value itself; rows are then numbered along the axis.
      return dimensions[0] ?? other[0] ?? (columns.length > 1 ? columns[0]?.name : undefined);
  }
}

function defaultSeries(
  type: ChartType,
  x: string | undefined,
  other: string[],
  dimensions: string[],
): string | undefined {
  if (type === 'heatmap') return dimensions.find((d) => d !== x) ?? other.find((name) => name !== x);
  const pivots = ['line', 'area', 'bar', 'stacked_bar', 'combo', 'scatter'].includes(type);
  return pivots ? dimensions.slice(1).find((d) => d !== x) : undefined;
}

function defaultY(type: ChartType, candidates: string[]): string[] {
  switch (type) {
    case 'table':
    case 'histogram':
      return [];
    case 'pie':
    case 'donut':
    case 'heatmap':
    case 'scatter':
    case 'kpi':
    case 'combo':
      return candidates.slice(0, 1);
    default:
      return candidates.slice(0, MAX_Y);
  }
}
