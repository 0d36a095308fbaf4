import { readFile } from 'node:fs/promises';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartSpecInput } from '../../src/shared/chart-spec.js';
import { type Json, type TestSession, useTestApi } from '../support/api.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { seriousViolations } from './support/axe.js';
import { screenshot, useChromium } from './support/browser.js';
import {
  createDashboard,
  createSalesDataset,
  createTeamWithViewer,
  revenueByRegionChart,
  signedInPage,
} from './support/fixtures.js';

// A dashboard's own features in a real Chromium: the chart menu (full screen, downloads, copy,
// move, delete), tab reordering, auto-refresh, and what a team's viewer may and may not do.

const api = useTestApi();
const chromium = useChromium();

const BY_REGION = 'Revenue by region';
const BY_MONTH = 'Revenue by month';
const THIS_MONTH = 'Revenue this month';

type ChartTitle = typeof BY_REGION | typeof BY_MONTH | typeof THIS_MONTH;

function specs(datasetId: string): Record<ChartTitle, ChartSpecInput> {
  return {
    [BY_REGION]: revenueByRegionChart(datasetId, BY_REGION),
    [BY_MONTH]: {
      version: 1,
      type: 'line',
      data: {
        dataset_id: datasetId,
        query: {
          dimensions: [{ field: 'month', time_grain: 'month', as: 'month' }],
          measures: [{ field: 'revenue', aggregate: 'sum', as: 'revenue' }],
          sort: [{ field: 'month', direction: 'asc' }],
        },
      },
      style: { title: BY_MONTH },
    },
    [THIS_MONTH]: {
      version: 1,
      type: 'kpi',
      data: {
        dataset_id: datasetId,
        query: {
          dimensions: [{ field: 'month', time_grain: 'month', as: 'month' }],
          measures: [{ field: 'revenue', aggregate: 'sum', as: 'revenue' }],
          sort: [{ field: 'month', direction: 'desc' }],
          limit: 2,
        },
      },
      encoding: { y: ['revenue'] },
      style: { title: THIS_MONTH, kpi: { compare: 'previous_row' } },
    },
  };
}

/** Two tabs: Overview with two charts, Details with one; made through the API. */
function createSalesOverview(user: TestSession, datasetId: string, teamId?: string): Promise<string> {
  const spec = specs(datasetId);
  const chart = (title: ChartTitle) => ({ title, configuration: spec[title] });
  return createDashboard(api, user, {
    title: 'Sales overview',
    ...(teamId ? { teamId } : {}),
    tabs: [
      { title: 'Overview', charts: [chart(BY_REGION), chart(BY_MONTH)] },
      { title: 'Details', charts: [chart(THIS_MONTH)] },
    ],
  });
}

/** Signed in as the user; downloads kept, and the CSP bypassed so that axe-core (the test's own script) runs. */
const signedIn = (user: TestSession) =>
  signedInPage(chromium.browser, api, user, { acceptDownloads: true, bypassCSP: true });

