import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartSpecInput } from '../../src/shared/chart-spec.js';
import { type Json, signUpTeam, type TeamCast, type TestSession, useTestApi } from '../support/api.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { SharedDashboardPage } from './pages/shared-dashboard-page.js';
import { seriousViolations } from './support/axe.js';
import { screenshot, useChromium } from './support/browser.js';
import { createSalesDataset, salesCsv, signedInPage } from './support/fixtures.js';

// A dashboard's own settings in a real Chromium, through its ⋯ menu: rename and describe, move to
// a team, duplicate, delete; a chart moved to another dashboard; what a team's viewer is offered.

const api = useTestApi();
const chromium = useChromium();

const BY_REGION = 'Revenue by region';
const BY_MONTH = 'Revenue by month';
const OWNER_ITEMS = ['Rename and describe…', 'Move to…', 'Duplicate', 'Delete dashboard'];

/** Six months of revenue in two regions: enough for a line and a bar. */
const SALES_CSV = salesCsv({ months: 6, regions: 2 });

/**
 * The two charts of every dashboard here. Not revenueByRegionChart(): one is a line by month, and
 * the bar has neither the sort nor the labels that one adds.
 */
function spec(datasetId: string, title: string): ChartSpecInput {
  const byMonth = title === BY_MONTH;
  return {
    version: 1,
    type: byMonth ? 'line' : 'bar',
    data: {
      dataset_id: datasetId,
      query: {
        dimensions: [byMonth ? { field: 'month', time_grain: 'month', as: 'month' } : { field: 'region' }],
        measures: [{ field: 'revenue', aggregate: 'sum', as: 'revenue' }],
      },
    },
    style: { title },
  };
}

/**
 * A personal dashboard with two charts side by side (a saved layout), made through the API. Not
 * fixtures' createDashboard(): the layout needs the charts' ids and the ETag from the answer, and
 * the tests compare against the whole saved dashboard this returns.
 */
async function createLaidOutDashboard(user: TestSession, datasetId: string, title: string): Promise<Json> {
  const created = await api.request<Json>('POST', '/api/dashboards', {
    token: user.token,
    body: {
      title,
      tabs: [
        {
          title: 'Overview',
          charts: [BY_REGION, BY_MONTH].map((t) => ({ title: t, configuration: spec(datasetId, t) })),
        },
      ],
    },
  });
  expect(created.status).toBe(201);
  const [region, month] = created.body.tabs[0].charts as Json[];
  const layout = { [region?.id]: { x: 0, y: 0, w: 4, h: 6 }, [month?.id]: { x: 4, y: 0, w: 8, h: 9 } };
  const saved = await api.request<Json>('PATCH', `/api/dashboards/${created.body.id}`, {
    token: user.token,
    headers: { 'if-match': `"${created.body.etag}"` },
    body: { settings: { layout } },
  });
  expect(saved.status).toBe(200);
  return saved.body;
}

/** Signed in as the user; bypassCSP: the app's CSP forbids injected scripts, and axe-core is the test's own. */
const signedInWithAxe = (user: TestSession) => signedInPage(chromium.browser, api, user, { bypassCSP: true });

/** Each chart's place in a dashboard's saved layout, in the order of its charts. */
function placesInOrder(dashboard: Json): unknown[] {
  const layout = (dashboard.settings.layout ?? {}) as Json;
  return (dashboard.tabs as Json[]).flatMap((tab) => (tab.charts as Json[]).map((chart) => layout[chart.id]));
}

