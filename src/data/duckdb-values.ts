import { type DuckDBResultReader, type DuckDBType, DuckDBTypeId } from '@duckdb/node-api';
import type { ColumnKind, QueryResult } from '../shared/chart-spec.js';

// DuckDB's values, as JSON a chart can use: numbers as numbers (64-bit integers and decimals
// beyond 2^53 lose precision, as in every JavaScript charting tool), dates as 'YYYY-MM-DD',
// timestamps as ISO 8601, everything else as DuckDB writes it in JSON.

const NUMBER_TYPES = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.DECIMAL,
]);
const TIMESTAMP_TYPES = new Set<DuckDBTypeId>([
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.TIMESTAMP_TZ,
]);

export function columnKind(type: DuckDBType): ColumnKind {
  if (NUMBER_TYPES.has(type.typeId)) return 'number';
  if (type.typeId === DuckDBTypeId.VARCHAR || type.typeId === DuckDBTypeId.UUID) return 'string';
  if (type.typeId === DuckDBTypeId.DATE) return 'date';
  if (TIMESTAMP_TYPES.has(type.typeId)) return 'timestamp';
  if (type.typeId === DuckDBTypeId.BOOLEAN) return 'boolean';
  return 'other';
}

/** A column kind from a DuckDB type name, for metadata stored as text (e.g. 'DECIMAL(10,2)'). */
export function kindOfTypeName(typeName: string): ColumnKind {
  const name = typeName.toUpperCase();
  if (
    /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/.test(
      name,
    )
  )
    return 'number';
  if (name === 'VARCHAR' || name === 'UUID') return 'string';
  if (name === 'DATE') return 'date';
  if (name.startsWith('TIMESTAMP')) return 'timestamp';
  if (name === 'BOOLEAN') return 'boolean';
  return 'other';
}

function toJsonValue(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'number') return typeof value === 'number' ? value : Number(value);
  if (kind === 'timestamp' && typeof value === 'string') {
    // '2024-01-02 03:04:05[.123][+00]' → '2024-01-02T03:04:05[.123][Z|+hh:mm]'
    const iso = value.replace(' ', 'T');
    return iso.replace(/([+-]\d{2})$/, '$1:00').replace(/\+00:00$/, 'Z');
  }
  return value;
}

/** A materialized DuckDB result as OCP's QueryResult (at most maxRows rows; truncated says if more came). */
export function toQueryResult(result: DuckDBResultReader, maxRows = Number.POSITIVE_INFINITY): QueryResult {
  const names = result.columnNames();
  const kinds = result.columnTypes().map(columnKind);
  const types = result.columnTypes().map((t) => t.toString());
  const raw = result.getRowsJson();
  const rows = raw.slice(0, maxRows).map((row) => row.map((value, i) => toJsonValue(kinds[i] ?? 'other', value)));
  return {
    columns: names.map((name, i) => ({ name, kind: kinds[i] ?? 'other', type: types[i] ?? 'UNKNOWN' })),
    rows,
    truncated: raw.length > maxRows,
  };
}