async function fileText(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

const CHART_DATA = /\/api\/charts\/[0-9a-f-]{36}\/data$/;
const VIEWER_ITEMS = ['Full screen', 'Download PNG', 'Download SVG', 'Download data (CSV)'];

describe('a dashboard in Chromium, as its owner', () => {
  let owner: TestSession;
  let dashboardId: string;
  let context: BrowserContext;
  let page: Page;
  let dashboard: DashboardPage;

  const latestVersion = async () =>
    (await api.request<Json>('GET', `/api/dashboards/${dashboardId}`, { token: owner.token })).body
      .latest_version as number;

  const open = async (query = '') => {
    await page.goto(`${api.baseUrl}/dashboards/${dashboardId}${query}`);
    await page.getByRole('heading', { name: 'Sales overview', level: 1 }).waitFor();
  };

  beforeAll(async () => {
    owner = await api.signUp('dashboard-owner');
    const datasetId = await createSalesDataset(api, owner);
    dashboardId = await createSalesOverview(owner, datasetId);
    ({ context, page } = await signedIn(owner));
    dashboard = new DashboardPage(page);
  }, 60_000);

  afterAll(() => context?.close());

  it('a chart opens full screen with its title, and Escape brings the dashboard back', async () => {
    await open();
    await dashboard.waitForChartDrawn(BY_REGION);
    await dashboard.waitForChartsSettled();
    await dashboard.openChartMenu(BY_REGION);
    expect(await dashboard.menuItems()).toEqual([
      'Edit chart',
      ...VIEWER_ITEMS,
      'Duplicate',
      'Move to tab',
      'Move to another dashboard…',
      'Delete chart',
    ]);
    await screenshot(page, 'dashboard-chart-menu');
    expect(await seriousViolations(page)).toEqual([]);
    await dashboard.closeMenu();

    await dashboard.openFullScreen(BY_REGION);
    const full = dashboard.fullScreenDialog(BY_REGION);
    const box = await full.getByTestId('full-screen-chart').boundingBox();
    // Far larger than its card: the chart fills the screen.
    expect(box?.width).toBeGreaterThan(1300);
    expect(box?.height).toBeGreaterThan(700);
    await page.locator('[data-testid="full-screen-chart"] [data-chart-state="settled"]').waitFor();
    await screenshot(page, 'dashboard-chart-full-screen');
    expect(await seriousViolations(page)).toEqual([]);
    await dashboard.closeFullScreen(BY_REGION);
    await dashboard.chart(BY_REGION).waitFor();

    // The same in the dark theme.
    await dashboard.toggleTheme();
    try {
      await dashboard.waitForChartsSettled();
      await dashboard.openChartMenu(BY_REGION);
      // The menu only: the theme's dimmed text elsewhere is not this test's subject.
      expect(await seriousViolations(page, "document.querySelector('[role=menu]')")).toEqual([]);
      await screenshot(page, 'dashboard-chart-menu-dark');
      await dashboard.closeMenu();
    } finally {
      await dashboard.toggleTheme();
    }
  }, 60_000);

  it('Add chart and Edit chart open the chart editor', async () => {
    await open();
    await dashboard.waitForChartDrawn(BY_REGION);
    await dashboard.addChartButtons.first().click();
    const created = page.getByRole('dialog', { name: 'New chart' });
    await created.waitFor();
    await page.keyboard.press('Escape');
    await created.waitFor({ state: 'hidden' });
    await dashboard.chooseChartAction(BY_REGION, 'Edit chart');
    const edited = page.getByRole('dialog', { name: 'Edit chart' });
    await edited.waitFor();
    await page.keyboard.press('Escape');
    await edited.waitFor({ state: 'hidden' });
  }, 60_000);

  it('a full tab says why no chart can be added or copied to it', async () => {
    const charts = Array.from({ length: 10 }, (_, i) => ({ title: `Chart ${i + 1}`, chart_type: 'bar' }));
    const full = await api.request<Json>('POST', '/api/dashboards', {
      token: owner.token,
      body: {
        title: 'Full',
        tabs: [
          { title: 'Ten', charts },
          { title: 'Room', charts: [] },
        ],
      },
    });
    expect(full.status).toBe(201);
    await page.goto(`${api.baseUrl}/dashboards/${full.body.id}`);
    const add = dashboard.addChartButtons.first();
    await add.waitFor();
    expect(await add.getAttribute('aria-disabled')).toBe('true');
    await add.hover();
    await page
      .getByRole('tooltip')
      .getByText(/already has 10 charts/)
      .waitFor();
    await dashboard.openChartMenu('Chart 1');
    expect(await dashboard.menuItems()).toContain('Duplicate (tab is full)');
    await dashboard.closeMenu();

    // An empty tab offers a chart, and the assistant.
    await dashboard.openTab('Room');
    await dashboard.waitForEmptyTab();
    expect(await dashboard.addChartButtons.count()).toBe(2);
    expect(await page.getByText(/ask the assistant/).count()).toBe(1);
  }, 60_000);

  it('kiosk mode shows the dashboard alone, without the navigation, until it is left', async () => {
    await open();
    await dashboard.waitForChartDrawn(BY_REGION);
    await dashboard.enterKiosk();
    expect(new URL(page.url()).searchParams.has('kiosk')).toBe(true);
    // The app's navigation and the dashboard's buttons are covered; the charts and their menus work.
    expect(await page.getByRole('button', { name: 'History' }).count()).toBe(0);
    const covered = await page.evaluate(
      "(() => { const link = [...document.querySelectorAll('a')].find((a) => a.textContent.trim() === 'Datasets'); const box = link.getBoundingClientRect(); return !link.contains(document.elementFromPoint(box.x + 4, box.y + 4)); })()",
    );
    expect(covered).toBe(true);
    await dashboard.waitForChartDrawn(BY_REGION);
    await dashboard.openChartMenu(BY_REGION);
    await dashboard.closeMenu();
    await dashboard.exitKiosk();
    await page.getByRole('button', { name: 'History' }).waitFor();
  }, 60_000);

  it('a chart downloads as a PNG, an SVG and its data as CSV', async () => {
    await open();
    await dashboard.waitForChartDrawn(BY_REGION);

    const png = await dashboard.download(BY_REGION, 'Download PNG');
    expect(png.suggestedFilename()).toBe(`${BY_REGION}.png`);
    expect((await fileText(png)).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    const svg = await dashboard.download(BY_REGION, 'Download SVG');
    expect(svg.suggestedFilename()).toBe(`${BY_REGION}.svg`);
    expect((await fileText(svg)).toString('utf8').trimStart()).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);

    const csv = await dashboard.download(BY_REGION, 'Download data (CSV)');
    expect(csv.suggestedFilename()).toBe(`${BY_REGION}.csv`);
    const lines = (await fileText(csv))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe('region,revenue');
    // North: 1000 + 1110 + … + 1550 over six months.
    expect(lines).toContain('North,7650');
  }, 60_000);

  it('duplicating a chart and deleting the copy (after a confirmation) each save a version', async () => {
    await open();
    await dashboard.waitForChartDrawn(BY_REGION);
    const before = await latestVersion();

    await dashboard.duplicateChart(BY_REGION);
    await dashboard.waitForChartDrawn(`${BY_REGION} (copy)`);
    await dashboard.waitForVersion(before + 1);

    await dashboard.chooseChartAction(`${BY_REGION} (copy)`, 'Delete chart');
    const confirm = page.getByRole('dialog', { name: 'Delete this chart?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await dashboard.chart(`${BY_REGION} (copy)`).isVisible()).toBe(true);
    await dashboard.deleteChart(`${BY_REGION} (copy)`);
    await dashboard.waitForVersion(before + 2);

    await dashboard.openHistory();
    const versions = await dashboard.versions();
    expect(versions[0]).toMatch(/Deleted chart “?Revenue by region \(copy\)/);
    expect(versions[1]).toMatch(/Added chart “?Revenue by region \(copy\)/);
    await dashboard.closeHistory();
  }, 60_000);

  it('a chart moves to another tab through its menu', async () => {
    await open();
    await dashboard.waitForChartDrawn(BY_MONTH);
    await dashboard.moveChartToTab(BY_MONTH, 'Details');
    await dashboard.openTab('Details');
    await dashboard.waitForChartDrawn(BY_MONTH);
    await dashboard.waitForChartDrawn(THIS_MONTH);
    const tree = await api.request<Json>('GET', `/api/dashboards/${dashboardId}`, { token: owner.token });
    expect(tree.body.tabs[1].charts.map((c: Json) => c.title)).toEqual([THIS_MONTH, BY_MONTH]);
  }, 60_000);

  it('tabs are reordered with their menu and by dragging, and the order survives a reload', async () => {
    await open();
    await dashboard.openTab('Overview');
    await dashboard.moveActiveTab('right');
    await expect.poll(() => dashboard.tabTitles()).toEqual(['Details', 'Overview']);
    await open();
    expect(await dashboard.tabTitles()).toEqual(['Details', 'Overview']);

    await dashboard.dragTab('Overview', 'Details');
    await expect.poll(() => dashboard.tabTitles()).toEqual(['Overview', 'Details']);
    await expect
      .poll(async () => {
        const tree = await api.request<Json>('GET', `/api/dashboards/${dashboardId}`, { token: owner.token });
        return tree.body.tabs.map((t: Json) => t.title);
      })
      .toEqual(['Overview', 'Details']);
    await open();
    expect(await dashboard.tabTitles()).toEqual(['Overview', 'Details']);
  }, 60_000);

  it('auto-refresh goes into the address and loads the charts’ data again on its interval', async () => {
    await open();
    await dashboard.waitForChartDrawn(BY_REGION);
    await dashboard.setAutoRefresh('1 min');
    await expect.poll(() => new URL(page.url()).searchParams.get('refresh')).toBe('1m');
    await page.getByTestId('last-refreshed').waitFor();

    // A link may ask for a shorter interval than the list offers (at least 5 s).
    await open('?refresh=5s');
    await dashboard.waitForChartDrawn(BY_REGION);
    let requests = 0;
    const count = (request: { url(): string }) => {
      if (CHART_DATA.test(new URL(request.url()).pathname)) requests += 1;
    };
    page.on('request', count);
    try {
      // One chart on the tab: at least two rounds within 12 s.
      await expect.poll(() => requests, { timeout: 13_000, interval: 500 }).toBeGreaterThanOrEqual(2);
    } finally {
      page.off('request', count);
    }
    await dashboard.setAutoRefresh('Off');
    await expect.poll(() => new URL(page.url()).searchParams.get('refresh')).toBeNull();
  }, 60_000);
});

describe('a dashboard in Chromium, as a team viewer', () => {
  it('a viewer sees no editing controls, and the chart menu offers only full screen and the downloads', async () => {
    const [admin, viewer] = await Promise.all([api.signUp('team-admin'), api.signUp('team-viewer')]);
    const teamId = await createTeamWithViewer(api, { admin, viewer });
    // The team's dataset, so that its members may read the charts' data.
    const datasetId = await createSalesDataset(api, admin, { teamId });
    const dashboardId = await createSalesOverview(admin, datasetId, teamId);

    const { context, page } = await signedIn(viewer);
    try {
      const dashboard = new DashboardPage(page);
      await page.goto(`${api.baseUrl}/dashboards/${dashboardId}`);
      await page.getByText('View only', { exact: true }).waitFor();
      await dashboard.waitForChartDrawn(BY_REGION);
      expect(await dashboard.addChartButtons.count()).toBe(0);
      expect(await dashboard.dragHandles.count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Add tab' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Actions for tab / }).count()).toBe(0);

      await dashboard.openChartMenu(BY_REGION);
      expect(await dashboard.menuItems()).toEqual(VIEWER_ITEMS);
      await dashboard.closeMenu();

      await dashboard.openFullScreen(BY_REGION);
      await dashboard.closeFullScreen(BY_REGION);
      const csv = await dashboard.download(BY_REGION, 'Download data (CSV)');
      expect((await fileText(csv)).toString('utf8')).toContain('region,revenue');
    } finally {
      await context.close();
    }
  }, 60_000);
});
