/**
 * The PostgreSQL server tests run against: TEST_POSTGRES_URL names a maintenance database on it
 * (default: the local server every machine here runs, user postgres, trust auth).
 */
export function adminUrl(): string {
  return process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** The URL of another database on the same server. */
export function databaseUrlFor(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
