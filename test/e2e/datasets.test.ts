import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSY_CSV } from '../../src/server/datasets/test-files.js';
import { useTestApi } from '../support/api.js';
import { AuthPage } from './pages/auth-page.js';
import { DatasetsPage } from './pages/datasets-page.js';
import { HomePage } from './pages/home-page.js';
import { WorkspacePage } from './pages/workspace-page.js';
import { screenshot, useChromium } from './support/browser.js';

// Datasets and the workspace in a real Chromium: a messy CSV goes up through the browser's file
// input with a real progress bar, is previewed, retyped and loaded; saved items are drawn.

const api = useTestApi();
const chromium = useChromium();
let context: BrowserContext;
let page: Page;
const user = { email: `e2e-data-${crypto.randomUUID().slice(0, 8)}@example.test`, password: 'correct horse battery' };
let datasetId = '';

beforeAll(async () => {
  context = await chromium.browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await context?.close();
});

describe('datasets and the workspace in Chromium', () => {
  it('uploads a messy CSV with progress, shows what was detected, retypes a column and creates the dataset', async () => {
    await new AuthPage(page, api.baseUrl).signUp({ ...user, displayName: 'Data Person' });
    await new HomePage(page).waitUntilShown();

    const datasets = new DatasetsPage(page, api.baseUrl);
    await datasets.open();
    await datasets.waitForEmptyState();

    // A file that is not what its name says is refused in words, and another can be chosen.
    await datasets.chooseFile({ name: 'broken.parquet', content: 'this is not parquet' });
    expect(await datasets.uploadError()).toMatch(/could not be uploaded/);

    await datasets.chooseFile({ name: 'messy.csv', content: MESSY_CSV });
    const progress = datasets.uploadProgress('messy.csv');
    await progress.waitFor();
    await datasets.waitForPreview();
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    await datasets.uploadDialog.getByText('Uploaded · 100%').waitFor();

    // What OCP detected: semicolons, decimal commas with thousands points, day-first dates.
    expect(await datasets.uploadDialog.getByTestId('detected-delimiter').textContent()).toBe('Semicolon (;)');
    expect(await datasets.uploadDialog.getByRole('combobox', { name: 'Decimal separator' }).inputValue()).toBe(',');
    expect(await datasets.uploadDialog.getByRole('combobox', { name: 'Date format' }).inputValue()).toBe('%d/%m/%Y');
    expect(await datasets.columnType('Region').inputValue()).toBe('VARCHAR');
    expect(await datasets.columnType('Month').inputValue()).toBe('DATE');
    expect(await datasets.columnType('Revenue').inputValue()).toBe('DOUBLE');
    expect(await datasets.columnType('Units').inputValue()).toBe('BIGINT');
    const table = datasets.previewTable();
    await table.getByRole('cell', { name: '1234.5', exact: true }).waitFor();
    await table.getByRole('cell', { name: '2024-01-31', exact: true }).waitFor();

    // The row with a field too many, by its line in the file (the row before spans two lines).
    const problems = await datasets.badRows();
    expect(problems.join('\n')).toMatch(/Line 6/);

    // Read as text, the revenue is what the file says; read as a number again, it is a number.
    await datasets.setColumnType('Revenue', 'Text');
    await table.getByRole('cell', { name: '1.234,50', exact: true }).waitFor();
    await datasets.waitForPreviewSettled();
    await datasets.setColumnType('Revenue', 'Decimal number');
    await table.getByRole('cell', { name: '1234.5', exact: true }).waitFor();
    await datasets.waitForPreviewSettled();
    expect(await datasets.columnType('Revenue').inputValue()).toBe('DOUBLE');
    await screenshot(page, 'datasets-upload-preview');

    await datasets.create('Sales EU');
    expect(await datasets.loadReport()).toMatch(/Loaded 5 rows into “Sales EU”/);
    expect((await datasets.badRows()).join('\n')).toMatch(/Line 6/);
    await screenshot(page, 'datasets-load-report');
    await datasets.finishUpload();

    const row = datasets.row('Sales EU');
    await row.waitFor();
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('5');
    expect(await row.getByRole('cell').nth(4).textContent()).toBe('5');
    datasetId = (await row.getAttribute('data-dataset-id')) ?? '';
    expect(datasetId).not.toBe('');
    await screenshot(page, 'datasets');

    const drawer = await datasets.openDataset('Sales EU');
    await drawer.getByRole('table', { name: 'Columns' }).getByText('Revenue').waitFor();
    const rows = drawer.getByRole('table', { name: 'Rows of Sales EU' });
    await rows.getByRole('cell', { name: 'North', exact: true }).first().waitFor();
    expect(await rows.getByRole('row').count()).toBe(6);
    await drawer.getByText('Rows 1–5 of 5').waitFor();
    await screenshot(page, 'dataset-detail');

    // The same file appended: ten rows, the new ones on the next page of the preview.
    expect(await datasets.loadInto('Sales EU', { name: 'messy.csv', content: MESSY_CSV }, 'append')).toMatch(
      /Appended 5 rows to “Sales EU”, which now has 10 rows/,
    );
    await drawer.getByText('Rows 1–10 of 10').waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await datasets.row('Sales EU').getByRole('cell', { name: '10', exact: true }).waitFor();
  }, 120_000);

  it('shows a saved chart drawn and a note, filters them by tag, takes a new note and puts the chart on a dashboard', async () => {
    expect(datasetId).not.toBe('');
    const workspace = new WorkspacePage(page);
    await workspace.open();
    await page.getByRole('heading', { name: 'Your workspace is empty' }).waitFor();
    await page.getByText('/save Q3 revenue').waitFor();
    await screenshot(page, 'workspace-empty');

    const session = await api.request<{ access_token: string }>('POST', '/api/auth/signin', { body: user });
    const token = session.body.access_token;
    const chart = await api.request('POST', '/api/workspace/items', {
      token,
      body: {
        item_type: 'chart',
        title: 'Revenue by region',
        tags: ['finance', 'q1'],
        content: {
          spec: {
            version: 1,
            type: 'bar',
            data: {
              dataset_id: datasetId,
              query: { dimensions: [{ field: 'Region' }], measures: [{ field: 'Revenue', aggregate: 'sum' }] },
            },
          },
        },
      },
    });
    expect(chart.status).toBe(201);
    const note = await api.request('POST', '/api/workspace/items', {
      token,
      body: {
        item_type: 'note',
        title: 'Why the West is missing',
        tags: ['data-quality'],
        content: { text: 'Line 6 of the file had an extra field, so the West row was not loaded.' },
      },
    });
    expect(note.status).toBe(201);

    await page.reload();
    await workspace.waitForTitles(['Revenue by region', 'Why the West is missing']);
    await workspace.waitForChartDrawn('Revenue by region');
    await workspace
      .item('Why the West is missing')
      .getByText(/extra field/)
      .waitFor();
    await workspace.waitForChartsSettled();
    await screenshot(page, 'workspace');

    await workspace.toggleTag('finance');
    await workspace.waitForTitles(['Revenue by region']);
    await workspace.toggleTag('finance');
    await workspace.toggleTag('data-quality');
    await workspace.waitForTitles(['Why the West is missing']);

    // Retitled and retagged: the old tag no longer finds it, the new one does.
    await workspace.edit('Why the West is missing', { title: 'The West row', tags: ['data-quality', 'todo'] });
    await workspace.waitForTitles(['The West row']);
    await workspace.toggleTag('data-quality');
    await workspace.toggleTag('todo');
    await workspace.waitForTitles(['The West row']);
    await workspace.toggleTag('todo');
    await workspace.waitForTitles(['Revenue by region', 'The West row']);
    await workspace.delete('The West row');
    await workspace.waitForTitles(['Revenue by region']);

    // A note written here, found by its title.
    await workspace.writeNote({
      title: 'Follow-up for Monday',
      text: 'Ask the West team for the missing row.',
      tags: ['todo'],
    });
    await workspace.waitForTitles(['Revenue by region', 'Follow-up for Monday']);
    await page.getByRole('textbox', { name: 'Search the workspace by title' }).fill('monday');
    await workspace.waitForTitles(['Follow-up for Monday']);
    await workspace.item('Follow-up for Monday').getByText('Ask the West team').waitFor();
    await page.getByRole('textbox', { name: 'Search the workspace by title' }).fill('');
    await workspace.waitForTitles(['Revenue by region', 'Follow-up for Monday']);

    // The saved chart goes onto a new dashboard, drawn there.
    const landing = await workspace.addChartToNewDashboard('Revenue by region', 'From the workspace');
    expect(landing).toMatch(/chart 1 of at most 10/);
    await page.getByRole('heading', { name: 'From the workspace', level: 1 }).waitFor();
    await page
      .getByRole('region', { name: 'Revenue by region', exact: true })
      .locator('[data-chart-state]')
      .first()
      .waitFor();
  }, 90_000);

  it('asks before deleting a dataset a dashboard uses, names the chart, and deletes it anyway when told', async () => {
    const session = await api.request<{ access_token: string }>('POST', '/api/auth/signin', { body: user });
    const dashboard = await api.request('POST', '/api/dashboards', {
      token: session.body.access_token,
      body: {
        title: 'EU sales',
        tabs: [
          {
            title: 'Overview',
            charts: [
              {
                title: 'Units by region',
                chart_type: 'bar',
                configuration: {
                  version: 1,
                  type: 'bar',
                  data: {
                    dataset_id: datasetId,
                    query: { dimensions: [{ field: 'Region' }], measures: [{ field: 'Units', aggregate: 'sum' }] },
                  },
                },
              },
            ],
          },
        ],
      },
    });
    expect(dashboard.status).toBe(201);

    const datasets = new DatasetsPage(page, api.baseUrl);
    await datasets.open();
    await datasets.openDataset('Sales EU');
    const dialog = await datasets.askToDelete('Sales EU');
    const charts = dialog.getByRole('list', { name: 'Charts that use this dataset' });
    await charts.getByText('“Units by region” on').waitFor();
    expect(await charts.getByRole('link', { name: 'EU sales' }).count()).toBe(1);
    await screenshot(page, 'dataset-delete-in-use');
    await dialog.getByRole('button', { name: 'Delete anyway' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await datasets.waitForEmptyState();
  }, 60_000);
});
