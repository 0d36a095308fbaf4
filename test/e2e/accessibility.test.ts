import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, useTestApi } from '../support/api.js';
import { AuthPage } from './pages/auth-page.js';
import { seriousViolations } from './support/axe.js';
import { useChromium } from './support/browser.js';

// axe-core over the main pages, signed in and signed out: no serious or critical violation.

const api = useTestApi();
const chromium = useChromium();
let page: Page;
let dashboardId: string;

async function visit(path: string, ready: string | RegExp): Promise<void> {
  await page.goto(`${api.baseUrl}${path}`);
  await page.getByText(ready).first().waitFor();
}

beforeAll(async () => {
  // The app's CSP forbids injected scripts; axe is the test's own, so the test context bypasses it.
  page = await (
    await chromium.browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })
  ).newPage();
}, 60_000);

describe('accessibility of the main pages (axe-core)', () => {
  it('sign-in and sign-up', async () => {
    await visit('/signin', 'Sign in to OCP');
    expect(await seriousViolations(page)).toEqual([]);
    await visit('/signup', 'Create your OCP account');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('home, a dashboard, datasets, workspace and chat', async () => {
    const user = { email: `a11y-${Date.now()}@example.test`, password: 'correct horse battery staple' };
    await new AuthPage(page, api.baseUrl).signUp({ ...user, displayName: 'Axe' });
    await page.getByText(/No dashboards yet/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

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
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });

  it('teams, a team, agents, custom commands and the profile, with the editors open', async () => {
    const user = { email: `a11y-settings-${Date.now()}@example.test`, password: 'correct horse battery staple' };
    const { access_token: token } = (await api.request<Json>('POST', '/api/auth/signup', { body: user })).body;
    const team = (await api.request<Json>('POST', '/api/teams', { token, body: { name: 'Accessible team' } })).body;
    // A browser of this user's own: the page of the other tests is signed in as someone else.
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const previous = page;
    page = await context.newPage();
    try {
      await new AuthPage(page, api.baseUrl).signIn(user);
      await page.getByText(/No dashboards yet/).waitFor();
      for (const [path, ready] of [
        ['/teams', 'Accessible team'],
        [`/teams/${team.id}`, 'Invitations'],
        // Other tests of the run publish agents and commands: the lists need not be empty.
        ['/agents', 'New agent'],
        ['/commands', 'New command'],
        ['/profile', 'Appearance'],
      ] as const) {
        await visit(path, ready);
        expect(await seriousViolations(page), path).toEqual([]);
      }
      // The same pages in the dark theme (chosen in this browser; the profile has none stored).
      await page.evaluate("localStorage.setItem('ocp-color-scheme', 'dark')");
      for (const [path, ready] of [
        [`/teams/${team.id}`, 'Invitations'],
        ['/profile', 'Appearance'],
      ] as const) {
        await visit(path, ready);
        expect(await seriousViolations(page), `${path} (dark)`).toEqual([]);
      }
      await page.evaluate("localStorage.setItem('ocp-color-scheme', 'light')");
      for (const [path, open, dialog] of [
        ['/agents', 'New agent', 'New agent'],
        ['/commands', 'New command', 'New custom command'],
      ] as const) {
        await visit(path, open);
        await page.getByRole('button', { name: open }).first().click();
        await page.getByRole('dialog', { name: dialog }).waitFor();
        expect(await seriousViolations(page), `${path}: ${dialog}`).toEqual([]);
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
    const visitor = await (await chromium.browser.newContext({ bypassCSP: true })).newPage();
    const previous = page;
    page = visitor;
    try {
      await visit(`/s/${link.token}`, 'Shared board');
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      page = previous;
      await visitor.context().close();
    }
  });
});
