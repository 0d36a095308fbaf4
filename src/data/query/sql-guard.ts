import type { DuckDBConnection } from '@duckdb/node-api';

// Which SQL a user may run: exactly one SELECT, as DuckDB's own parser sees it
// (json_serialize_sql refuses every other kind of statement), reading only tables by plain name
// (datasets, or the query's own CTEs) and only harmless table functions. The engine also runs it
// on a DuckDB instance with file and network access switched off and the configuration locked
// (engine.ts), so a gap here would still not reach a file.

/** A refusal whose message and position are for the user. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'syntax_error'
      | 'not_read_only'
      | 'unknown_table'
      | 'forbidden_function'
      | 'query_failed'
      | 'timeout',
    /** 0-based character offset in the SQL, where DuckDB knows it. */
    readonly position?: number,
  ) {
    super(message);
  }
}

/** Table functions that only compute (no files, no catalog, no other SQL). */
const ALLOWED_TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest']);
/** Scalar functions that reach outside the query even where file access is off. */
const FORBIDDEN_FUNCTIONS = new Set([
  'getenv',
  'current_setting',
  'read_text',
  'read_blob',
  'query',
  'query_table',
  'glob',
  'pragma_version',
]);

interface Node {
  [key: string]: unknown;
}

function* walk(value: unknown): Generator<Node> {
  if (Array.isArray(value)) for (const item of value) yield* walk(item);
  else if (value && typeof value === 'object') {
    yield value as Node;
    for (const child of Object.values(value)) yield* walk(child);
  }
}

export interface CheckedQuery {
  /** The table names the query reads, lower-cased, CTE names left out. */
  tables: string[];
}

/** Parses sql with DuckDB and refuses anything but one read-only SELECT over plain table names. */
export async function checkQuery(db: DuckDBConnection, sql: string): Promise<CheckedQuery> {
  const reader = await db.runAndReadAll('select json_serialize_sql($1::varchar) as ast', [sql]);
  const ast = JSON.parse(String(reader.getRowObjectsJson()[0]?.ast)) as {
    error: boolean;
    error_type?: string;
    error_message?: string;
    position?: string;
    statements?: unknown[];
  };
  if (ast.error) {
    if (ast.error_type === 'parser')
      throw new QueryError(
        `Syntax error: ${ast.error_message}`,
        'syntax_error',
        ast.position === undefined ? undefined : Number(ast.position),
      );
    throw new QueryError('Only a SELECT query can run here (no changes, no settings, no files)', 'not_read_only');
  }
  if ((ast.statements?.length ?? 0) !== 1) throw new QueryError('Run one query at a time', 'not_read_only');

  const ctes = new Set<string>();
  const tables = new Set<string>();
  for (const node of walk(ast.statements)) {
    const cteMap = node.cte_map as { map?: { key: string }[] } | undefined;
    for (const entry of cteMap?.map ?? []) ctes.add(entry.key.toLowerCase());
    if (node.type === 'BASE_TABLE') {
      if (node.schema_name || node.catalog_name)
        throw new QueryError(
          `Refer to datasets by their table name alone, not ${[node.catalog_name, node.schema_name, node.table_name].filter(Boolean).join('.')}`,
          'unknown_table',
          Number(node.query_location),
        );
      tables.add(String(node.table_name).toLowerCase());
    }
    if (node.type === 'TABLE_FUNCTION') {
      const name = String((node.function as Node | undefined)?.function_name ?? '').toLowerCase();
      if (!ALLOWED_TABLE_FUNCTIONS.has(name))
        throw new QueryError(
          `${name}() cannot be used here: queries read datasets only`,
          'forbidden_function',
          Number(node.query_location),
        );
    }
    if (node.class === 'FUNCTION' && FORBIDDEN_FUNCTIONS.has(String(node.function_name).toLowerCase()))
      throw new QueryError(
        `${node.function_name}() cannot be used here`,
        'forbidden_function',
        Number(node.query_location),
      );
  }
  return { tables: [...tables].filter((t) => !ctes.has(t)) };
}
