import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, useTestApi } from '../support/api.js';
import { AuthPage } from './pages/auth-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { HomePage } from './pages/home-page.js';
import { launchChromium, screenshot } from './support/browser.js';
import { ensureWebBuild } from './support/web-build.js';

// A new user's first session in a real Chromium, against the real server on the run's database,
// with the built-in offline model as the assistant (no key is configured in tests).

const api = useTestApi();
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** Twelve months of revenue in two regions: what the user asks the assistant about. */
const SALES_CSV = [
  'month,region,revenue',
  ...Array.from({ length: 12 }, (_, m) => {
    const month = `2026-${String(m + 1).padStart(2, '0')}-01`;
    return [`${month},North,${1000 + m * 110}`, `${month},South,${800 + m * 90}`];
  }).flat(),
].join('\n');

async function uploadSales(email: string, password: string): Promise<void> {
  const session = await api.request<{ access_token: string }>('POST', '/api/auth/signin', {
    body: { email, password },
  });
  const form = new FormData();
  form.append('file', new Blob([SALES_CSV]), 'sales.csv');
  const staged = await api.request<{ upload_id: string }>('POST', '/api/uploads', {
    token: session.body.access_token,
    body: form,
  });
  const created = await api.request('POST', '/api/datasets', {
    token: session.body.access_token,
    body: { upload_id: staged.body.upload_id, name: 'Sales' },
  });
  expect(created.status).toBe(201);
}

beforeAll(async () => {
  await ensureWebBuild();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('the web app in Chromium', () => {
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it('takes a new user from sign-up to a chart the assistant made, rearranged, and one restore undoes it', async () => {
    const user = { email: `e2e-${crypto.randomUUID().slice(0, 8)}@example.test`, password: 'correct horse battery' };
    const auth = new AuthPage(page, baseUrl(api));
    await auth.signUp({ ...user, displayName: 'E2E Analyst' });

    const home = new HomePage(page);
    await home.waitUntilShown();
    await home.waitForEmptyState();
    await screenshot(page, 'home-empty');

    await uploadSales(user.email, user.password);
    await home.createDashboard('Sales review');

    const dashboard = new DashboardPage(page);
    await dashboard.waitForEmptyTab();
    await dashboard.addTab('Details');
    await dashboard.openTab('Overview');
    await dashboard.waitForEmptyTab();

    await dashboard.ask('revenue by month as a line chart and add it to this dashboard');
    await dashboard.waitForAnswer(/added it to the Sales review dashboard/i);
    await dashboard.waitForInlineChart('Revenue by month');
    await dashboard.waitForChartDrawn('Revenue by month');
    await dashboard.waitForChartsSettled();
    await screenshot(page, 'dashboard-with-chat');
    await dashboard.toggleTheme();
    await dashboard.waitForChartsSettled();
    await screenshot(page, 'dashboard-with-chat-dark');
    await dashboard.toggleTheme();

    // Rearranged: dragged to the right half, where it stays after a reload.
    const before = await dashboard.chartBox('Revenue by month');
    await dashboard.dragChart('Revenue by month', { dx: before.width + 40, dy: 0 });
    await dashboard.waitForVersion(4);
    await page.reload();
    await dashboard.waitForChartDrawn('Revenue by month');
    expect((await dashboard.chartBox('Revenue by month')).x).toBeGreaterThan(before.x + before.width / 2);
    // The conversation was stored: after the reload it is there again, chart and all.
    await dashboard.waitForAnswer(/added it to the Sales review dashboard/i);
    await dashboard.waitForInlineChart('Revenue by month');

    await dashboard.openHistory();
    const versions = await dashboard.versions();
    expect(versions).toHaveLength(4);
    expect(versions[1]).toMatch(/Version 3[\s\S]*assistant[\s\S]*revenue by month/i);
    expect(versions[2]).toMatch(/Version 2/);
    await screenshot(page, 'version-history');

    await dashboard.restoreVersion(2);
    await dashboard.closeHistory();
    await dashboard.waitForEmptyTab();
    await dashboard.chart('Revenue by month').waitFor({ state: 'detached' });
    expect(await dashboard.tab('Details').isVisible()).toBe(true);

    await page.goto(baseUrl(api));
    await home.waitUntilShown();
    expect(await home.dashboardTitles()).toEqual(['Sales review']);
    await screenshot(page, 'home');
  }, 120_000);

  it('shows the API’s refusal in words on the sign-in page', async () => {
    const signedOut = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const visitor = await signedOut.newPage();
      const auth = new AuthPage(visitor, baseUrl(api));
      await auth.signIn({ email: 'nobody@example.test', password: 'wrong password' });
      expect(await auth.formError()).toContain('Wrong email or password');
      await screenshot(visitor, 'sign-in-error');
    } finally {
      await signedOut.close();
    }
  }, 60_000);
});

/** The server's address (useTestApi fills it in before the tests run). */
function baseUrl(testApi: TestApi): string {
  return testApi.baseUrl;
}
