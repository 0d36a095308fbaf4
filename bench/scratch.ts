/**
 * The benchmark's own database: created fresh on the server BENCH_POSTGRES_URL names (a
 * maintenance database; default the local server, user postgres, trust auth) and dropped at the
 * end, whatever the end is.
 */
import pg from 'pg';

export interface ScratchDatabase {
  name: string;
  url: string;
  /** Drops the database, ending any session still in it. Safe to call more than once. */
  drop(): Promise<void>;
}

export function adminUrl(): string {
  return process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** Runs statements that cannot run inside a transaction (CREATE DATABASE, VACUUM) on their own connection. */
export async function runOutsideTransaction(url: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'ocp-bench' });
  // Dropping the database ends this session too; the statement's own promise reports that.
  client.on('error', () => {});
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createScratchDatabase(prefix = 'ocp_bench'): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const admin = adminUrl();
  await runOutsideTransaction(admin, `CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  let dropping: Promise<void> | undefined;
  return {
    name,
    url: url.toString(),
    drop() {
      // FORCE ends the benchmark's own sessions too (a query still running when it failed).
      dropping ??= runOutsideTransaction(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return dropping;
    },
  };
}
