import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { LRUCache } from 'lru-cache';
import type { QueryResult } from '../../shared/chart-spec.js';
import { toQueryResult } from '../duckdb-values.js';
import { ident, literal } from '../ingest/read-source.js';
import { type CheckedQuery, checkQuery, QueryError } from './sql-guard.js';

/** A dataset a query may read, as PostgreSQL allowed it for the caller. */
export interface DatasetRef {
  id: string;
  tableName: string;
  /** The current load: its file, and the key that makes cache entries of older loads unreachable. */
  storageKey: string;
  file: string;
}

export interface QueryOptions {
  /** Rows returned at most; more are cut and the result says truncated. */
  maxRows: number;
  params?: Record<string, string | number | boolean> | undefined;
}

export interface EngineOptions {
  /** Milliseconds a query may run before it is interrupted. */
  timeoutMs: number;
  /** DuckDB threads per instance. */
  threads: number;
  /** Memory DuckDB may use per instance, e.g. '1GB'. */
  memoryLimit: string;
  /** Bytes of results kept (JSON size). */
  cacheBytes: number;
  /** Locked instances kept open, one per set of datasets. */
  instances: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  timeoutMs: 30_000,
  threads: 2,
  memoryLimit: '1GB',
  cacheBytes: 64 * 1024 * 1024,
  instances: 16,
};

export interface EngineResult extends QueryResult {
  cached: boolean;
  elapsed_ms: number;
}

/**
 * Read-only SQL over uploaded datasets on DuckDB. Each distinct set of datasets gets an in-memory
 * instance of its own, where those datasets' files are attached read-only and shown as views
 * named by their table names; then file and network access are switched off and the
 * configuration is locked, so that no query can read any other file, attach one, install an
 * extension or undo the lock. Instances are kept (LRU) and shared by everyone whose query reads
 * exactly that set, which PostgreSQL checks for each caller before the engine is asked.
 */
export class QueryEngine {
  private readonly options: EngineOptions;
  private readonly instances: LRUCache<string, Promise<DuckDBInstance>>;
  private readonly results: LRUCache<string, QueryResult>;
  private parser: Promise<DuckDBConnection> | undefined;

  constructor(options: Partial<EngineOptions> = {}) {
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...options };
    this.instances = new LRUCache({
      max: this.options.instances,
      dispose: (instance) => {
        instance.then((i) => i.closeSync()).catch(() => {});
      },
    });
    this.results = new LRUCache({
      maxSize: this.options.cacheBytes,
      sizeCalculation: (result) => Math.max(1, JSON.stringify(result.rows).length),
    });
  }

  /** The SQL's statement kind and tables, by DuckDB's parser; refuses all but one SELECT. */
  async check(sql: string): Promise<CheckedQuery> {
    this.parser ??= DuckDBInstance.create(':memory:', { enable_external_access: 'false' }).then((i) => i.connect());
    return checkQuery(await this.parser, sql);
  }

  async run(datasets: DatasetRef[], sql: string, options: QueryOptions): Promise<EngineResult> {
    await this.check(sql);
    const sorted = [...datasets].sort((a, b) => a.tableName.localeCompare(b.tableName));
    const instanceKey = sorted.map((d) => `${d.tableName}=${d.id}:${d.storageKey}`).join(',');
    const resultKey = JSON.stringify([instanceKey, sql, options.params ?? {}, options.maxRows]);
    const started = performance.now();
    const hit = this.results.get(resultKey);
    if (hit) return { ...hit, cached: true, elapsed_ms: performance.now() - started };

    const instance = await this.instanceFor(instanceKey, sorted);
    const connection = await instance.connect();
    const timer = setTimeout(() => connection.interrupt(), this.options.timeoutMs);
    try {
      // The limit is applied around the user's query, one row more to know whether it was cut.
      const limited = `select * from (\n${sql.replace(/;\s*$/, '')}\n) as result limit ${options.maxRows + 1}`;
      const reader = await connection.runAndReadAll(limited, options.params ?? {});
      const result = toQueryResult(reader, options.maxRows);
      this.results.set(resultKey, result);
      return { ...result, cached: false, elapsed_ms: performance.now() - started };
    } catch (error) {
      const message = (error as Error).message;
      if (/interrupt/i.test(message))
        throw new QueryError(`The query ran longer than ${this.options.timeoutMs / 1000} s and was stopped`, 'timeout');
      throw new QueryError(message.replace(/^[A-Za-z ]+Error: /, ''), 'query_failed');
    } finally {
      clearTimeout(timer);
      connection.closeSync();
    }
  }

  private instanceFor(key: string, datasets: DatasetRef[]): Promise<DuckDBInstance> {
    let instance = this.instances.get(key);
    if (!instance) {
      instance = this.openLocked(datasets);
      instance.catch(() => this.instances.delete(key));
      this.instances.set(key, instance);
    }
    return instance;
  }

  private async openLocked(datasets: DatasetRef[]): Promise<DuckDBInstance> {
    const instance = await DuckDBInstance.create(':memory:', {
      threads: String(this.options.threads),
      memory_limit: this.options.memoryLimit,
    });
    const setup = await instance.connect();
    try {
      for (const [i, dataset] of datasets.entries()) {
        await setup.run(`attach ${literal(dataset.file)} as ds_${i} (read_only)`);
        await setup.run(`create view ${ident(dataset.tableName)} as select * from ds_${i}.main.data`);
      }
      await setup.run('set enable_external_access = false');
      await setup.run('set lock_configuration = true');
    } finally {
      setup.closeSync();
    }
    return instance;
  }

  /** Drops every cached result and instance of a dataset (after a reload or a delete). */
  forget(datasetId: string): void {
    for (const key of [...this.instances.keys()]) if (key.includes(`=${datasetId}:`)) this.instances.delete(key);
    for (const key of [...this.results.keys()]) if (key.includes(`=${datasetId}:`)) this.results.delete(key);
  }

  close(): void {
    this.instances.clear();
    this.results.clear();
    this.parser?.then((c) => c.closeSync()).catch(() => {});
  }
}
