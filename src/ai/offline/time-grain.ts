import { TIME_GRAINS } from '../../shared/chart-spec.js';
import type { ColumnInfo } from './match-columns.js';
import type { PeriodUnit, TimeGrain } from './understand-chart.js';
import { terms } from './words.js';

// The time grain of a time axis the user did not name ("over time", "last 30 days"): fine enough
// to show a shape, coarse enough not to draw thousands of points, and never finer than the data
// (a column called "month" holds months).

const rank = (grain: TimeGrain) => TIME_GRAINS.indexOf(grain);
const coarser = (a: TimeGrain, b: TimeGrain): TimeGrain => (rank(a) >= rank(b) ? a : b);

/** The grain a column's values already have: its name when that is a grain, else what its type allows. */
function nativeGrain(column: ColumnInfo): TimeGrain {
  const named = terms(column.name).find((t): t is TimeGrain => (TIME_GRAINS as readonly string[]).includes(t));
  if (named) return named;
  return column.kind === 'date' ? 'day' : 'minute';
}

/** A grain that draws a period of this length in a few dozen points. */
function grainForPeriod({ n, unit }: { n: number; unit: PeriodUnit }): TimeGrain {
  switch (unit) {
    case 'hour':
      return n <= 3 ? 'minute' : 'hour';
    case 'day':
      return n <= 2 ? 'hour' : 'day';
    case 'week':
      return n <= 4 ? 'day' : 'week';
    case 'month':
      return n <= 2 ? 'day' : n <= 6 ? 'week' : 'month';
    case 'quarter':
      return n <= 1 ? 'week' : 'month';
    case 'year':
      return 'month';
  }
}

/** The grain for a time axis on `column` when the user named none. */
export function defaultGrain(column: ColumnInfo, period?: { n: number; unit: PeriodUnit }): TimeGrain {
  const wanted = period ? grainForPeriod(period) : column.kind === 'date' ? 'week' : 'hour';
  return coarser(nativeGrain(column), wanted);
}
