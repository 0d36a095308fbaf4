import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartSpecInput } from '../../src/shared/chart-spec.js';
import { type TestSession, useTestApi } from '../support/api.js';
import { AuthPage } from './pages/auth-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { ShareDialog } from './pages/share-dialog.js';
import { SharedDashboardPage } from './pages/shared-dashboard-page.js';
import { launchChromium, screenshot } from './support/browser.js';
import { ensureWebBuild } from './support/web-build.js';

// Sharing, in a real Chromium: the owner makes a link in the share dialog; a visitor with no
// account opens it in a browser of its own (no session, no cookies), behind the link's password.

const api = useTestApi();
let browser: Browser;

const CHART_TITLE = 'Revenue by region';
const LINK_PASSWORD = 'open sesame';

const SALES_CSV = [
  'month,region,revenue',
  ...Array.from({ length: 6 }, (_, m) => {
    const month = `2026-${String(m + 1).padStart(2, '0')}-01`;
    return [`${month},North,${1000 + m * 110}`, `${month},South,${800 + m * 90}`, `${month},West,${600 + m * 70}`];
  }).flat(),
].join('\n');

/** A dataset loaded through the upload API, as the user. */
async function createSalesDataset(user: TestSession): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([SALES_CSV]), 'sales.csv');
  const staged = await api.request<{ upload_id: string }>('POST', '/api/uploads', { token: user.token, body: form });
  const created = await api.request<{ id: string }>('POST', '/api/datasets', {
    token: user.token,
    body: { upload_id: staged.body.upload_id, name: 'Sales' },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** A dashboard with one bar chart over the dataset, made through the API (no assistant involved). */
async function createDashboard(user: TestSession, datasetId: string, teamId?: string): Promise<string> {
  const spec: ChartSpecInput = {
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
    style: { title: CHART_TITLE, labels: true },
  };
  const created = await api.request<{ id: string }>('POST', '/api/dashboards', {
    token: user.token,
    body: {
      title: 'Regional sales',
      ...(teamId ? { team_id: teamId } : {}),
      tabs: [{ title: 'Overview', charts: [{ title: CHART_TITLE, configuration: spec }] }],
    },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function signedInPage(user: TestSession): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await new AuthPage(page, api.baseUrl).signIn({ email: user.email, password: user.password });
  await page.getByRole('heading', { name: 'Dashboards', level: 1 }).waitFor();
  return { context, page };
}

beforeAll(async () => {
  await ensureWebBuild();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('sharing a dashboard in Chromium', () => {
  let owner: TestSession;
  let dashboardId: string;
  let ownerContext: BrowserContext;
  let ownerPage: Page;
  let visitorContext: BrowserContext;
  let visitorPage: Page;

  beforeAll(async () => {
    owner = await api.signUp('sharer');
    const datasetId = await createSalesDataset(owner);
    dashboardId = await createDashboard(owner, datasetId);
    ({ context: ownerContext, page: ownerPage } = await signedInPage(owner));
    await ownerContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.baseUrl });
    // The visitor: a browser of its own, never signed in.
    visitorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    visitorPage = await visitorContext.newPage();
  }, 60_000);

  afterAll(async () => {
    await ownerContext?.close();
    await visitorContext?.close();
  });

  it('a password-protected link opens the dashboard signed out, after the right password only; rotating it retires the old address', async () => {
    await ownerPage.goto(`${api.baseUrl}/dashboards/${dashboardId}`);
    const dashboard = new DashboardPage(ownerPage);
    await dashboard.waitForChartDrawn(CHART_TITLE);

    const share = new ShareDialog(ownerPage);
    await share.open();
    await share.dialog.getByText('No links yet').waitFor();
    const url = await share.createLink({ expiry: '7 days', password: LINK_PASSWORD });
    expect(url).toMatch(new RegExp(`^${api.baseUrl}/s/[\\w-]+$`));
    await share.copyRevealedUrl();
    const clipboard = await ownerPage.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    );
    expect(clipboard).toBe(url);
    await expect.poll(() => share.rows({ hasPassword: true }).count()).toBe(1);
    await ownerPage.mouse.move(10, 10);
    await screenshot(ownerPage, 'share-dialog');

    const shared = new SharedDashboardPage(visitorPage);
    await shared.open(url);
    await shared.waitForPasswordForm();
    await shared.enterPassword('not the password');
    expect(await shared.passwordError()).toMatch(/password is not right/i);
    await screenshot(visitorPage, 'shared-dashboard-password');
    await shared.enterPassword(LINK_PASSWORD);
    await shared.waitForTitle('Regional sales');
    await shared.waitForChartDrawn(CHART_TITLE);
    await shared.waitForChartsSettled();
    expect(await shared.editingControls()).toBe(0);
    await screenshot(visitorPage, 'shared-dashboard');

    // The visit shows in the list as the link's last use.
    await share.close();
    await share.open();
    const lastOpened = share.rows({ hasPassword: true }).first().locator('td').nth(3);
    await expect.poll(() => lastOpened.textContent()).not.toBe('Never');

    const rotated = await share.rotate(share.rows({ hasPassword: true }).first());
    expect(rotated).not.toBe(url);
    await shared.open(url);
    await shared.waitForNotFound();
    await screenshot(visitorPage, 'shared-link-not-found');
    await shared.open(rotated);
    await shared.waitForPasswordForm();
  }, 120_000);

  it('a link past its expiry shows the expired page', async () => {
    const link = await api.request<{ url: string }>('POST', `/api/dashboards/${dashboardId}/share-links`, {
      token: owner.token,
      body: { expires_at: new Date(Date.now() + 1000).toISOString() },
    });
    expect(link.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const shared = new SharedDashboardPage(visitorPage);
    await shared.open(link.body.url);
    await shared.waitForExpired();
    expect(await visitorPage.getByText('ask its owner for a new one').isVisible()).toBe(true);
    await screenshot(visitorPage, 'shared-link-expired');
  }, 60_000);

  it('the dashboard can be made public and back; a revoked link stops working and leaves the list', async () => {
    const link = await api.request<{ url: string }>('POST', `/api/dashboards/${dashboardId}/share-links`, {
      token: owner.token,
      body: { expires_at: null },
    });
    const shared = new SharedDashboardPage(visitorPage);
    await shared.open(link.body.url);
    await shared.waitForChartDrawn(CHART_TITLE);

    await ownerPage.goto(`${api.baseUrl}/dashboards/${dashboardId}`);
    const share = new ShareDialog(ownerPage);
    await share.open();
    await share.setPublic(true);
    const tree = await api.request<{ is_public: boolean }>('GET', `/api/dashboards/${dashboardId}`, {
      token: owner.token,
    });
    expect(tree.body.is_public).toBe(true);
    await share.setPublic(false);

    const open = share.rows({ hasPassword: false }).filter({ hasText: 'Never' });
    await expect.poll(() => open.count()).toBeGreaterThan(0);
    const before = await share.rows().count();
    await share.revoke(open.first());
    await expect.poll(() => share.rows().count()).toBe(before - 1);

    await shared.open(link.body.url);
    await shared.waitForNotFound();
  }, 60_000);
});

describe('who may share', () => {
  it('a viewer of a team dashboard sees no Share button', async () => {
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
    const datasetId = await createSalesDataset(admin);
    const dashboardId = await createDashboard(admin, datasetId, team.body.id);

    const { context, page } = await signedInPage(viewer);
    try {
      await page.goto(`${api.baseUrl}/dashboards/${dashboardId}`);
      await page.getByRole('heading', { name: 'Regional sales', level: 1 }).waitFor();
      await page.getByText('View only', { exact: true }).waitFor();
      expect(await new ShareDialog(page).shareButton.count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);
});
