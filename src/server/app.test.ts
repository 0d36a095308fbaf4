import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createPgliteDriver } from '../db/pglite-driver.js';
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemoWorkspace } from '../demo/seed.js';
import { setUpAuth } from './accounts/setup.js';
import { buildApp } from './app.js';

// What `npm start` does on a fresh machine, on an in-memory embedded database.
let db: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;

beforeAll(async () => {
  db = new Database(await createPgliteDriver());
  await migrate(db);
  const demoUserId = await seedDemoWorkspace(db);
  // No key configured, as on a fresh machine: the server makes one and keeps it in the database.
  const auth = await setUpAuth(loadConfig({}).auth, db);
  app = await buildApp({ db, demoUserId, auth });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
  await db.close();
});

describe('a fresh start on the embedded database', () => {
  it('is healthy and ready', async () => {
    expect(await (await fetch(`${baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${baseUrl}/readyz`)).json()).toEqual({ status: 'ready', database: 'pglite' });
  });

  it('shows the demo workspace on the start page', async () => {
    const page = await (await fetch(`${baseUrl}/`)).text();
    expect(page).toContain('Sales overview — 2 tab(s), 5 chart(s)');
    expect(page).toContain('Web traffic — 1 tab(s), 1 chart(s) · public');
  });

  it('signs up a user on the embedded database too', async () => {
    const response = await fetch(`${baseUrl}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'first@example.test', password: 'correct horse battery' }),
    });
    expect(response.status).toBe(201);
  });

  it('lets a visitor sign in to the demo workspace and see its dashboards', async () => {
    const signIn = await fetch(`${baseUrl}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }),
    });
    const { access_token } = (await signIn.json()) as { access_token: string };
    const list = await fetch(`${baseUrl}/api/dashboards`, { headers: { authorization: `Bearer ${access_token}` } });
    const titles = ((await list.json()) as { items: { title: string }[] }).items.map((d) => d.title).sort();
    expect(titles).toEqual(['Sales overview', 'Web traffic']);
  });

  it('seeds the demo only once, however often OCP starts', async () => {
    const again = await seedDemoWorkspace(db);
    const { rows } = await db.asOwner((tx) => tx.query('select count(*) as n from dashboards'));
    expect(rows[0]).toEqual({ n: 2 });
    expect(again).toBeTruthy();
  });

  it('saved a first version of each demo dashboard', async () => {
    const { rows } = await db.asOwner((tx) => tx.query('select count(*) as n from dashboard_versions'));
    expect(rows[0]).toEqual({ n: 2 });
  });
});
