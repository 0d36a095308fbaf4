import type { ChartStyle, ColumnKind } from '../../shared/chart-spec.js';
import { isTimeKind, toEpochMs, toNumber } from './values.js';

/** An axis's style: title, number format, date format, range. */
export type AxisStyle = NonNullable<ChartStyle['x_axis']>;
/** A number format from the spec: style, currency, decimals, compact. */
export type NumberFormatSpec = NonNullable<AxisStyle['format']>;
type DateFormat = NonNullable<AxisStyle['date_format']> | 'quarter';

/** What an empty value looks like wherever one is written. */
export const EMPTY_TEXT = '—';

/**
 * A function writing numbers as the spec's format asks, with Intl.NumberFormat. Percent takes
 * fractions (0.25 is 25%), as percent_of_total makes them. A currency style without a currency
 * cannot be written; it falls back to plain numbers and says so in `warnings`.
 */
export function numberFormatter(
  format: NumberFormatSpec | undefined,
  locale: string,
  warnings: string[],
): (value: number | null) => string {
  const options: Intl.NumberFormatOptions = {};
  const style = format?.style ?? 'number';
  const currency = format?.currency;
  if (style === 'currency' && currency) {
    options.style = 'currency';
    options.currency = currency;
    // €50 rather than €50.00 on an axis tick; €12.50 keeps its cents.
    if (format?.decimals === undefined) options.trailingZeroDisplay = 'stripIfInteger';
  } else if (style === 'currency') {
    warnings.push('A currency format needs a currency code (e.g. EUR); numbers are shown without one');
  } else if (style === 'percent') {
    options.style = 'percent';
  }
  if (format?.compact) options.notation = 'compact';
  if (format?.decimals !== undefined) {
    options.minimumFractionDigits = format.decimals;
    options.maximumFractionDigits = format.decimals;
  } else if (style !== 'currency' || format?.compact) {
    // Without decimals asked for: as few as the value needs (€800K, not €800.0K), up to 1 or 2.
    options.minimumFractionDigits = 0;
    options.maximumFractionDigits = format?.compact || style === 'percent' ? 1 : 2;
  }
  const intl = new Intl.NumberFormat(locale, options);
  return (value) => (value === null ? EMPTY_TEXT : intl.format(value));
}

const DATE_FORMATS: Record<Exclude<DateFormat, 'auto' | 'quarter'>, Intl.DateTimeFormatOptions> = {
  date: { year: 'numeric', month: 'short', day: 'numeric' },
  month: { year: 'numeric', month: 'short' },
  year: { year: 'numeric' },
  datetime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

/**
 * A function writing dates and timestamps as labels, in UTC (see toEpochMs). `auto` looks at all
 * the values: whole years, whole months, days, or times of day.
 */
export function dateFormatter(
  values: readonly unknown[],
  dateFormat: DateFormat | undefined,
  locale: string,
): (value: unknown) => string {
  const times = values.map(toEpochMs).filter((t): t is number => t !== null);
  const chosen = !dateFormat || dateFormat === 'auto' ? detectDateFormat(times) : dateFormat;
  if (chosen === 'quarter') {
    return (value) => {
      const t = toEpochMs(value);
      if (t === null) return fallbackText(value);
      const d = new Date(t);
      return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
    };
  }
  const intl = new Intl.DateTimeFormat(locale, { ...DATE_FORMATS[chosen], timeZone: 'UTC' });
  return (value) => {
    const t = toEpochMs(value);
    return t === null ? fallbackText(value) : intl.format(t);
  };
}

function detectDateFormat(times: number[]): Exclude<DateFormat, 'auto' | 'quarter'> {
  const dates = times.map((t) => new Date(t));
  if (dates.some((d) => d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds())) return 'datetime';
  if (dates.length > 1 && dates.every((d) => d.getUTCDate() === 1)) {
    return dates.every((d) => d.getUTCMonth() === 0) ? 'year' : 'month';
  }
  return 'date';
}

/**
 * A function writing any cell of a column as text: dates as dates, numbers with the given format
 * (or plainly, so a year column reads 2024 and not 2,024), empty cells as a dash.
 */
export function cellFormatter(
  kind: ColumnKind,
  values: readonly unknown[],
  axis: AxisStyle | undefined,
  locale: string,
  warnings: string[],
  timeGrain?: string,
): (value: unknown) => string {
  if (isTimeKind(kind)) {
    const wanted = axis?.date_format ?? (timeGrain === 'quarter' ? 'quarter' : 'auto');
    return dateFormatter(values, wanted, locale);
  }
  if (kind === 'number' && axis?.format) {
    const format = numberFormatter(axis.format, locale, warnings);
    return (value) => {
      const n = toNumber(value);
      return n === null ? fallbackText(value) : format(n);
    };
  }
  return fallbackText;
}

function fallbackText(value: unknown): string {
  if (value === null || value === undefined) return EMPTY_TEXT;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
