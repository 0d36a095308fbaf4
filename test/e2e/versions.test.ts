import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartSpecInput } from '../../src/shared/chart-spec.js';
import { type TestSession, useTestApi } from '../support/api.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { VersionCompare } from './pages/version-compare.js';
import { seriousViolations, WITHOUT_APP_HEADER } from './support/axe.js';
import { screenshot, useChromium } from './support/browser.js';
import { createSalesDataset, signedInPage } from './support/fixtures.js';

// Comparing two versions of a dashboard, in Chromium: the history's "Compare" opens both versions
// side by side, each drawn as saved, with what was added, changed and removed marked and listed.

const api = useTestApi();
const chromium = useChromium();

const REGION = 'Revenue by region';
const SHARE = 'Revenue share by region';
const ORDERS = 'Rows by region';
const MONTHLY = 'Revenue by month';

const byRegion = (datasetId: string, type: 'bar' | 'pie', measure: 'sum' | 'count'): ChartSpecInput => ({
  version: 1,
  type,
  data: {
    dataset_id: datasetId,
    query: {
      dimensions: [{ field: 'region' }],
      measures: [measure === 'sum' ? { field: 'revenue', aggregate: 'sum', as: 'revenue' } : { aggregate: 'count' }],
    },
  },
});

interface Tree {
  id: string;
  tabs: { id: string; title: string; charts: { id: string; title: string; etag: string }[] }[];
}

/**
 * Five versions made through the API: 1 created with two charts; 2 adds a chart; 3 changes a
 * chart's type and title; 4 adds a tab; 5 removes a chart.
 */
async function createHistory(user: TestSession, datasetId: string): Promise<string> {
  const created = await api.request<Tree>('POST', '/api/dashboards', {
    token: user.token,
    body: {
      title: 'Sales over time',
      tabs: [
        {
          title: 'Overview',
          charts: [
            { title: REGION, configuration: byRegion(datasetId, 'bar', 'sum') },
            { title: ORDERS, configuration: byRegion(datasetId, 'bar', 'count') },
          ],
        },
      ],
    },
  });
  expect(created.status).toBe(201);
  const tab = created.body.tabs[0];
  const [region, orders] = tab?.charts ?? [];
  if (!tab || !region || !orders) throw new Error('the dashboard was not created with its charts');

  const monthly: ChartSpecInput = {
    version: 1,
    type: 'line',
    data: {
      dataset_id: datasetId,
      query: {
        dimensions: [{ field: 'month', time_grain: 'month' }],
        measures: [{ field: 'revenue', aggregate: 'sum', as: 'revenue' }],
      },
    },
  };
  const steps = [
    await api.request('POST', `/api/tabs/${tab.id}/charts`, {
      token: user.token,
      body: { title: MONTHLY, configuration: monthly },
    }),
    await api.request('PATCH', `/api/charts/${region.id}`, {
      token: user.token,
      headers: { 'if-match': `"${region.etag}"` },
      body: { title: SHARE, chart_type: 'pie', configuration: byRegion(datasetId, 'pie', 'sum') },
    }),
    await api.request('POST', `/api/dashboards/${created.body.id}/tabs`, {
      token: user.token,
      body: { title: 'Details', charts: [] },
    }),
    await api.request('DELETE', `/api/charts/${orders.id}`, {
      token: user.token,
      headers: { 'if-match': `"${orders.etag}"` },
    }),
  ];
  expect(steps.map((step) => step.status)).toEqual([201, 200, 201, 204]);
  return created.body.id;
}

