import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSession, useTestApi } from '../support/api.js';
import { ChartEditor } from './pages/chart-editor.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { seriousViolations } from './support/axe.js';
import { screenshot, useChromium } from './support/browser.js';
import { createDashboard, createSalesDataset, signedInPage } from './support/fixtures.js';

// The chart editor, in a real Chromium: a user makes a chart from their dataset with the
// controls, watches the preview, saves it onto the dashboard, edits it again (controls and JSON),
// and sees DuckDB's complaint about bad SQL.

const api = useTestApi();
const chromium = useChromium();

describe('the chart editor in Chromium', () => {
  let user: TestSession;
  let dashboardId: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    user = await api.signUp('chart-maker');
    await createSalesDataset(api, user);
    dashboardId = await createDashboard(api, user, { title: 'Sales review' });
    // axe is the test's own script: the context bypasses the app's CSP for it.
    ({ context, page } = await signedInPage(chromium.browser, api, user, { bypassCSP: true }));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it('a chart made with the controls lands on the dashboard drawn; editing it by controls and JSON saves a new version', async () => {
    await page.goto(`${api.baseUrl}/dashboards/${dashboardId}`);
    const dashboard = new DashboardPage(page);
    const editor = new ChartEditor(page);

    await editor.openNew();
    await editor.preview.getByText('Pick a dataset to start').waitFor();
    await editor.pickDataset('Sales');
    // A first chart is there at once: revenue summed by month.
    await editor.waitForPreviewDrawn();
    await editor.pickType('Bar');
    await editor.choose('Dimension 1 column', 'region');
    await editor.choose('Measure 1 aggregation', 'Average');
    await editor.choose('Measure 1 column', 'revenue');
    await editor.preview.getByRole('heading', { name: 'Average of revenue by region' }).waitFor();
    await editor.preview.getByText('3 rows').waitFor();
    await editor.waitForPreviewSettled();
    await page.mouse.move(10, 10);
    await screenshot(page, 'chart-editor');
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await editor.waitForPreviewSettled();
    // Mantine's colour transitions (200 ms) end before the picture is taken.
    await page.waitForTimeout(500);
    await screenshot(page, 'chart-editor-dark');
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await editor.save();

    const first = 'Average of revenue by region';
    await dashboard.waitForChartDrawn(first);
    const saved = await api.request<{
      tabs: { charts: { title: string; chart_type: string; configuration: Record<string, unknown> }[] }[];
    }>('GET', `/api/dashboards/${dashboardId}`, { token: user.token });
    const chart = saved.body.tabs[0]?.charts[0];
    expect(chart?.chart_type).toBe('bar');
    expect(chart?.configuration).toMatchObject({
      type: 'bar',
      data: { query: { dimensions: [{ field: 'region' }], measures: [{ field: 'revenue', aggregate: 'avg' }] } },
    });

    // Edit: another type and a title through the controls, labels through the JSON view.
    await editor.openExisting(first);
    await editor.waitForPreviewDrawn();
    await editor.pickType('Line');
    await editor.section('Style');
    await editor.dialog.getByRole('textbox', { name: /^Title/ }).fill('Revenue by region');
    expect(await seriousViolations(page)).toEqual([]);
    const spec = await editor.readJson();
    expect(spec).toMatchObject({ type: 'line', style: { title: 'Revenue by region' } });
    await editor.writeJson({ version: 1, type: 'line' });
    await editor.dialog.getByText(/Not a valid chart spec/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await editor.writeJson({ ...spec, style: { ...(spec.style as object), labels: true } });
    expect(await editor.dialog.getByText(/Not a valid chart spec|Not valid JSON/).count()).toBe(0);
    await editor.segment('Visual');
    await editor.section('Style');
    expect(await editor.dialog.getByRole('switch', { name: 'Write the values on the marks' }).isChecked()).toBe(true);
    await editor.waitForPreviewDrawn();
    await editor.save();

    await dashboard.waitForChartDrawn('Revenue by region');
    expect(await dashboard.chart(first).count()).toBe(0);
    const after = await api.request<{
      tabs: { charts: { chart_type: string; configuration: Record<string, unknown> }[] }[];
    }>('GET', `/api/dashboards/${dashboardId}`, { token: user.token });
    expect(after.body.tabs[0]?.charts[0]?.chart_type).toBe('line');
    expect(after.body.tabs[0]?.charts[0]?.configuration).toMatchObject({
      style: { title: 'Revenue by region', labels: true },
    });
    await dashboard.openHistory();
    await expect
      .poll(() => dashboard.versions())
      .toEqual(expect.arrayContaining([expect.stringMatching(/Edited chart/), expect.stringMatching(/Added chart/)]));
    await dashboard.closeHistory();
  }, 120_000);

  it('bad SQL shows DuckDB’s message in the preview; cancelling asks before dropping the changes', async () => {
    const chartCount = async () =>
      (
        await api.request<{ tabs: { charts: unknown[] }[] }>('GET', `/api/dashboards/${dashboardId}`, {
          token: user.token,
        })
      ).body.tabs[0]?.charts.length;
    const before = await chartCount();
    await page.goto(`${api.baseUrl}/dashboards/${dashboardId}`);
    const editor = new ChartEditor(page);
    await editor.openNew();
    await editor.pickDataset('Sales');
    await editor.waitForPreviewDrawn();

    // A spec the schema accepts but the data does not (summing text): the reason is at the control.
    const spec = (await editor.readJson()) as { data: { query: { measures: unknown[] } } };
    spec.data.query.measures = [{ field: 'region', aggregate: 'sum' }];
    await editor.writeJson(spec);
    await editor.segment('Visual');
    const aggregation = editor.dialog.getByRole('textbox', { name: 'Measure 1 aggregation' });
    await expect.poll(() => aggregation.getAttribute('aria-invalid')).toBe('true');
    expect(await editor.dialog.getByText('Sum needs a numeric column; "region" is not', { exact: true }).count()).toBe(
      1,
    );
    expect(await editor.previewError()).toMatch(/sum needs a numeric column/);
    expect(await seriousViolations(page)).toEqual([]);
    await editor.choose('Measure 1 aggregation', 'Count');
    await editor.waitForPreviewDrawn();

    await editor.segment('SQL');
    await editor.writeSql('SELEC region, sum(revenue) FROM sales GROUP BY 1');
    expect(await editor.previewError()).toMatch(/syntax/i);
    await editor.preview.getByText(/At line 1, column \d+/).waitFor();
    await editor.dialog.getByText(/\(line 1, column \d+\)$/).waitFor();
    await screenshot(page, 'chart-editor-sql-error');
    expect(await seriousViolations(page)).toEqual([]);
    await editor.writeSql('SELECT region, sum(revenue) AS revenue FROM sales GROUP BY 1 ORDER BY 1');
    await editor.waitForPreviewDrawn();
    await editor.discard();
    expect(await chartCount()).toBe(before);
  }, 90_000);
});

describe('saving over someone else’s change', () => {
  it('says the chart changed meanwhile, loads the latest version, and then saves', async () => {
    const user = await api.signUp('chart-racer');
    const datasetId = await createSalesDataset(api, user);
    const spec = {
      version: 1,
      type: 'bar',
      data: {
        dataset_id: datasetId,
        query: {
          dimensions: [{ field: 'region' }],
          measures: [{ aggregate: 'count' }, { field: 'revenue', aggregate: 'sum', as: 'revenue' }],
          filters: [{ field: 'revenue', op: '>', value: 100 }],
          sort: [{ field: 'revenue', direction: 'desc' }],
          limit: 50,
        },
      },
      calculations: [{ type: 'percent_of_total', field: 'revenue' }],
      encoding: { x: 'region', y: ['count'] },
      style: {
        title: 'Rows by region',
        palette: ['#1f77b4', '#ff7f0e'],
        legend: { show: false },
        y_axis: { title: 'Rows', format: { style: 'number', compact: true } },
      },
    };
    // Not createDashboard(): the test needs the chart's id and ETag from the answer, and a spec
    // with every section filled in rather than revenueByRegionChart().
    const created = await api.request<{ id: string; tabs: { charts: { id: string; etag: string }[] }[] }>(
      'POST',
      '/api/dashboards',
      {
        token: user.token,
        body: {
          title: 'Race',
          tabs: [{ title: 'Overview', charts: [{ title: 'Rows by region', configuration: spec }] }],
        },
      },
    );
    expect(created.status).toBe(201);
    const chart = created.body.tabs[0]?.charts[0] as { id: string; etag: string };
    const { context, page } = await signedInPage(chromium.browser, api, user);
    try {
      await page.goto(`${api.baseUrl}/dashboards/${created.body.id}`);
      const dashboard = new DashboardPage(page);
      await dashboard.waitForChartDrawn('Rows by region');
      const editor = new ChartEditor(page);
      await editor.openExisting('Rows by region');
      await editor.waitForPreviewDrawn();
      // Every section shows the chart's settings without changing any of them.
      await editor.dialog.getByLabel('Filter 1 value').waitFor();
      await editor.section('Calculations');
      await editor.dialog.getByText('1. Percent of total').waitFor();
      await editor.section('Style');
      expect(await editor.dialog.getByRole('textbox', { name: 'Colours' }).inputValue()).toBe(
        'Custom colours (edit them in the JSON view)',
      );
      expect(await editor.readJson()).toEqual(spec);
      await editor.segment('Visual');
      await editor.dialog.getByText('No changes yet').waitFor();
      await editor.section('Data');

      // Meanwhile, someone else (here: the API) saves another version of the chart.
      const patched = await api.request('PATCH', `/api/charts/${chart.id}`, {
        token: user.token,
        headers: { 'if-match': `"${chart.etag}"` },
        body: { configuration: { ...spec, type: 'pie' } },
      });
      expect(patched.status).toBe(200);

      await editor.pickType('Line');
      await editor.dialog.getByRole('button', { name: 'Save chart' }).click();
      await editor.dialog.getByText('The chart changed meanwhile').waitFor();
      await editor.dialog.getByRole('button', { name: 'Load the latest version' }).click();
      await editor.dialog.getByRole('radio', { name: 'Pie', exact: true, checked: true }).waitFor();
      await editor.pickType('Donut');
      await editor.save();
      await dashboard.waitForChartDrawn('Rows by region');
      const after = await api.request<{ chart_type: string }>('GET', `/api/charts/${chart.id}`, { token: user.token });
      expect(after.body.chart_type).toBe('donut');
    } finally {
      await context.close();
    }
  }, 90_000);
});
