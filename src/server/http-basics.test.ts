import { afterAll, describe, expect, it } from 'vitest';
import { testAuthConfig } from '../../test/support/api.js';
import { useTestDatabase } from '../../test/support/db.js';
import { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createPgliteDriver } from '../db/pglite-driver.js';
import { setUpAuth } from './accounts/setup.js';
import { buildApp } from './app.js';

const db = useTestDatabase();
const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

async function serve(database: Database, corsOrigins: string[] = []) {
  const app = await buildApp({ db: database, auth: await setUpAuth(testAuthConfig(), database), corsOrigins });
  closers.push(() => app.close());
  return app.listen({ host: '127.0.0.1', port: 0 });
}

describe('CORS', () => {
  it('lets a configured origin call the API from a browser, and no other', async () => {
    const url = await serve(db, ['https://dashboards.example.com']);
    const preflight = (origin: string) =>
      fetch(`${url}/api/dashboards`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    expect((await preflight('https://dashboards.example.com')).headers.get('access-control-allow-origin')).toBe(
      'https://dashboards.example.com',
    );
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('readiness', () => {
  it('answers 503 when the database is gone, while liveness still answers', async () => {
    const doomed = new Database(await createPgliteDriver());
    await migrate(doomed);
    const url = await serve(doomed);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    await doomed.close();
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