describe('comparing two versions in Chromium', () => {
  let owner: TestSession;
  let dashboardId: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    owner = await api.signUp('historian');
    dashboardId = await createHistory(owner, await createSalesDataset(api, owner));
    // The CSP forbids injected scripts; axe is the test's own, so this context bypasses it.
    ({ context, page } = await signedInPage(chromium.browser, api, owner, { bypassCSP: true }));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it('shows two versions side by side, drawn, with the added, changed and removed charts marked and the changes in words', async () => {
    await page.goto(`${api.baseUrl}/dashboards/${dashboardId}`);
    const dashboard = new DashboardPage(page);
    await dashboard.waitForVersion(5);
    await dashboard.openHistory();
    await screenshot(page, 'version-history');

    // "Compare" on the latest version: with the one before it.
    const compare = new VersionCompare(page);
    await compare.openFromHistory(5);
    expect(await compare.title()).toBe('Compare version 4 with version 5');
    expect(await compare.chartMark(4, ORDERS)).toEqual({ mark: 'removed', badge: 'Removed' });
    expect(await compare.chartMark(5, SHARE)).toEqual({ mark: 'unchanged', badge: null });
    expect(await compare.summary()).toEqual(['Chart “Rows by region” removed from tab “Overview”']);

    // Any two versions: from the first to the last.
    await compare.choose('From', 1);
    await compare.dialog.getByRole('heading', { name: 'Compare version 1 with version 5' }).waitFor();
    await compare.waitForChartDrawn(1, REGION);
    await compare.waitForChartDrawn(5, SHARE);
    await compare.waitForChartDrawn(5, MONTHLY);

    // Side by side: the older on the left, at the same height.
    const left = await compare.side(1).boundingBox();
    const right = await compare.side(5).boundingBox();
    expect(left && right && left.x + left.width <= right.x && Math.abs(left.y - right.y) < 5).toBe(true);

    expect(await compare.chartsMarked(1, 'removed')).toEqual([ORDERS]);
    expect(await compare.chartsMarked(1, 'changed')).toEqual([REGION]);
    expect(await compare.chartsMarked(5, 'changed')).toEqual([SHARE]);
    expect(await compare.chartsMarked(5, 'added')).toEqual([MONTHLY]);
    expect(await compare.chartMark(5, MONTHLY)).toEqual({ mark: 'added', badge: 'Added' });
    expect(await compare.tabMark(5, 'Details')).toBe('added');
    expect(await compare.summary()).toEqual(
      expect.arrayContaining([
        'Tab “Details” added',
        `Chart “${MONTHLY}” added to tab “Overview”`,
        `Chart “${REGION}” renamed to “${SHARE}”`,
        `Chart “${SHARE}” changed from bar to pie`,
        `Chart “${ORDERS}” removed from tab “Overview”`,
      ]),
    );
    expect(await compare.perChart()).toEqual([`“${SHARE}”: title and chart type changed`]);
    expect(await seriousViolations(page, WITHOUT_APP_HEADER)).toEqual([]);
    await page.mouse.move(5, 5);
    await screenshot(page, 'version-compare');
    // The dark theme (the app follows the system's until one is chosen).
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor({ state: 'attached' });
    await page.waitForTimeout(500); // colours change with a transition
    // (Not checked by axe here: Mantine's dimmed grey on dark is 4.4:1 app-wide, a theme matter.)
    await screenshot(page, 'version-compare-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Switching To updates both the view and the words.
    await compare.choose('To', 2);
    await compare.dialog.getByRole('heading', { name: 'Compare version 1 with version 2' }).waitFor();
    await compare.side(2).waitFor();
    expect(await compare.chartMark(2, MONTHLY)).toEqual({ mark: 'added', badge: 'Added' });
    expect(await compare.chartMark(2, REGION)).toEqual({ mark: 'unchanged', badge: null });
    expect(await compare.summary()).toEqual([`Chart “${MONTHLY}” added to tab “Overview”`]);
  }, 120_000);

  it('restores a version from the compare view: the dashboard is that version again, saved as a new one', async () => {
    const compare = new VersionCompare(page);
    // Version 1 beside version 5 (the current one, which has no restore button).
    await compare.choose('To', 5);
    await compare.dialog.getByRole('heading', { name: 'Compare version 1 with version 5' }).waitFor();
    expect(
      await compare
        .side(5)
        .getByRole('button', { name: /^Restore/ })
        .count(),
    ).toBe(0);
    await compare.restore(1);
    await compare.dialog.getByRole('heading', { name: 'Compare version 1 with version 6' }).waitFor();
    await compare.dialog.getByText('No differences between these versions.').waitFor();

    await compare.close();
    const dashboard = new DashboardPage(page);
    await dashboard.closeHistory();
    await dashboard.waitForVersion(6);
    await dashboard.waitForChartDrawn(REGION);
    await dashboard.waitForChartDrawn(ORDERS);
    expect(await dashboard.tab('Details').count()).toBe(0);
  }, 120_000);
});
