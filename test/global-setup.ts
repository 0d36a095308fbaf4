import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { createPostgresDriver } from '../src/db/postgres-driver.js';
import { adminUrl, databaseUrlFor } from './support/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Each test run gets its own PostgreSQL database, migrated with the same files as production,
 * and drops it at the end.
 */
export default async function setup(project: TestProject) {
  const name = `ocp_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();

  const url = databaseUrlFor(name);
  const db = new Database(createPostgresDriver({ connectionString: url, maxConnections: 2 }));
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  project.provide('databaseUrl', url);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
}
