import type { ColumnType } from '../../shared/datasets.js';

// What a column of text holds, decided from a sample of its values: the part of CSV detection that
// DuckDB's sniffer does not do (numbers written 1.234,50 or 1,234.50, day-first dates). Pure, so
// that every rule is tested on its own.

/** How numbers are written: the decimal and the thousands separator. */
export interface NumberStyle {
  decimal: '.' | ',';
  thousands: '' | ',' | '.' | ' ' | "'";
}

export interface ColumnGuess {
  type: ColumnType;
  /** For DOUBLE (and BIGINT written with separators): how its numbers are written. */
  numberStyle?: NumberStyle;
  /** For DATE: the strftime format. */
  dateFormat?: string;
}

/** A type is chosen when this share of the non-empty sample values fits it. */
const FIT = 0.95;

const INTEGER = /^[+-]?\d+$/;
const NUMBER_STYLES: { style: NumberStyle; pattern: RegExp; integerOnly?: boolean }[] = [
  { style: { decimal: '.', thousands: '' }, pattern: /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/ },
  { style: { decimal: ',', thousands: '' }, pattern: /^[+-]?\d+(,\d+)?$/ },
  { style: { decimal: '.', thousands: ',' }, pattern: /^[+-]?\d{1,3}(,\d{3})*(\.\d+)?$/ },
  { style: { decimal: ',', thousands: '.' }, pattern: /^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$/ },
  { style: { decimal: ',', thousands: ' ' }, pattern: /^[+-]?\d{1,3}( \d{3})*(,\d+)?$/ },
  { style: { decimal: '.', thousands: "'" }, pattern: /^[+-]?\d{1,3}('\d{3})*(\.\d+)?$/ },
];

const DATE_FORMATS: { format: string; pattern: RegExp; order: 'ymd' | 'dmy' | 'mdy' }[] = [
  { format: '%Y-%m-%d', pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: 'ymd' },
  { format: '%Y/%m/%d', pattern: /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, order: 'ymd' },
  { format: '%d/%m/%Y', pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: 'dmy' },
  { format: '%m/%d/%Y', pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: 'mdy' },
  { format: '%d.%m.%Y', pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: 'dmy' },
  { format: '%d-%m-%Y', pattern: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, order: 'dmy' },
  { format: '%m-%d-%Y', pattern: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, order: 'mdy' },
];

/** ISO 8601 date-times, which DuckDB reads without a format. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const BOOLEAN = /^(true|false)$/i;

function share(values: string[], fits: (value: string) => boolean): number {
  let n = 0;
  for (const value of values) if (fits(value)) n++;
  return n / values.length;
}

function validDate(match: RegExpExecArray, order: 'ymd' | 'dmy' | 'mdy'): boolean {
  const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [month, day] = order === 'ymd' ? [b, c] : order === 'dmy' ? [b, a] : [a, b];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function guessNumber(values: string[], delimiter: string): ColumnGuess | undefined {
  if (share(values, (v) => INTEGER.test(v)) >= FIT) return { type: 'BIGINT' };
  const fitting = NUMBER_STYLES.filter((s) => share(values, (v) => s.pattern.test(v)) >= FIT);
  if (fitting.length === 0) return undefined;
  // "1,234" fits both "decimal comma" and "thousands comma". Groups of exactly three digits after
  // every comma read as thousands, unless the file is ;-separated (where the comma is the decimal
  // separator by convention).
  const commaDecimal = fitting.find((s) => s.style.decimal === ',' && s.style.thousands === '');
  const commaThousands = fitting.find((s) => s.style.thousands === ',');
  const chosen =
    commaDecimal && commaThousands
      ? delimiter === ';' || values.some((v) => /,(\d{1,2}|\d{4,})$/.test(v))
        ? commaDecimal
        : commaThousands
      : fitting[0];
  return chosen ? { type: 'DOUBLE', numberStyle: chosen.style } : undefined;
}

function guessDate(values: string[]): ColumnGuess | undefined {
  for (const { format, pattern, order } of DATE_FORMATS) {
    const fits = (v: string) => {
      const match = pattern.exec(v);
      return match !== null && validDate(match, order);
    };
    if (share(values, fits) >= FIT) return { type: 'DATE', dateFormat: format };
  }
  return undefined;
}

/** The type of a column from a sample of its values (empty strings and nulls are ignored). */
export function guessColumn(sample: (string | null)[], delimiter = ','): ColumnGuess {
  const values = sample.map((v) => (v ?? '').trim()).filter((v) => v !== '');
  if (values.length === 0) return { type: 'VARCHAR' };
  if (share(values, (v) => BOOLEAN.test(v)) >= FIT) return { type: 'BOOLEAN' };
  return (
    guessNumber(values, delimiter) ??
    guessDate(values) ??
    (share(values, (v) => ISO_TIMESTAMP.test(v)) >= FIT ? { type: 'TIMESTAMP' } : { type: 'VARCHAR' })
  );
}

/**
 * One number style and one date format for the whole file (DuckDB reads a file with one of each):
 * the most common among the columns; a column that disagrees is loaded as text.
 */
export function reconcile(guesses: ColumnGuess[]): {
  types: ColumnType[];
  numberStyle: NumberStyle;
  dateFormat: string | null;
} {
  const mostCommon = <T>(items: T[], key: (item: T) => string): T | undefined => {
    const counts = new Map<string, { item: T; n: number }>();
    for (const item of items) {
      const entry = counts.get(key(item)) ?? { item, n: 0 };
      entry.n++;
      counts.set(key(item), entry);
    }
    return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.item;
  };
  const styles = guesses.flatMap((g) => (g.numberStyle ? [g.numberStyle] : []));
  const numberStyle = mostCommon(styles, (s) => s.decimal + s.thousands) ?? { decimal: '.', thousands: '' };
  const dateFormat = mostCommon(
    guesses.flatMap((g) => (g.dateFormat ? [g.dateFormat] : [])),
    (f) => f,
  );
  const types = guesses.map((g) => {
    if (
      g.numberStyle &&
      (g.numberStyle.decimal !== numberStyle.decimal || g.numberStyle.thousands !== numberStyle.thousands)
    )
      return 'VARCHAR';
    if (g.dateFormat && g.dateFormat !== dateFormat) return 'VARCHAR';
    return g.type;
  });
  return { types, numberStyle, dateFormat: dateFormat ?? null };
}
