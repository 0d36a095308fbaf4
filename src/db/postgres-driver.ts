import pg from 'pg';
import { toDbError } from './errors.js';
import type { Driver, QueryResult, Tx } from './types.js';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Counts and sums come back as numbers, as PGlite returns them, so code and tests see the same
 * values on both backends. (Values beyond 2^53 are not expected in OCP's own tables.)
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export interface PostgresDriverOptions {
  connectionString: string;
  /** Connections in the pool; behind pgbouncer in transaction mode this can stay small. */
  maxConnections?: number | undefined;
  applicationName?: string | undefined;
}

/** A PostgreSQL server reached over the network through a node-postgres pool. */
export function createPostgresDriver(options: PostgresDriverOptions): Driver {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'ocp',
    types,
  });
  // An idle connection that dies (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});

  return {
    kind: 'postgres',
    async transaction<T>(work: (tx: Tx) => Promise<T>, setup?: string): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        // One round trip for both: the simple protocol takes several statements at once.
        await client.query(setup ? `BEGIN; ${setup}` : 'BEGIN');
        const tx: Tx = {
          async query<R extends object>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
            try {
              const result = await client.query<R>(text, params as unknown[] | undefined);
              return { rows: result.rows, rowCount: result.rowCount ?? 0 };
            } catch (error) {
              throw toDbError(error);
            }
          },
          async exec(script: string): Promise<void> {
            try {
              await client.query(script);
            } catch (error) {
              throw toDbError(error);
            }
          },
        };
        const value = await work(tx);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // The connection is unusable (it dropped mid-transaction): destroy it, not reuse it.
          broken = rollbackError as Error;
        }
        throw toDbError(error);
      } finally {
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
