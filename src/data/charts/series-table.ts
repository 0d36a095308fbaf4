import type { ChartContext } from './chart-context.js';
import { columnData, timeGrainOf } from './chart-context.js';
import { cellFormatter } from './formats.js';
import { isTimeKind, toEpochMs, toNumber } from './values.js';

/** One line, bar run or pie: a value per category (null where the data has none). */
export interface SeriesColumn {
  name: string;
  /** The result column the values come from. */
  field: string;
  values: (number | null)[];
}

/** The data of a category chart: axis labels, and the series drawn over them. */
export interface SeriesTable {
  categories: string[];
  /** Whether the categories are dates or times (then they are never grouped as "Other"). */
  timeCategories: boolean;
  series: SeriesColumn[];
}

/** More series than this make an unreadable legend and indistinct colours. */
export const MAX_SERIES = 20;
/** More bars or slices than this are grouped: the largest 49 and "Other". */
export const MAX_CATEGORIES = 50;

/**
 * The result as categories × series for the given value columns. Without a series column each row
 * is a category, as the query ordered them (dates and times in time order). With one, rows are pivoted: one series per distinct
 * value (times each field), categories in order of first appearance; the 20 largest series are
 * kept. Rows that meet on the same category and series are added up, with a warning.
 */
export function seriesTable(ctx: ChartContext, fields: string[]): SeriesTable {
  const { x, series: seriesField } = ctx.encoding;
  const rowCount = ctx.data.rows.length;
  const xColumn = x === undefined ? undefined : columnData(ctx, x);
  const label: (value: unknown, row: number) => string = xColumn
    ? cellFormatter(
        xColumn.kind,
        xColumn.values,
        ctx.spec.style.x_axis,
        ctx.locale,
        ctx.warnings,
        timeGrainOf(ctx, x ?? ''),
      )
    : (_: unknown, i: number) => String(i + 1);
  const fieldValues = fields.map((f) => columnData(ctx, f).values.map(toNumber));
  const timeCategories = xColumn !== undefined && isTimeKind(xColumn.kind);

  // Time runs left to right whatever order the query returned rows in; other x keep its order.
  const order = timeCategories ? chronological(xColumn.values) : Array.from({ length: rowCount }, (_, i) => i);

  if (seriesField === undefined) {
    const categories = order.map((row) => label(xColumn?.values[row], row));
    const series = fields.map((field, f) => ({
      name: field,
      field,
      values: order.map((row) => fieldValues[f]?.[row] ?? null),
    }));
    return { categories, timeCategories, series };
  }

  const splitColumn = columnData(ctx, seriesField);
  const splitLabel = cellFormatter(splitColumn.kind, splitColumn.values, undefined, ctx.locale, ctx.warnings);
  const categoryIndex = new Map<string, number>();
  const categories: string[] = [];
  const groups = new Map<string, { name: string; cells: Map<number, number | null>[] }>();
  let collided = false;

  for (const row of order) {
    const xKey = xColumn ? keyOf(xColumn.values[row]) : String(row);
    let category = categoryIndex.get(xKey);
    if (category === undefined) {
      category = categories.length;
      categoryIndex.set(xKey, category);
      categories.push(label(xColumn?.values[row], row));
    }
    const groupKey = keyOf(splitColumn.values[row]);
    let group = groups.get(groupKey);
    if (!group) {
      group = { name: splitLabel(splitColumn.values[row]), cells: fields.map(() => new Map()) };
      groups.set(groupKey, group);
    }
    for (let f = 0; f < fields.length; f++) {
      const cells = group.cells[f] as Map<number, number | null>;
      const value = fieldValues[f]?.[row] ?? null;
      if (cells.has(category)) {
        collided = true;
        const before = cells.get(category) ?? null;
        cells.set(category, before === null ? value : before + (value ?? 0));
      } else {
        cells.set(category, value);
      }
    }
  }
  if (collided) {
    ctx.warnings.push(`Several rows share a ${x ?? 'row'} and ${seriesField}; their values were added up`);
  }

  const kept = largestGroups([...groups.values()], ctx, seriesField);
  const series = kept.flatMap((group) =>
    fields.map((field, f) => ({
      name: fields.length === 1 ? group.name : `${group.name} · ${field}`,
      field,
      values: categories.map((_, c) => group.cells[f]?.get(c) ?? null),
    })),
  );
  return { categories, timeCategories, series };
}

/** Keeps the MAX_SERIES groups with the largest totals, in their original order. */
function largestGroups<G extends { cells: Map<number, number | null>[] }>(
  groups: G[],
  ctx: ChartContext,
  seriesField: string,
): G[] {
  if (groups.length <= MAX_SERIES) return groups;
  ctx.warnings.push(
    `Showing ${MAX_SERIES} of ${groups.length} series of ${seriesField} (the largest); the others are left out`,
  );
  const size = (g: G) =>
    g.cells.reduce((sum, cells) => sum + [...cells.values()].reduce<number>((s, v) => s + Math.abs(v ?? 0), 0), 0);
  const keep = new Set([...groups].sort((a, b) => size(b) - size(a)).slice(0, MAX_SERIES));
  return groups.filter((g) => keep.has(g));
}

/** Row numbers sorted by time, earliest first; rows without a readable time go last. */
function chronological(values: unknown[]): number[] {
  const times = values.map((v) => toEpochMs(v) ?? Number.POSITIVE_INFINITY);
  return values.map((_, i) => i).sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);
}

/** Distinct cells stay distinct even when they print alike ("1" the string, 1 the number). */
function keyOf(value: unknown): string {
  return `${typeof value}:${String(value)}`;
}

/**
 * Keeps the 49 categories with the largest totals (in their order) and adds the rest up as
 * "Other". Dates and times are never grouped: "Other" days would mean nothing.
 */
export function groupOtherCategories(table: SeriesTable, warnings: string[]): SeriesTable {
  const n = table.categories.length;
  if (n <= MAX_CATEGORIES || table.timeCategories) return table;
  const keepCount = MAX_CATEGORIES - 1;
  const totals = table.categories.map((_, c) => table.series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0));
  const ranked = totals.map((total, c) => ({ total, c })).sort((a, b) => b.total - a.total);
  const keep = new Set(ranked.slice(0, keepCount).map((r) => r.c));
  warnings.push(`Showing the top ${keepCount} of ${n} categories; the other ${n - keepCount} are grouped as "Other"`);
  const kept = (values: readonly unknown[]) => values.filter((_, c) => keep.has(c));
  return {
    categories: [...(kept(table.categories) as string[]), 'Other'],
    timeCategories: false,
    series: table.series.map((s) => ({
      ...s,
      values: [
        ...(kept(s.values) as (number | null)[]),
        s.values.reduce<number>((sum, v, c) => (keep.has(c) ? sum : sum + (v ?? 0)), 0),
      ],
    })),
  };
}

/** Each category's values as percentages of that category's total, so every stack reaches 100. */
export function toPercentOfCategory(series: SeriesColumn[]): SeriesColumn[] {
  const length = Math.max(0, ...series.map((s) => s.values.length));
  const totals = Array.from({ length }, (_, c) => series.reduce((sum, s) => sum + Math.abs(s.values[c] ?? 0), 0));
  return series.map((s) => ({
    ...s,
    values: s.values.map((v, c) => (v === null || !totals[c] ? null : (v / (totals[c] ?? 1)) * 100)),
  }));
}
