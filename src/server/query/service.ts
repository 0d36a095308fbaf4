import { compileStructuredQuery, StructuredQueryError } from '../../data/query/compile-structured.js';
import type { DatasetRef, EngineResult } from '../../data/query/engine.js';
import { QueryError } from '../../data/query/sql-guard.js';
import type { DataServices } from '../../data/services.js';
import type { Caller, Database } from '../../db/database.js';
import type { StructuredQuery } from '../../shared/chart-spec.js';
import * as datasets from '../datasets/queries.js';
import { ApiError } from '../errors/api-error.js';

type Params = Record<string, string | number | boolean>;

/** What to run: SQL over datasets by table name, or a structured query over one dataset. */
export type QuerySource =
  | { sql: string; params?: Params | undefined; dataset_id?: string | undefined }
  | { dataset_id: string; query: StructuredQuery };

export interface RunOptions {
  maxRows: number;
  /** Where the SQL or the query sits in the request, for error paths ("/body"). */
  path: string;
}

/**
 * Which datasets a query may read: those going by these table names, or with this id. The
 * database decides: as the caller under row-level security, or through a share link.
 */
export type DatasetLookup = (tableNames: string[], datasetId: string | null) => Promise<datasets.ReadableDataset[]>;

/** The datasets the caller may read (row-level security). */
export const callerDatasets =
  (db: Database, caller: Caller): DatasetLookup =>
  (tableNames, datasetId) =>
    db.asCaller(caller, (tx) => datasets.readableDatasets(tx, tableNames, datasetId));

/** A DuckDB refusal as an API error, at the SQL's field and with DuckDB's position. */
function fromQueryError(error: QueryError, path: string): ApiError {
  const code = {
    syntax_error: 'sql_syntax_error',
    not_read_only: 'query_not_allowed',
    forbidden_function: 'query_not_allowed',
    unknown_table: 'unknown_dataset',
    query_failed: 'query_failed',
    timeout: 'query_timeout',
  } as const;
  return new ApiError(
    code[error.code],
    error.message,
    [{ path: `${path}/sql`, message: error.message }],
    error.position,
  );
}

/**
 * Runs a read-only query as the caller: PostgreSQL decides which datasets he may read (row-level
 * security), DuckDB runs the query over exactly those. A table name that two of his datasets
 * share (his own and a team's) means the one the query is about (dataset_id), else his own.
 */
export async function runQuery(
  data: DataServices,
  lookup: DatasetLookup,
  source: QuerySource,
  options: RunOptions,
): Promise<EngineResult & { sql: string }> {
  let sql: string;
  let params: Params | undefined;
  // Datasets already looked up: a structured query reads only its own, found before compiling.
  let known: datasets.ReadableDataset[] = [];
  if ('query' in source) {
    known = await lookup([], source.dataset_id);
    const dataset = known.find((d) => d.id === source.dataset_id);
    if (!dataset)
      throw new ApiError('unknown_dataset', 'Dataset not found', [
        { path: `${options.path}/dataset_id`, message: 'is not a dataset you can read' },
      ]);
    try {
      ({ sql, params } = compileStructuredQuery(source.query, dataset.table_name, dataset.columns));
    } catch (error) {
      if (error instanceof StructuredQueryError)
        throw new ApiError('validation_failed', error.message, [
          { path: `${options.path}/query${error.path}`, message: error.message },
        ]);
      throw error;
    }
  } else {
    sql = source.sql;
    params = source.params;
  }

  try {
    const { tables } = await data.engine.check(sql);
    const readable = tables.every((t) => known.some((d) => d.table_name === t))
      ? known
      : await lookup(tables, source.dataset_id ?? null);
    const refs: DatasetRef[] = [];
    for (const table of tables) {
      const candidates = readable.filter((d) => d.table_name === table);
      const chosen =
        candidates.find((d) => d.id === source.dataset_id) ??
        (candidates.length === 1 ? candidates[0] : candidates.find((d) => d.personal));
      if (!chosen) {
        const message =
          candidates.length > 1
            ? `Several of your teams' datasets are called ${table}; name the one you mean with dataset_id`
            : `There is no dataset called ${table} that you can read`;
        throw new ApiError('unknown_dataset', message, [{ path: `${options.path}/sql`, message }]);
      }
      if (!chosen.storage_key) throw new ApiError('dataset_empty', `The dataset ${table} has no data yet`);
      refs.push({
        id: chosen.id,
        tableName: table,
        storageKey: chosen.storage_key,
        file: data.storage.datasetFile(chosen.id, chosen.storage_key),
      });
    }
    const result = await data.engine.run(refs, sql, { maxRows: options.maxRows, params });
    return { ...result, sql };
  } catch (error) {
    if (error instanceof QueryError) throw fromQueryError(error, options.path);
    throw error;
  }
}
