import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createDataServices, type DataServices } from '../data/services.js';
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
let dataDir: string;
let data: DataServices;

beforeAll(async () => {
  db = new Database(await createPgliteDriver());
  await migrate(db);
  dataDir = await mkdtemp(path.join(tmpdir(), 'ocp-demo-'));
  data = createDataServices(dataDir);
  const demoUserId = await seedDemoWorkspace(db, data);
  // No key configured, as on a fresh machine: the server makes one and keeps it in the database.
  const auth = await setUpAuth(loadConfig({}).auth, db);
  app = await buildApp({ db, data, demoUserId, auth });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
  data.close();
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a fresh start on the embedded database', () => {
  it('is healthy and ready', async () => {
    expect(await (await fetch(`${baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${baseUrl}/readyz`)).json()).toEqual({ status: 'ready', database: 'pglite' });
  });

  it('shows the demo workspace on the start page', async () => {
    const page = await (await fetch(`${baseUrl}/`)).text();
    expect(page).toContain('Sales overview — 3 tab(s), 14 chart(s)');
    expect(page).toContain('Web traffic — 1 tab(s), 4 chart(s) · public');
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
    const access_token = await demoToken();
    const list = await fetch(`${baseUrl}/api/dashboards`, { headers: { authorization: `Bearer ${access_token}` } });
    const titles = ((await list.json()) as { items: { title: string }[] }).items.map((d) => d.title).sort();
    expect(titles).toEqual(['Sales overview', 'Web traffic']);
  });

  it('seeds the demo only once, however often OCP starts', async () => {
    const again = await seedDemoWorkspace(db, data);
    const { rows } = await db.asOwner((tx) => tx.query('select count(*) as n from dashboards'));
    expect(rows[0]).toEqual({ n: 2 });
    expect(again).toBeTruthy();
  });

  it('saved a first version of each demo dashboard', async () => {
    const { rows } = await db.asOwner((tx) => tx.query('select count(*) as n from dashboard_versions'));
    expect(rows[0]).toEqual({ n: 2 });
  });
});

async function demoToken(): Promise<string> {
  const signIn = await fetch(`${baseUrl}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }),
  });
  return ((await signIn.json()) as { access_token: string }).access_token;
}

describe('the demo data', () => {
  it('has the three generated datasets, loaded', async () => {
    const token = await demoToken();
    const list = await fetch(`${baseUrl}/api/datasets`, { headers: { authorization: `Bearer ${token}` } });
    const items = ((await list.json()) as { items: { table_name: string; row_count: number }[] }).items;
    expect(Object.fromEntries(items.map((d) => [d.table_name, d.row_count]))).toEqual({
      sales: 1800,
      web_traffic: 6570,
      server_metrics: 10752,
    });
  });

  it('draws every chart of the demo dashboards, which between them use every chart type', async () => {
    const token = await demoToken();
    const headers = { authorization: `Bearer ${token}` };
    const list = (await (await fetch(`${baseUrl}/api/dashboards`, { headers })).json()) as { items: { id: string }[] };
    const types = new Set<string>();
    for (const { id } of list.items) {
      const tree = (await (await fetch(`${baseUrl}/api/dashboards/${id}`, { headers })).json()) as {
        tabs: { charts: { id: string; title: string; chart_type: string }[] }[];
      };
      for (const chart of tree.tabs.flatMap((t) => t.charts)) {
        types.add(chart.chart_type);
        const dataResponse = await fetch(`${baseUrl}/api/charts/${chart.id}/data`, { headers });
        expect(dataResponse.status, `${chart.title}: ${await dataResponse.clone().text()}`).toBe(200);
        const { result } = (await dataResponse.json()) as { result: { rows: unknown[] } };
        expect(result.rows.length, chart.title).toBeGreaterThan(0);
        const png = await fetch(`${baseUrl}/api/charts/${chart.id}/render.png?width=400&height=240`, { headers });
        expect(png.status, chart.title).toBe(200);
        expect(png.headers.get('content-type')).toBe('image/png');
        const warnings = JSON.parse(decodeURIComponent(png.headers.get('x-chart-warnings') ?? '[]')) as string[];
        expect(
          warnings.filter((w) => /no rows|not found|unknown/i.test(w)),
          chart.title,
        ).toEqual([]);
      }
    }
    expect([...types].sort()).toEqual([
      'area',
      'bar',
      'combo',
      'donut',
      'heatmap',
      'histogram',
      'kpi',
      'line',
      'pie',
      'scatter',
      'stacked_bar',
      'table',
    ]);
  });
});
