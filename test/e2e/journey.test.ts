import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, useTestApi } from '../support/api.js';
import { AuthPage } from './pages/auth-page.js';
import { ChatPage } from './pages/chat-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { DatasetsPage } from './pages/datasets-page.js';
import { HomePage } from './pages/home-page.js';
import { ShareDialog } from './pages/share-dialog.js';
import { SharedDashboardPage } from './pages/shared-dashboard-page.js';
import { screenshot, useChromium } from './support/browser.js';
import { salesCsv } from './support/fixtures.js';

// A new user's first session in a real Chromium, against the real server on the run's database,
// with the built-in offline model as the assistant (no key is configured in tests).

const api = useTestApi();
const chromium = useChromium();
let context: BrowserContext;
let page: Page;

/** Twelve months of revenue in two regions: what the user asks the assistant about. */
const SALES_CSV = salesCsv({ months: 12, regions: 2 });

describe('the web app in Chromium', () => {
  beforeAll(async () => {
    context = await chromium.browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it('takes a new user from sign-up and an upload to a chart the assistant made, rearranged, restored and shared with someone signed out', async () => {
    const user = { email: `e2e-${crypto.randomUUID().slice(0, 8)}@example.test`, password: 'correct horse battery' };
    const auth = new AuthPage(page, baseUrl(api));
    await auth.signUp({ ...user, displayName: 'E2E Analyst' });

    const home = new HomePage(page);
    await home.waitUntilShown();
    await home.waitForEmptyState();
    await screenshot(page, 'home-empty');

    // The data: a CSV chosen in the upload dialog, previewed, made a dataset.
    const datasets = new DatasetsPage(page, baseUrl(api));
    await datasets.open();
    await datasets.waitForEmptyState();
    await datasets.chooseFile({ name: 'sales.csv', content: SALES_CSV });
    await datasets.waitForPreview();
    expect(await datasets.columnType('month').inputValue()).toBe('DATE');
    await datasets.create('Sales');
    await datasets.finishUpload();
    await datasets.row('Sales').waitFor();

    // The assistant makes a chart in the chat; it goes onto a new dashboard.
    const chat = new ChatPage(page, baseUrl(api));
    await chat.open();
    await chat.newChat();
    await chat.ask('revenue by month as a line chart');
    await chat.waitForAnswer(/Here is Revenue by month/);
    await chat.waitForInlineChart('Revenue by month');
    await chat.waitUntilIdle();
    await chat.addChartToNewDashboard('Revenue by month', 'Sales review');
    await chat.openAddedDashboard();
    await page.getByRole('heading', { name: 'Sales review', level: 1 }).waitFor();

    const dashboard = new DashboardPage(page);
    await dashboard.waitForChartDrawn('Revenue by month');
    await dashboard.addTab('Details');
    await dashboard.openTab('Overview');
    await dashboard.waitForChartDrawn('Revenue by month');

    // A second chart, asked for beside the dashboard, lands on it at once.
    await dashboard.ask('revenue by region as a bar chart and add it to this dashboard');
    await dashboard.waitForAnswer(/added it to the Sales review dashboard/i);
    await dashboard.waitForInlineChart('Revenue by region');
    await dashboard.waitForChartDrawn('Revenue by region');
    await dashboard.waitForChartsSettled();
    await screenshot(page, 'dashboard-with-chat');
    await dashboard.toggleTheme();
    await dashboard.waitForChartsSettled();
    await screenshot(page, 'dashboard-with-chat-dark');
    await dashboard.toggleTheme();

    // Rearranged: the new chart, placed beside the first, dragged to the left where the first one
    // was (the first moves out of its way); it stays there after a reload.
    await dashboard.openHistory();
    const savedBefore = (await dashboard.versions()).length;
    await dashboard.closeHistory();
    const before = await dashboard.chartBox('Revenue by region');
    const first = await dashboard.chartBox('Revenue by month');
    expect(before.x).toBeGreaterThan(first.x + first.width / 2);
    await dashboard.dragChart('Revenue by region', { dx: first.x - before.x, dy: 0 });
    await dashboard.waitForVersion(savedBefore + 1);
    await page.reload();
    await dashboard.waitForChartDrawn('Revenue by region');
    expect((await dashboard.chartBox('Revenue by region')).x).toBeLessThan(before.x - before.width / 2);
    // The conversation was stored: after the reload it is there again, chart and all.
    await dashboard.waitForAnswer(/added it to the Sales review dashboard/i);
    await dashboard.waitForInlineChart('Revenue by region');

    // The history names the assistant's change with its prompt; restoring the version before it
    // takes the chart away again and keeps everything else.
    await dashboard.openHistory();
    const versions = await dashboard.versions();
    expect(versions).toHaveLength(savedBefore + 1);
    expect(versions[1]).toMatch(/assistant[\s\S]*revenue by region/i);
    await screenshot(page, 'version-history');
    await dashboard.restoreVersion(savedBefore - 1);
    await dashboard.closeHistory();
    await dashboard.chart('Revenue by region').waitFor({ state: 'detached' });
    await dashboard.waitForChartDrawn('Revenue by month');
    expect(await dashboard.tab('Details').isVisible()).toBe(true);

    // Shared: a link made in the share dialog opens in a browser that never signed in.
    const share = new ShareDialog(page);
    await share.open();
    const url = await share.createLink({ expiry: '7 days' });
    await share.close();
    const visitorContext = await chromium.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const shared = new SharedDashboardPage(await visitorContext.newPage());
      await shared.open(url);
      await shared.waitForTitle('Sales review');
      await shared.waitForChartDrawn('Revenue by month');
      expect(await shared.editingControls()).toBe(0);
    } finally {
      await visitorContext.close();
    }

    await page.goto(baseUrl(api));
    await home.waitUntilShown();
    expect(await home.dashboardTitles()).toEqual(['Sales review']);
    await screenshot(page, 'home');
  }, 180_000);

  it('shows the API’s refusal in words on the sign-in page', async () => {
    const signedOut = await chromium.browser.newContext({ viewport: { width: 1280, height: 800 } });
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
