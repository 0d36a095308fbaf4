import type { CsvOptions, FileFormat } from '../../shared/datasets.js';

// The DuckDB table expression that reads a source file the way the user chose, and the column
// expressions that turn what DuckDB read into the dataset's columns. Files named here are the
// server's own upload files, never a path from a request.

/** A SQL string literal. */
export const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
/** A quoted SQL identifier. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Whether a CSV column is read as text by DuckDB and converted afterwards (numbers with thousands separators). */
function convertedLater(options: CsvOptions, type: string): boolean {
  return options.thousands_separator !== '' && (type === 'DOUBLE' || type === 'BIGINT');
}

/** read_csv(...) with every choice explicit, rejected rows stored for the report. */
function readCsv(file: string, options: CsvOptions): string {
  const columns = options.columns
    .map((c) => `${literal(c.name)}: ${literal(convertedLater(options, c.type) ? 'VARCHAR' : c.type)}`)
    .join(', ');
  const settings = [
    `delim = ${literal(options.delimiter)}`,
    `quote = ${literal(options.quote)}`,
    `escape = ${literal(options.escape)}`,
    `header = ${options.header}`,
    `skip = ${options.skip}`,
    `columns = {${columns}}`,
    'auto_detect = false',
    `decimal_separator = ${literal(options.decimal_separator)}`,
    options.date_format ? `dateformat = ${literal(options.date_format)}` : undefined,
    options.timestamp_format ? `timestampformat = ${literal(options.timestamp_format)}` : undefined,
    'store_rejects = true',
    'ignore_errors = true',
  ].filter(Boolean);
  return `read_csv(${literal(file)}, ${settings.join(', ')})`;
}

export function readSource(file: string, format: FileFormat, csv?: CsvOptions): string {
  if (format === 'parquet') return `read_parquet(${literal(file)})`;
  if (format === 'json') return `read_json(${literal(file)}, format = 'auto')`;
  if (!csv) throw new Error('CSV options are needed to read a CSV file');
  return readCsv(file, csv);
}

export interface SelectList {
  /** The select list producing the dataset's columns. */
  sql: string;
  /** Columns converted after reading: their raw text is kept as __raw_<i> to report values that did not convert. */
  converted: { column: string; raw: string }[];
}

/** The dataset's columns from what readSource returns; keepRaw adds the raw text of converted columns. */
export function selectList(format: FileFormat, csv: CsvOptions | undefined, keepRaw: boolean): SelectList {
  if (format !== 'csv' || !csv) return { sql: '*', converted: [] };
  const converted: SelectList['converted'] = [];
  const parts = csv.columns.map((c, i) => {
    if (!convertedLater(csv, c.type)) return ident(c.name);
    const col = ident(c.name);
    const withoutThousands = `replace(trim(${col}), ${literal(csv.thousands_separator)}, '')`;
    const dotted = csv.decimal_separator === ',' ? `replace(${withoutThousands}, ',', '.')` : withoutThousands;
    const raw = `__raw_${i}`;
    converted.push({ column: c.name, raw });
    return `TRY_CAST(${dotted} AS ${c.type}) AS ${col}${keepRaw ? `, ${col} AS ${raw}` : ''}`;
  });
  return { sql: parts.join(', '), converted };
}
