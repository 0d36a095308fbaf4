import type { ResolvedChart, ResolvedDimension, ResolvedMeasure } from './resolve-chart.js';
import { terms } from './words.js';

// The names of a chart's result columns, the same in the structured and in the SQL form, so the
// sort, the encoding and the user's later edits can refer to them.

/** A measure's result column: the column for a sum ("revenue"), else aggregate_column, or "count". */
export function measureName(m: ResolvedMeasure): string {
  if (!m.column) return 'count';
  if (m.aggregate === 'sum') return m.column.name;
  if (m.aggregate === 'count_distinct') return `distinct_${m.column.name}`;
  return `${m.aggregate}_${m.column.name}`;
}

/**
 * A dimension's result column: a time axis is named after its grain ("day"), unless the column
 * already is ("month" by month) or that name is taken by another result column.
 */
export function dimensionName(d: ResolvedDimension, chart: ResolvedChart): string {
  if (!d.grain || terms(d.column.name).includes(d.grain)) return d.column.name;
  const taken = [
    ...chart.dimensions.filter((o) => o !== d).map((o) => o.column.name),
    ...chart.measures.map(measureName),
  ];
  return taken.includes(d.grain) ? d.column.name : d.grain;
}

/** The measures without repeats (asking for "revenue and revenue" charts one line). */
export function distinctMeasures(chart: ResolvedChart): ResolvedMeasure[] {
  const seen = new Set<string>();
  return chart.measures.filter((m) => !seen.has(measureName(m)) && seen.add(measureName(m)));
}
