import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { QueryResult } from '../../shared/chart-spec.js';
import type { BadRow, CsvOptions, DatasetColumn, FileFormat } from '../../shared/datasets.js';
import { kindOfTypeName, toQueryResult } from '../duckdb-values.js';
import { guessColumn, reconcile } from './classify-values.js';
import { ident, literal, readSource, selectList } from './read-source.js';

/** A file that cannot be read as asked: its message is for the user. */
export class LoadError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Bad rows listed in a report; the count covers all of them. */
const MAX_BAD_ROWS_LISTED = 100;
const SAMPLE_ROWS = 5000;

export interface LoadSource {
  file: string;
  format: FileFormat;
  /** For CSV: how to read it (detectCsvOptions gives a starting point). */
  csv?: CsvOptions | undefined;
}

export interface LoadReport {
  columns: DatasetColumn[];
  rowCount: number;
  sizeBytes: number;
  badRows: BadRow[];
  badRowCount: number;
}

/** Runs work on a DuckDB instance of its own (a file, or in memory), closed afterwards. */
async function withDuckDb<T>(path: string, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(path, { threads: '2' });
  const connection = await instance.connect();
  try {
    return await work(connection);
  } catch (error) {
    if (error instanceof LoadError) throw error;
    // DuckDB's own words ("Could not convert …", "Invalid unicode …") are the useful part.
    throw new LoadError((error as Error).message.replace(/^[A-Za-z ]+Error: /, ''));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The format of an upload, from its name, else from its first bytes. */
export function detectFormat(fileName: string, head: Buffer): FileFormat {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (['csv', 'tsv', 'txt', 'tab'].includes(ext)) return 'csv';
  if (['json', 'ndjson', 'jsonl'].includes(ext)) return 'json';
  if (['parquet', 'pq'].includes(ext)) return 'parquet';
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  const first = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'csv';
}

const sniffed = (value: unknown) => (typeof value === 'string' && value !== '(empty)' ? value : '');

/**
 * How to read a CSV file: the dialect from DuckDB's sniffer (delimiter, quote, escape, header,
 * lines to skip; the BOM is dropped by DuckDB), the column types from a sample of the values
 * (classify-values.ts), so that 1.234,50 and 31/01/2024 become numbers and dates.
 */
export async function detectCsvOptions(file: string): Promise<CsvOptions> {
  return withDuckDb(':memory:', async (db) => {
    const sniff = (
      await db.runAndReadAll(`select * from sniff_csv(${literal(file)}, sample_size = 20480, ignore_errors = true)`)
    ).getRowObjectsJson()[0];
    if (!sniff) throw new LoadError('The file looks empty');
    const delimiter = sniffed(sniff.Delimiter) || ',';
    const quote = sniffed(sniff.Quote);
    const escapeChar = sniffed(sniff.Escape);
    const header = sniff.HasHeader === true;
    const skip = Number(sniff.SkipRows ?? 0);
    const names = (sniff.Columns as { name: string }[]).map((c) => c.name);
    const dialect: CsvOptions = {
      delimiter,
      quote,
      escape: escapeChar,
      header,
      skip,
      decimal_separator: '.',
      thousands_separator: '',
      date_format: null,
      timestamp_format: null,
      columns: names.map((name) => ({ name, type: 'VARCHAR' })),
    };
    const sample = await db.runAndReadAll(
      `select * from ${readSource(file, 'csv', dialect)} limit ${SAMPLE_ROWS}`.replace('store_rejects = true, ', ''),
    );
    const rows = sample.getRowsJson() as (string | null)[][];
    const guesses = names.map((_, i) =>
      guessColumn(
        rows.map((r) => r[i] ?? null),
        delimiter,
      ),
    );
    const { types, numberStyle, dateFormat } = reconcile(guesses);
    return {
      ...dialect,
      decimal_separator: numberStyle.decimal,
      thousands_separator: numberStyle.thousands,
      date_format: dateFormat,
      columns: names.map((name, i) => ({ name, type: types[i] ?? 'VARCHAR' })),
    };
  });
}

/**
 * The 1-based line in the file at each byte offset. DuckDB numbers rejected rows by record, which
 * is not the line an editor shows once a quoted value spans lines; its byte offset is exact.
 */
async function linesAt(file: string, offsets: number[]): Promise<Map<number, number>> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const lines = new Map<number, number>();
  if (wanted.length === 0) return lines;
  let line = 1;
  let position = 0;
  let next = 0;
  for await (const chunk of createReadStream(file, { end: wanted.at(-1) })) {
    const bytes = chunk as Buffer;
    for (let i = 0; i < bytes.length; i++, position++) {
      while (next < wanted.length && wanted[next] === position) lines.set(wanted[next++] as number, line);
      if (bytes[i] === 10) line++;
    }
  }
  while (next < wanted.length) lines.set(wanted[next++] as number, line);
  return lines;
}

async function badRowsOf(
  db: DuckDBConnection,
  converted: { column: string; raw: string }[],
  file: string,
  table?: string,
) {
  const rejects = (
    await db.runAndReadAll(
      `select line, line_byte_position, column_name, error_type, error_message from reject_errors order by line limit ${MAX_BAD_ROWS_LISTED}`,
    )
  ).getRowObjectsJson();
  const lines = await linesAt(
    file,
    rejects.flatMap((r) => (r.line_byte_position === null ? [] : [Number(r.line_byte_position)])),
  );
  const rejectCount = Number(
    (await db.runAndReadAll('select count(distinct line) as n from reject_errors')).getRowObjectsJson()[0]?.n ?? 0,
  );
  const badRows: BadRow[] = rejects.map((r) => ({
    line: r.line_byte_position === null ? null : (lines.get(Number(r.line_byte_position)) ?? null),
    column: (r.column_name as string | null) || null,
    value: r.error_type === 'CAST' ? (String(r.error_message).match(/string "(.*)" to/)?.[1] ?? null) : null,
    message: describeReject(String(r.error_type), String(r.error_message)),
  }));
  let badRowCount = rejectCount;
  // Values converted after reading (numbers with thousands separators): kept, left empty.
  for (const { column, raw } of table ? converted : []) {
    const where = `${ident(raw)} is not null and trim(${ident(raw)}) <> '' and ${ident(column)} is null`;
    const failed = (
      await db.runAndReadAll(`select ${ident(raw)} as value from ${table} where ${where} limit 20`)
    ).getRowObjectsJson();
    const n = Number(
      (await db.runAndReadAll(`select count(*) as n from ${table} where ${where}`)).getRowObjectsJson()[0]?.n ?? 0,
    );
    badRowCount += n;
    for (const f of failed)
      if (badRows.length < MAX_BAD_ROWS_LISTED)
        badRows.push({
          line: null,
          column,
          value: String(f.value),
          message: `"${f.value}" is not a number; left empty`,
        });
  }
  return { badRows, badRowCount };
}

function describeReject(type: string, message: string): string {
  if (type === 'CAST')
    return `${message.replace(/^Error when converting column "[^"]*"\. /, '')}; the row was left out`;
  if (type === 'TOO MANY COLUMNS') return 'The row has more fields than the header; it was left out';
  if (type === 'MISSING COLUMNS') return 'The row has fewer fields than the header; it was left out';
  if (type === 'UNQUOTED VALUE') return 'A quoted value is followed by other characters; the row was left out';
  if (type === 'INVALID ENCODING' || type === 'INVALID UNICODE') return 'The row is not valid UTF-8; it was left out';
  return `${message}; the row was left out`;
}

/** The first rows as they would be loaded, with the problems found in them. */
export async function previewFile(
  source: LoadSource,
  limit = 20,
): Promise<{ result: QueryResult; badRows: BadRow[]; badRowCount: number }> {
  return withDuckDb(':memory:', async (db) => {
    const select = selectList(source.format, source.csv, false);
    const result = toQueryResult(
      await db.runAndReadAll(
        `select ${select.sql} from ${readSource(source.file, source.format, source.csv)} limit ${limit}`,
      ),
    );
    const { badRows, badRowCount } =
      source.format === 'csv' ? await badRowsOf(db, [], source.file) : { badRows: [], badRowCount: 0 };
    return { result, badRows, badRowCount };
  });
}

/**
 * Loads a source into a new DuckDB file (table `data`); with `appendTo`, the rows of that earlier
 * load come first. The earlier file is only read, so a failed load leaves the dataset as it was.
 */
export async function loadIntoNewFile(source: LoadSource, target: string, appendTo?: string): Promise<LoadReport> {
  const report = await withDuckDb(target, async (db) => {
    const select = selectList(source.format, source.csv, true);
    const read = `select ${select.sql} from ${readSource(source.file, source.format, source.csv)}`;
    if (appendTo) {
      await db.run(`attach ${literal(appendTo)} as previous (read_only)`);
      await db.run('create table data as select * from previous.main.data');
      await db.run('detach previous');
      try {
        await db.run(`insert into data by name ${read.replace(/, "[^"]*" AS __raw_\d+/g, '')}`);
      } catch (error) {
        throw new LoadError(
          `The new rows do not fit the dataset: ${(error as Error).message.replace(/^[A-Za-z ]+Error: /, '')}`,
        );
      }
    } else {
      await db.run(`create table data as ${read}`);
    }
    const { badRows, badRowCount } =
      source.format === 'csv'
        ? await badRowsOf(db, appendTo ? [] : select.converted, source.file, 'data')
        : { badRows: [], badRowCount: 0 };
    for (const { raw } of appendTo ? [] : select.converted) await db.run(`alter table data drop column ${ident(raw)}`);
    const described = (await db.runAndReadAll('describe data')).getRowObjectsJson();
    const columns = described.map((c) => ({
      name: String(c.column_name),
      type: String(c.column_type),
      kind: kindOfTypeName(String(c.column_type)),
    }));
    if (columns.length === 0) throw new LoadError('The file has no columns');
    const rowCount = Number((await db.runAndReadAll('select count(*) as n from data')).getRowObjectsJson()[0]?.n ?? 0);
    await db.run('checkpoint');
    return { columns, rowCount, badRows, badRowCount };
  });
  return { ...report, sizeBytes: (await stat(target)).size };
}
