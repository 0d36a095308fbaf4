import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Json, useTestApi } from '../support/api.js';
import { AuthPage } from './pages/auth-page.js';
import { launchChromium } from './support/browser.js';
import { ensureWebBuild } from './support/web-build.js';

// axe-core over the main pages, signed in and signed out: no serious or critical violation.

const api = useTestApi();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser: Browser;
let page: Page;
let dashboardId: string;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The serious and critical violations axe finds on the page as it is now. */
async function seriousViolations(): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  // A string runs in the page: the test's own TypeScript has no DOM types.
  const violations = (await page.evaluate(
    "(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations)()",
  )) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

async function visit(path: string, ready: string | RegExp): Promise<void> {
  await page.goto(`${api.baseUrl}${path}`);
  await page.getByText(ready).first().waitFor();
}

beforeAll(async () => {
  await ensureWebBuild();
  browser = await launchChromium();
  // The app's CSP forbids injected scripts; axe is the test's own, so the test context bypasses it.
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })).newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('accessibility of the main pages (axe-core)', () => {
  it('sign-in and sign-up', async () => {
    await visit('/signin', 'Sign in to OCP');
    expect(await seriousViolations()).toEqual([]);
    await visit('/signup', 'Create your OCP account');
    expect(await seriousViolations()).toEqual([]);
  });

  it('home, a dashboard, datasets, workspace and chat', async () => {
    const user = { email: `a11y-${Date.now()}@example.test`, password: 'correct horse battery staple' };
    await new AuthPage(page, api.baseUrl).signUp({ ...user, displayName: 'Axe' });
    await page.getByText(/No dashboards yet/).waitFor();
    expect(await seriousViolations()).toEqual([]);

    const signIn = await api.request<Json>('POST', '/api/auth/signin', { body: user });
    const dashboard = await api.request<Json>('POST', '/api/dashboards', {
      token: signIn.body.access_token,
      body: { title: 'Accessible board' },
    });
    dashboardId = dashboard.body.id;
    for (const [path, ready] of [
      [`/dashboards/${dashboardId}`, 'Accessible board'],
      ['/datasets', /No datasets yet/],
      ['/workspace', /Your workspace is empty/],
      ['/chat', /New chat/],
    ] as const) {
      await visit(path, ready);
      expect(await seriousViolations(), path).toEqual([]);
    }
  });

  it('teams, a team, agents, custom commands and the profile, with the editors open', async () => {
    const user = { email: `a11y-settings-${Date.now()}@example.test`, password: 'correct horse battery staple' };
    const { access_token: token } = (await api.request<Json>('POST', '/api/auth/signup', { body: user })).body;
    const team = (await api.request<Json>('POST', '/api/teams', { token, body: { name: 'Accessible team' } })).body;
    // A browser of this user's own: the page of the other tests is signed in as someone else.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const previous = page;
    page = await context.newPage();
    try {
      await new AuthPage(page, api.baseUrl).signIn(user);
      await page.getByText(/No dashboards yet/).waitFor();
      for (const [path, ready] of [
        ['/teams', 'Accessible team'],
        [`/teams/${team.id}`, 'Invitations'],
        ['/agents', /No agents yet/],
        ['/commands', /No custom commands yet/],
        ['/profile', 'Appearance'],
      ] as const) {
        await visit(path, ready);
        expect(await seriousViolations(), path).toEqual([]);
      }
      // The same pages in the dark theme (chosen in this browser; the profile has none stored).
      await page.evaluate("localStorage.setItem('ocp-color-scheme', 'dark')");
      for (const [path, ready] of [
        [`/teams/${team.id}`, 'Invitations'],
        ['/profile', 'Appearance'],
      ] as const) {
        await visit(path, ready);
        expect(await seriousViolations(), `${path} (dark)`).toEqual([]);
      }
      await page.evaluate("localStorage.setItem('ocp-color-scheme', 'light')");
      for (const [path, open, dialog] of [
        ['/agents', 'New agent', 'New agent'],
        ['/commands', 'New command', 'New custom command'],
      ] as const) {
        await visit(path, open);
        await page.getByRole('button', { name: open }).first().click();
        await page.getByRole('dialog', { name: dialog }).waitFor();
        expect(await seriousViolations(), `${path}: ${dialog}`).toEqual([]);
      }
    } finally {
      page = previous;
      await context.close();
    }
  });

  it('the share page a link opens, signed out', async () => {
    const user = { email: `a11y-share-${Date.now()}@example.test`, password: 'correct horse battery staple' };
    const { access_token: token } = (await api.request<Json>('POST', '/api/auth/signup', { body: user })).body;
    const board = (await api.request<Json>('POST', '/api/dashboards', { token, body: { title: 'Shared board' } })).body;
    const link = (await api.request<Json>('POST', `/api/dashboards/${board.id}/share-links`, { token, body: {} })).body;
    const visitor = await (await browser.newContext({ bypassCSP: true })).newPage();
    const previous = page;
    page = visitor;
    try {
      await visit(`/s/${link.token}`, 'Shared board');
      expect(await seriousViolations()).toEqual([]);
    } finally {
      page = previous;
      await visitor.context().close();
    }
  });
});
