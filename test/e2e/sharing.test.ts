import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSession, useTestApi } from '../support/api.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { ShareDialog } from './pages/share-dialog.js';
import { SharedDashboardPage } from './pages/shared-dashboard-page.js';
import { screenshot, useChromium } from './support/browser.js';
import {
  createDashboardWithChart,
  createSalesDataset,
  createTeamWithViewer,
  signedInPage,
} from './support/fixtures.js';

// Sharing, in a real Chromium: the owner makes a link in the share dialog; a visitor with no
// account opens it in a browser of its own (no session, no cookies), behind the link's password.

const api = useTestApi();
const chromium = useChromium();

const CHART_TITLE = 'Revenue by region';
const LINK_PASSWORD = 'open sesame';

describe('sharing a dashboard in Chromium', () => {
  let owner: TestSession;
  let dashboardId: string;
  let ownerContext: BrowserContext;
  let ownerPage: Page;
  let visitorContext: BrowserContext;
  let visitorPage: Page;

  beforeAll(async () => {
    owner = await api.signUp('sharer');
    const datasetId = await createSalesDataset(api, owner);
    dashboardId = await createDashboardWithChart(api, owner, { datasetId, chartTitle: CHART_TITLE });
    ({ context: ownerContext, page: ownerPage } = await signedInPage(chromium.browser, api, owner));
    await ownerContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.baseUrl });
    // The visitor: a browser of its own, never signed in.
    visitorContext = await chromium.browser.newContext({ viewport: { width: 1280, height: 800 } });
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
    const teamId = await createTeamWithViewer(api, { admin, viewer });
    const datasetId = await createSalesDataset(api, admin);
    const dashboardId = await createDashboardWithChart(api, admin, { datasetId, chartTitle: CHART_TITLE, teamId });

    const { context, page } = await signedInPage(chromium.browser, api, viewer);
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
