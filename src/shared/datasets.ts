import { z } from 'zod';

/** The file formats OCP loads. */
export const FILE_FORMATS = ['csv', 'json', 'parquet'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** The types a loaded column can have; what OCP detects, and what a user may choose instead. */
export const COLUMN_TYPES = ['VARCHAR', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'DATE', 'TIMESTAMP'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/**
 * How to read a CSV/TSV file. OCP detects all of it (delimiter, quoting, header, BOM, number and
 * date formats); a user overrides any part, e.g. a column that should stay text.
 */
export const CsvOptions = z
  .object({
    delimiter: z.string().min(1).max(4).describe('Field separator, e.g. "," ";" "\\t" "|"'),
    quote: z.string().max(1).describe('Quote character; "" for none'),
    escape: z.string().max(1).describe('Escape character inside quotes (usually the quote itself)'),
    header: z.boolean().describe('Whether the first row names the columns'),
    skip: z.number().int().min(0).max(1000).describe('Lines to skip before the header'),
    decimal_separator: z.enum(['.', ',']),
    thousands_separator: z.enum(['', ',', '.', ' ', "'"]).describe('"" for none'),
    date_format: z.string().max(40).nullable().describe('strftime format of DATE columns, e.g. %d/%m/%Y'),
    timestamp_format: z.string().max(60).nullable().describe('strftime format of TIMESTAMP columns; null for ISO 8601'),
    columns: z
      .array(z.object({ name: z.string().min(1).max(128), type: z.enum(COLUMN_TYPES) }).strict())
      .min(1)
      .max(1000)
      .describe('Every column in file order, with the type to load it as'),
  })
  .strict();
export type CsvOptions = z.infer<typeof CsvOptions>;

/** A row the load could not use, or a value it could not read (the row is then left out). */
export const BadRow = z.object({
  line: z.number().int().nullable().describe('Line in the file (1 is the first line), where known'),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});
export type BadRow = z.infer<typeof BadRow>;

export const DatasetColumn = z.object({
  name: z.string(),
  type: z.string().describe('DuckDB type, e.g. BIGINT, DOUBLE, VARCHAR, DATE, TIMESTAMP'),
  kind: z.enum(['number', 'string', 'date', 'timestamp', 'boolean', 'other']),
});
export type DatasetColumn = z.infer<typeof DatasetColumn>;
