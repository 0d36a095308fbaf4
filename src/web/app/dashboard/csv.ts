/**
 * A table as CSV (RFC 4180): a header row, then one line per row, lines ending in CRLF. A field is
 * quoted when it holds a comma, a quote or a line break, with its quotes doubled; null is an
 * empty field. Dates keep the ISO 8601 text the API sends (Date objects become ISO too), so
 * spreadsheets read them as dates; objects and lists are written as JSON.
 *
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe, as OWASP advises against CSV injection; numbers, and text
 * that is just a number such as "-5", are left alone.
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [columns.map((name) => field(name)), ...rows.map((row) => columns.map((_, i) => field(row[i])))];
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function field(value: unknown): string {
  return quote(text(value));
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return JSON.stringify(value);
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
