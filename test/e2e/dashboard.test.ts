import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartSpecInput } from '../../src/shared/chart-spec.js';
import { type Json, type TestSession, useTestApi } from '../support/api.js';
import { AuthPage } from './pages/auth-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { launchChromium, screenshot } from './support/browser.js';
import { ensureWebBuild } from './support/web-build.js';

// A dashboard's own features in a real Chromium: the chart menu (full screen, downloads, copy,
// move, delete), tab reordering, auto-refresh, and what a team's viewer may and may not do.

const api = useTestApi();
let browser: Browser;

const BY_REGION = 'Revenue by region';
const BY_MONTH = 'Revenue by month';
const THIS_MONTH = 'Revenue this month';

const SALES_CSV = [
  'month,region,revenue',
  ...Array.from({ length: 6 }, (_, m) => {
    const month = `2026-${String(m + 1).padStart(2, '0')}-01`;
    return [`${month},North,${1000 + m * 110}`, `${month},South,${800 + m * 90}`, `${month},West,${600 + m * 70}`];
  }).flat(),
].join('\n');

async function createSalesDataset(user: TestSession, teamId?: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([SALES_CSV]), 'sales.csv');
  const staged = await api.request<{ upload_id: string }>('POST', '/api/uploads', { token: user.token, body: form });
  const created = await api.request<{ id: string }>('POST', '/api/datasets', {
    token: user.token,
    body: { upload_id: staged.body.upload_id, name: 'Sales', ...(teamId ? { team_id: teamId } : {}) },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

function specs(datasetId: string): Record<string, ChartSpecInput> {
  return {
    [BY_REGION]: {
      version: 1,
      type: 'bar',
      data: {
        dataset_id: datasetId,
        query: {
          dimensions: [{ field: 'region' }],
          measures: [{ field: 'revenue', aggregate: 'sum', as: 'revenue' }],
          sort: [{ field: 'revenue', direction: 'desc' }],
        },
      },
      style: { title: BY_REGION, labels: true },
    },
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
async function createDashboard(user: TestSession, datasetId: string, teamId?: string): Promise<Json> {
  const spec = specs(datasetId);
  const chart = (title: string) => ({ title, configuration: spec[title] });
  const created = await api.request<Json>('POST', '/api/dashboards', {
    token: user.token,
    body: {
      title: 'Sales overview',
      ...(teamId ? { team_id: teamId } : {}),
      tabs: [
        { title: 'Overview', charts: [chart(BY_REGION), chart(BY_MONTH)] },
        { title: 'Details', charts: [chart(THIS_MONTH)] },
      ],
    },
  });
  expect(created.status).toBe(201);
  return created.body;
}

async function signedInPage(user: TestSession): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP: the app's CSP forbids injected scripts, and axe-core is the test's own.
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    bypassCSP: true,
  });
  const page = await context.newPage();
  await new AuthPage(page, api.baseUrl).signIn({ email: user.email, password: user.password });
  await page.getByRole('heading', { name: 'Dashboards', level: 1 }).waitFor();
  return { context, page };
}

async function fileText(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The serious and critical violations axe-core finds on the page as it is now. */
async function seriousViolations(page: Page, within = 'document'): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  // A string runs in the page: the test's own TypeScript has no DOM types.
  const violations = (await page.evaluate(
    `(async () => (await window.axe.run(${within}, { resultTypes: ['violations'] })).violations)()`,
  )) as { id: string; impact: string | null; nodes: { target: string[]; failureSummary?: string }[] }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).join(', ')}`,
    );
}

const CHART_DATA = /\/api\/charts\/[0-9a-f-]{36}\/data$/;
const VIEWER_ITEMS = ['Full screen', 'Download PNG', 'Download SVG', 'Download data (CSV)'];

beforeAll(async () => {
  await ensureWebBuild();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

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
    const datasetId = await createSalesDataset(owner);
    dashboardId = (await createDashboard(owner, datasetId)).id;
    ({ context, page } = await signedInPage(owner));
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
    const team = await api.request<{ id: string }>('POST', '/api/teams', { token: admin.token, body: { name: 'Ops' } });
    expect(team.status).toBe(201);
    const invitation = await api.request<{ id: string }>('POST', `/api/teams/${team.body.id}/invitations`, {
      token: admin.token,
      body: { email: viewer.email, role: 'viewer' },
    });
    expect(invitation.status).toBe(201);
    const accepted = await api.request('POST', `/api/invitations/${invitation.body.id}/accept`, {
      token: viewer.token,
    });
    expect(accepted.status).toBe(200);
    // The team's dataset, so that its members may read the charts' data.
    const datasetId = await createSalesDataset(admin, team.body.id);
    const created = await createDashboard(admin, datasetId, team.body.id);

    const { context, page } = await signedInPage(viewer);
    try {
      const dashboard = new DashboardPage(page);
      await page.goto(`${api.baseUrl}/dashboards/${created.id}`);
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
