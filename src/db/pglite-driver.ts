import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { toDbError } from './errors.js';
import type { Driver, QueryResult, Tx } from './types.js';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * PostgreSQL compiled to WebAssembly, in this process, keeping its files in `dataDir`
 * (in memory when no folder is given). It has one connection: PGlite queues transactions,
 * so concurrent units of work run one after another.
 */
export async function createPgliteDriver(dataDir?: string): Promise<Driver> {
  const db = await PGlite.create(dataDir, {
    extensions: { pg_trgm, pgcrypto },
    parsers: { [INT8_OID]: Number, [NUMERIC_OID]: Number },
  });

  return {
    kind: 'pglite',
    async transaction<T>(work: (tx: Tx) => Promise<T>, setup?: string): Promise<T> {
      try {
        return await db.transaction(async (transaction) => {
          const tx: Tx = {
            async query<R extends object>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
              try {
                const result = await transaction.query<R>(text, params as unknown[] | undefined);
                return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
              } catch (error) {
                throw toDbError(error);
              }
            },
            async exec(script: string): Promise<void> {
              try {
                await transaction.exec(script);
              } catch (error) {
                throw toDbError(error);
              }
            },
          };
          if (setup) await tx.exec(setup);
          return work(tx);
        });
      } catch (error) {
        throw toDbError(error);
      }
    },
    async close() {
      await db.close();
    },
  };
}