describe('a dashboard’s settings in Chromium', () => {
  let cast: TeamCast;
  let datasetId: string;
  let context: BrowserContext;
  let page: Page;
  let dashboard: DashboardPage;

  const get = (id: string, user: TestSession = cast.owner) =>
    api.request<Json>('GET', `/api/dashboards/${id}`, { token: user.token });
  const open = async (id: string, title: string) => {
    await page.goto(`${api.baseUrl}/dashboards/${id}`);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  };

  beforeAll(async () => {
    cast = await signUpTeam(api, 'Finance');
    datasetId = await createSalesDataset(api, cast.owner, { csv: SALES_CSV, teamId: cast.teamId });
    ({ context, page } = await signedInWithAxe(cast.owner));
    dashboard = new DashboardPage(page);
  }, 60_000);

  afterAll(() => context?.close());

  it('renames and describes a dashboard: shown in the header, kept after a reload, recorded in the history', async () => {
    const created = await createLaidOutDashboard(cast.owner, datasetId, 'Sales overview');
    await open(created.id, 'Sales overview');
    await dashboard.waitForChartDrawn(BY_REGION);
    await dashboard.waitForChartsSettled();

    await dashboard.openDashboardMenu();
    expect(await dashboard.menuItems()).toEqual(OWNER_ITEMS);
    // Away from the button, so that its tooltip is not in the screenshot.
    await page.mouse.move(600, 700);
    await screenshot(page, 'dashboard-actions');
    expect(await seriousViolations(page)).toEqual([]);
    await dashboard.closeMenu();

    // An empty title is refused beside the field, and nothing is saved.
    const dialog = await dashboard.fillRenameDialog('   ', '');
    expect(await dashboard.fieldError(dialog, /^Title/)).toBe('Give the dashboard a title');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await dashboard.fillRenameDialog('Regional sales', 'Revenue by region and month, from the sales export.');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Regional sales', level: 1 }).waitFor();
    expect(await dashboard.description.textContent()).toBe('Revenue by region and month, from the sales export.');
    await page.reload();
    await page.getByRole('heading', { name: 'Regional sales', level: 1 }).waitFor();
    expect(await dashboard.description.textContent()).toBe('Revenue by region and month, from the sales export.');

    const versions = await api.request<Json>('GET', `/api/dashboards/${created.id}/versions`, {
      token: cast.owner.token,
    });
    expect(versions.body.items[0].change_summary).toBe(
      'Renamed the dashboard to “Regional sales”, edited the description',
    );
  }, 60_000);

  it('a rename after someone else’s change says so, reloads the dashboard, and saves on the next try', async () => {
    const created = await createLaidOutDashboard(cast.owner, datasetId, 'Busy board');
    await open(created.id, 'Busy board');
    await dashboard.chooseDashboardAction('Rename and describe…');
    const dialog = dashboard.dialog('Rename and describe');
    // Meanwhile, someone else (here: the API) changes the dashboard.
    const meanwhile = await api.request<Json>('PATCH', `/api/dashboards/${created.id}`, {
      token: cast.owner.token,
      headers: { 'if-match': `"${created.etag}"` },
      body: { description: 'Set elsewhere' },
    });
    expect(meanwhile.status).toBe(200);
    await dialog.getByRole('textbox', { name: /^Title/ }).fill('Calm board');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'changed this dashboard meanwhile' }).waitFor();
    // What was typed is kept; the second try goes through.
    expect(await dialog.getByRole('textbox', { name: /^Title/ }).inputValue()).toBe('Calm board');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Calm board', level: 1 }).waitFor();
  }, 60_000);

  it('duplicates a dashboard with its charts and layout, and opens the copy; the original is untouched', async () => {
    const original = await createLaidOutDashboard(cast.owner, datasetId, 'Quarterly');
    await open(original.id, 'Quarterly');
    await dashboard.chooseDashboardAction('Duplicate');
    await page.getByRole('heading', { name: 'Quarterly (copy)', level: 1 }).waitFor();
    const copyId = new URL(page.url()).pathname.split('/').pop() as string;
    expect(copyId).not.toBe(original.id);
    await dashboard.waitForChartDrawn(BY_REGION);
    await dashboard.waitForChartDrawn(BY_MONTH);
    // Side by side as in the original: the narrow one on the left, the wide one beside it.
    const [region, month] = [await dashboard.chartBox(BY_REGION), await dashboard.chartBox(BY_MONTH)];
    expect(month.x).toBeGreaterThan(region.x + region.width - 1);
    expect(month.width).toBeGreaterThan(region.width * 1.5);

    const copy = (await get(copyId)).body;
    expect(copy.owner).toEqual({ type: 'user', user_id: cast.owner.userId });
    expect(copy.tabs.map((t: Json) => t.charts.map((c: Json) => c.title))).toEqual([[BY_REGION, BY_MONTH]]);
    expect(placesInOrder(copy)).toEqual(placesInOrder(original));
    const after = (await get(original.id)).body;
    expect(after.title).toBe('Quarterly');
    expect(after.etag).toBe(original.etag);
  }, 60_000);

  it('moves a chart to a tab of another dashboard: gone from this one, drawn on the other', async () => {
    const source = await createLaidOutDashboard(cast.owner, datasetId, 'Source board');
    // The target has a full tab (10 charts, the most a tab holds) and one with room. Not
    // createDashboard(): these charts are empty placeholders, without the configuration it takes.
    const target = await api.request<Json>('POST', '/api/dashboards', {
      token: cast.owner.token,
      body: {
        title: 'Target board',
        tabs: [
          { title: 'Full', charts: Array.from({ length: 10 }, (_, i) => ({ title: `Empty ${i}`, chart_type: 'bar' })) },
          { title: 'Inbox', charts: [] },
        ],
      },
    });
    expect(target.status).toBe(201);

    await open(source.id, 'Source board');
    await dashboard.waitForChartDrawn(BY_MONTH);
    const dialog = await dashboard.moveChartToDashboard(BY_MONTH, 'Target board');
    // The full tab cannot be chosen; the first tab with room is.
    expect(await dialog.getByRole('textbox', { name: /^Tab/ }).inputValue()).toBe('Inbox');
    await dialog.getByRole('textbox', { name: /^Tab/ }).click();
    // Mantine marks a disabled option with a data attribute only; "(full)" says it in words.
    expect(await page.getByRole('option', { name: 'Full (full)' }).getAttribute('data-combobox-disabled')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'move-chart-dialog');
    await dialog.getByRole('button', { name: 'Move chart' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await dashboard.chart(BY_MONTH).waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Open “Target board” › Inbox' }).click();
    await page.getByRole('heading', { name: 'Target board', level: 1 }).waitFor();
    await dashboard.waitForChartDrawn(BY_MONTH);
    const moved = (await get(target.body.id)).body;
    expect(moved.tabs[1].charts.map((c: Json) => c.title)).toEqual([BY_MONTH]);
  }, 60_000);

  it('moves a dashboard to a team: its viewer then sees it read-only and may only duplicate it', async () => {
    const created = await createLaidOutDashboard(cast.owner, datasetId, 'Team metrics');
    expect((await get(created.id, cast.viewer)).status).toBe(404);
    await open(created.id, 'Team metrics');
    await dashboard.chooseDashboardAction('Move to…');
    const dialog = dashboard.dialog('Move “Team metrics”');
    await dialog.getByRole('radio', { name: 'Finance' }).check();
    await dialog.getByText('All 3 members of Finance will see it').waitFor();
    await screenshot(page, 'dashboard-move-dialog');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    const seen = await get(created.id, cast.viewer);
    expect(seen.status).toBe(200);
    expect(seen.body.owner).toEqual({ type: 'team', team_id: cast.teamId });
    expect(seen.body.abilities).toEqual({ can_edit: false, can_delete: false, can_share: false });

    const viewer = await signedInWithAxe(cast.viewer);
    try {
      const viewerDashboard = new DashboardPage(viewer.page);
      await viewer.page.goto(`${api.baseUrl}/dashboards/${created.id}`);
      await viewer.page.getByText('View only', { exact: true }).waitFor();
      await viewerDashboard.openDashboardMenu();
      expect(await viewerDashboard.menuItems()).toEqual(['Duplicate']);
      // Their copy is their own, and theirs to change.
      await viewerDashboard.openMenu.getByRole('menuitem', { name: 'Duplicate' }).click();
      await viewer.page.getByRole('heading', { name: 'Team metrics (copy)', level: 1 }).waitFor();
      await viewerDashboard.dashboardMenuButton.waitFor();
      expect(await viewer.page.getByText('View only', { exact: true }).count()).toBe(0);
    } finally {
      await viewer.context.close();
    }
  }, 60_000);

  it('deletes a dashboard after a confirmation: back home, gone from the list, its share link no longer works', async () => {
    const created = await createLaidOutDashboard(cast.owner, datasetId, 'Old board');
    const link = await api.request<{ url: string }>('POST', `/api/dashboards/${created.id}/share-links`, {
      token: cast.owner.token,
      body: { expires_at: null },
    });
    expect(link.status).toBe(201);

    await open(created.id, 'Old board');
    await dashboard.chooseDashboardAction('Delete dashboard');
    const dialog = dashboard.dialog('Delete this dashboard?');
    await dialog.getByText(/“Old board”.*share links stop working.*version history is deleted too/s).waitFor();
    await dialog.getByRole('button', { name: 'Delete dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboards', level: 1 }).waitFor();
    await page.getByText('Deleted “Old board”').waitFor();
    expect(await page.getByRole('link', { name: 'Open dashboard Old board', exact: true }).count()).toBe(0);
    expect((await get(created.id)).status).toBe(404);

    const visitor = await chromium.browser.newContext();
    try {
      const shared = new SharedDashboardPage(await visitor.newPage());
      await shared.open(link.body.url);
      await shared.waitForNotFound();
    } finally {
      await visitor.close();
    }
  }, 60_000);

  it('a home page card has the same menu: renamed from there, the card shows the new title', async () => {
    await createLaidOutDashboard(cast.owner, datasetId, 'Card board');
    await page.goto(`${api.baseUrl}/`);
    const button = page.getByRole('button', { name: 'Actions for Card board', exact: true });
    await button.click();
    expect(await dashboard.menuItems()).toEqual(OWNER_ITEMS);
    await screenshot(page, 'home-card-actions');
    await dashboard.openMenu.getByRole('menuitem', { name: 'Rename and describe…' }).click();
    const dialog = dashboard.dialog('Rename and describe');
    await dialog.getByRole('textbox', { name: /^Title/ }).fill('Card board renamed');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'Open dashboard Card board renamed', exact: true }).first().waitFor();
    // Still on the home page: the menu's clicks did not open the card.
    expect(new URL(page.url()).pathname).toBe('/');
  }, 60_000);
});
