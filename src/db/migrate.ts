import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../db/migrations/', import.meta.url));

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
// Any constant will do; it only has to be the same for every process that migrates.
const MIGRATION_LOCK_KEY = 7_340_512;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** The migration files in order, each with the checksum recorded when it is applied. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => MIGRATION_FILE.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(new URL(name, `file://${dir.endsWith('/') ? dir : `${dir}/`}`), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies the migrations not yet applied, in order, each in its own transaction together with
 * the row that records it. Concurrent migrators (several app instances starting at once) queue on
 * an advisory lock. A recorded migration whose file has since changed is an error: migrations are
 * forward-only, a change is a new file.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(dir);
  await db.asOwner(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ocp_meta;
      REVOKE ALL ON SCHEMA ocp_meta FROM PUBLIC;
      CREATE TABLE IF NOT EXISTS ocp_meta.schema_migrations (
        name text PRIMARY KEY,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db.asOwner(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const { rows } = await tx.query<{ checksum: string }>(
        'select checksum from ocp_meta.schema_migrations where name = $1',
        [migration.name],
      );
      const recorded = rows[0];
      if (recorded) {
        if (recorded.checksum !== migration.checksum) {
          throw new Error(`migration ${migration.name} was changed after it was applied; add a new migration instead`);
        }
        return false;
      }
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        if (error instanceof Error) error.message = `${migration.name}: ${error.message}`;
        throw error;
      }
      await tx.query('insert into ocp_meta.schema_migrations (name, checksum) values ($1, $2)', [
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return { applied };
}
