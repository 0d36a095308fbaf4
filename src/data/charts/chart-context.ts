import type { ChartSpec, ColumnKind, Encoding, QueryResult } from '../../shared/chart-spec.js';
import { resultName } from './calculations.js';
import { type AxisStyle, numberFormatter } from './formats.js';
import type { Theme } from './theme.js';

/** Everything a chart type's builder needs: the spec, the data after calculations, the canvas. */
export interface ChartContext {
  spec: ChartSpec;
  /** The result after calculations. */
  data: QueryResult;
  /** The complete encoding (defaults filled in), checked against `data`. */
  encoding: Encoding;
  width: number;
  height: number;
  theme: Theme;
  colors: string[];
  locale: string;
  /** Builders add what the viewer should know (rows left out, series capped). */
  warnings: string[];
}

/** One column of the data: where it is, its kind, and its cells in row order. */
export interface ColumnData {
  name: string;
  kind: ColumnKind;
  values: unknown[];
}

/** A column by name; encodings are checked before builders run, so it exists. */
export function columnData(ctx: ChartContext, name: string): ColumnData {
  const index = ctx.data.columns.findIndex((c) => c.name === name);
  const column = ctx.data.columns[index];
  if (!column) throw new Error(`Column "${name}" is not in the data`);
  return { name, kind: column.kind, values: ctx.data.rows.map((row) => row[index]) };
}

/** The time grain a structured query truncates this column to, if it is one of its dimensions. */
export function timeGrainOf(ctx: ChartContext, name: string): string | undefined {
  const data = ctx.spec.data;
  if (!('query' in data)) return undefined;
  return data.query.dimensions.find((d) => (d.as ?? d.field) === name)?.time_grain;
}

/**
 * How the values of `fields` are written: with the axis's number format, else as percentages
 * when they all come from percent_of_total (fractions that would otherwise read 0.23).
 */
export function valueFormatter(
  ctx: ChartContext,
  axis: AxisStyle | undefined,
  fields: readonly string[],
): (value: number | null) => string {
  const percents = new Set(ctx.spec.calculations.filter((c) => c.type === 'percent_of_total').map(resultName));
  const allPercent = fields.length > 0 && fields.every((f) => percents.has(f));
  const format = axis?.format ?? (allPercent ? { style: 'percent' as const } : undefined);
  return numberFormatter(format, ctx.locale, ctx.warnings);
}
