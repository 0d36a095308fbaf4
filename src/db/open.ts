import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Database } from './database.js';
import { createPgliteDriver } from './pglite-driver.js';
import { createPostgresDriver } from './postgres-driver.js';

export interface OpenOptions {
  /** A PostgreSQL URL; without one, OCP runs on PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Where the embedded database keeps its files. */
  dataDir?: string | undefined;
  maxConnections?: number | undefined;
}

/** Opens OCP's database: a real PostgreSQL when a URL is given, else embedded PGlite. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.databaseUrl) {
    return new Database(
      createPostgresDriver({
        connectionString: options.databaseUrl,
        maxConnections: options.maxConnections,
      }),
    );
  }
  const dataDir = path.resolve(options.dataDir ?? '.ocp-data', 'pglite');
  await mkdir(dataDir, { recursive: true });
  return new Database(await createPgliteDriver(dataDir));
}

/** The database the environment names: DATABASE_URL, else PGlite under OCP_DATA_DIR. */
export function openDatabaseFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
  return openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.OCP_DATA_DIR,
    maxConnections: env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined,
  });
}
