import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { AuthPage } from './pages/auth-page.js';
import { HomePage } from './pages/home-page.js';
import { useChromium } from './support/browser.js';

// Access tokens that expire after a second: every request the app makes needs the refresh
// token first, which is single-use, so this is the app's session handling under stress.

const api = useTestApi({ accessTokenTtlSeconds: 1 });
const chromium = useChromium();

async function storedRefreshToken(page: Page): Promise<string> {
  const session = await page.evaluate(() =>
    (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem(
      'ocp-session',
    ),
  );
  return (JSON.parse(session ?? '{}') as { refreshToken?: string }).refreshToken ?? '';
}

describe('the signed-in session in the browser', () => {
  it('outlives its access tokens, and ends at the sign-in page once the server revokes it', async () => {
    const context = await chromium.browser.newContext();
    try {
      const page = await context.newPage();
      const user = {
        email: `session-${crypto.randomUUID().slice(0, 8)}@example.test`,
        password: 'correct horse battery',
      };
      await new AuthPage(page, api.baseUrl).signUp({ ...user, displayName: 'Session' });
      const home = new HomePage(page);
      await home.waitUntilShown();
      await home.createDashboard('Still signed in');
      const first = await storedRefreshToken(page);

      await page.waitForTimeout(1100); // the access token has expired
      await page.reload();
      await page.getByRole('heading', { name: 'Still signed in', level: 1 }).waitFor();
      expect(await storedRefreshToken(page)).not.toBe(first);

      // Signed out everywhere (as from another device): the next refresh is refused.
      const other = await api.request<{ access_token: string }>('POST', '/api/auth/signin', { body: user });
      await api.request('POST', '/api/auth/signout', { token: other.body.access_token, body: { scope: 'global' } });
      await page.waitForTimeout(1100);
      await page.goto(api.baseUrl);
      await page.getByRole('heading', { name: 'Sign in to OCP' }).waitFor();
    } finally {
      await context.close();
    }
  }, 60_000);
});
