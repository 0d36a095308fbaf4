import { randomUUID } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { Database } from '../../src/db/database.js';
import { DbError } from '../../src/db/errors.js';
import { createPostgresDriver } from '../../src/db/postgres-driver.js';
import type { Row } from '../../src/db/types.js';

/** The run's test database, closed after the file's tests. */
export function useTestDatabase(maxConnections = 4): Database {
  const db = new Database(createPostgresDriver({ connectionString: inject('databaseUrl'), maxConnections }));
  afterAll(() => db.close());
  return db;
}

export interface TestUser {
  id: string;
  email: string;
}

/** A user as sign-up makes one: a row in auth.users (the profile follows by trigger). */
export async function createUser(db: Database, name = 'user'): Promise<TestUser> {
  const id = randomUUID();
  const email = `${name}-${id.slice(0, 8)}@example.test`;
  await db.asOwner((tx) =>
    tx.query('insert into auth.users (id, email, raw_user_meta_data) values ($1, $2, $3)', [
      id,
      email,
      { display_name: name },
    ]),
  );
  return { id, email };
}

/** Runs one statement as a user (or anon when user is null) and returns its rows. */
export function queryAs<R extends object = Row>(
  db: Database,
  user: TestUser | null,
  text: string,
  params: readonly unknown[] = [],
): Promise<R[]> {
  const run = async (tx: Parameters<Parameters<Database['asAnon']>[0]>[0]) => (await tx.query<R>(text, params)).rows;
  return user === null ? db.asAnon(run) : db.asUser(user.id, run);
}

/** Runs one statement as a user (or anon) and returns how many rows it changed. */
export async function changeAs(
  db: Database,
  user: TestUser | null,
  text: string,
  params: readonly unknown[] = [],
): Promise<number> {
  const run = async (tx: Parameters<Parameters<Database['asAnon']>[0]>[0]) => (await tx.query(text, params)).rowCount;
  return user === null ? db.asAnon(run) : db.asUser(user.id, run);
}

/** Reads as the owner, bypassing row-level security: what is really in the table. */
export async function queryAsOwner<R extends object = Row>(
  db: Database,
  text: string,
  params: readonly unknown[] = [],
): Promise<R[]> {
  return db.asOwner(async (tx) => (await tx.query<R>(text, params)).rows);
}

/** The SQLSTATE a promise was rejected with (fails the test if it was fulfilled). */
export async function sqlstateOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DbError) return error.code;
    throw error;
  }
  throw new Error('expected the statement to be refused, but it succeeded');
}

/** Refused by row-level security or by missing privileges. */
export const DENIED = '42501';
