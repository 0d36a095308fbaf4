import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSession, useTestApi } from '../support/api.js';
import { HomePage } from './pages/home-page.js';
import { seriousViolations, WITHOUT_APP_HEADER } from './support/axe.js';
import { screenshot, useChromium } from './support/browser.js';
import { createDashboard, signedInPage } from './support/fixtures.js';

// Starred and recently viewed dashboards, in Chromium: kept in the user's profile preferences,
// starred on a dashboard's page or a home card, listed above all dashboards on the home page.

const api = useTestApi();
const chromium = useChromium();

async function preferences(user: TestSession): Promise<Record<string, unknown>> {
  const profile = await api.request<{ preferences: Record<string, unknown> }>('GET', '/api/profile', {
    token: user.token,
  });
  return profile.body.preferences;
}

describe('starred and recently viewed dashboards in Chromium', () => {
  let user: TestSession;
  const ids: Record<string, string> = {};
  let context: BrowserContext;
  let page: Page;

  /** Opens a dashboard and waits until the visit is saved in the profile. */
  async function visit(title: string): Promise<void> {
    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/api/profile') && response.request().method() === 'PATCH',
    );
    await page.goto(`${api.baseUrl}/dashboards/${ids[title]}`);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect((await saved).status()).toBe(200);
  }

  beforeAll(async () => {
    user = await api.signUp('stargazer');
    for (const title of ['Alpha board', 'Beta board', 'Gamma board', 'Delta board'])
      ids[title] = await createDashboard(api, user, { title });
    ({ context, page } = await signedInPage(chromium.browser, api, user, { bypassCSP: true }));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it('with nothing starred or viewed, the home page shows only all dashboards', async () => {
    const home = new HomePage(page);
    expect((await home.dashboardTitles()).sort()).toEqual(['Alpha board', 'Beta board', 'Delta board', 'Gamma board']);
    expect(await home.section('Starred').count()).toBe(0);
    expect(await home.section('Recently viewed').count()).toBe(0);
  });

  it('a dashboard starred on its page is in "Starred" on the home page', async () => {
    await visit('Alpha board');
    const star = page.getByRole('button', { name: 'Star Alpha board', exact: true });
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    const unstar = page.getByRole('button', { name: 'Unstar Alpha board', exact: true });
    expect(await unstar.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await preferences(user)).starred_dashboards).toEqual([ids['Alpha board']]);

    await page.goto(api.baseUrl);
    const home = new HomePage(page);
    await home.waitUntilShown();
    expect(await home.starredTitles()).toEqual(['Alpha board']);
  });

  it('"Recently viewed" lists the dashboards opened, most recent first, and skips deleted ones', async () => {
    await visit('Beta board');
    await visit('Gamma board');
    await page.goto(api.baseUrl);
    const home = new HomePage(page);
    await home.waitUntilShown();
    expect(await home.recentTitles()).toEqual(['Gamma board', 'Beta board', 'Alpha board']);
    expect(await seriousViolations(page, WITHOUT_APP_HEADER)).toEqual([]);
    await page.mouse.move(5, 5);
    await screenshot(page, 'home-starred');

    // The "Starred" filter lists only the starred ones.
    await home.show('Starred');
    expect(await home.dashboardTitles()).toEqual(['Alpha board']);
    expect(await home.section('Recently viewed').count()).toBe(0);
    await home.show('All dashboards');

    const deleted = await api.request('DELETE', `/api/dashboards/${ids['Beta board']}`, { token: user.token });
    expect(deleted.status).toBe(204);
    await page.reload();
    await home.waitUntilShown();
    await expect.poll(() => home.recentTitles()).toEqual(['Gamma board', 'Alpha board']);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('unstarring from a home card takes it out of "Starred" at once and for good', async () => {
    const home = new HomePage(page);
    await home.starredTitles();
    await home.starButton('Alpha board', home.section('Starred')).click();
    await home.section('Starred').waitFor({ state: 'detached' });
    const star = home.starButton('Alpha board');
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(async () => (await preferences(user)).starred_dashboards).toEqual([]);

    // Starring from a card works the same way, and the card's link is not followed.
    await home.starButton('Delta board').click();
    await home.section('Starred').waitFor();
    expect(await home.starredTitles()).toEqual(['Delta board']);
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('a visit that cannot be saved does not get in the way of the dashboard', async () => {
    await page.route('**/api/profile', (route) =>
      route.request().method() === 'PATCH' ? route.fulfill({ status: 500, body: '' }) : route.fallback(),
    );
    try {
      await page.goto(`${api.baseUrl}/dashboards/${ids['Delta board']}`);
      await page.getByRole('heading', { name: 'Delta board', level: 1 }).waitFor();
      await page
        .getByRole('tab', { name: 'Overview' })
        .or(page.getByText('No charts on this tab yet'))
        .first()
        .waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
    } finally {
      await page.unroute('**/api/profile');
    }
  });
});
