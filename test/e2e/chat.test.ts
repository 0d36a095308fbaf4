import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_COMMANDS } from '../../src/ai/commands/builtins.js';
import { modelsFromEnv } from '../../src/ai/models/registry.js';
import { createOfflineModel } from '../../src/ai/offline/offline-model.js';
import { useTestApi } from '../support/api.js';
import { say, scriptedModel } from '../support/scripted-model.js';
import { AuthPage } from './pages/auth-page.js';
import { ChatPage } from './pages/chat-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { HomePage } from './pages/home-page.js';
import { screenshot, useChromium } from './support/browser.js';
import { createSalesDataset, salesCsv } from './support/fixtures.js';

// The full-page chat in a real Chromium, against the real server. Two models: a scripted mock
// (the default, as a configured LLM would be) and the built-in offline model, picked explicitly.

const slow = scriptedModel();
const api = useTestApi({ models: () => [slow.configured, ...modelsFromEnv({}, createOfflineModel)] });
const chromium = useChromium();
let context: BrowserContext;
let page: Page;

/** Twelve months of revenue in two regions. */
const SALES_CSV = salesCsv({ months: 12, regions: 2 });

async function signIn(user: { email: string; password: string }): Promise<string> {
  const session = await api.request<{ access_token: string }>('POST', '/api/auth/signin', { body: user });
  return session.body.access_token;
}

beforeAll(async () => {
  context = await chromium.browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await context?.close();
});

describe('the chat page', () => {
  it('answers with a chart that goes onto a new dashboard, finds it in the history and answers again', async () => {
    const user = { email: `chat-${crypto.randomUUID().slice(0, 8)}@example.test`, password: 'correct horse battery' };
    await new AuthPage(page, api.baseUrl).signUp({ ...user, displayName: 'Chat Analyst' });
    await new HomePage(page).waitUntilShown();
    await createSalesDataset(api, { token: await signIn(user) }, { csv: SALES_CSV });

    const chat = new ChatPage(page, api.baseUrl);
    await chat.open();
    await chat.newChat();
    await chat.chooseModel(/rule-based/);
    expect(await chat.selectedModel()).toMatch(/rule-based/);

    // "/" offers every built-in command first (then custom ones: other tests of the run publish
    // some, and public commands are offered to everyone); typing narrows the list.
    await chat.type('/');
    const offered = await chat.offeredCommands();
    expect(offered.slice(0, BUILTIN_COMMANDS.length)).toEqual(BUILTIN_COMMANDS.map((c) => c.name));
    await screenshot(page, 'chat-commands');
    // The arrows pick, Enter takes: the composer then holds the command, ready for its argument.
    await chat.composer.press('ArrowDown');
    await chat.composer.press('Enter');
    expect(await chat.composer.inputValue()).toBe('/chart ');
    await chat.type('/ch');
    expect((await chat.offeredCommands())[0]).toBe('/chart');

    await chat.ask('revenue by month as a line chart');
    await chat.waitForAnswer(/Here is Revenue by month/);
    await chat.waitForInlineChart('Revenue by month');
    await chat.waitUntilIdle();
    // The first prompt made the session, and the address and the list follow it.
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const sessionUrl = page.url();
    expect((await chat.sessionTitles())[0]).toContain('revenue by month as a line chart');
    await chat.waitForChartsSettled();
    await screenshot(page, 'chat');

    await chat.saveChartToWorkspace('Revenue by month');
    const saved = await api.request<{ items: { title: string; item_type: string }[] }>('GET', '/api/workspace/items', {
      token: await signIn(user),
    });
    expect(saved.body.items).toEqual([expect.objectContaining({ title: 'Revenue by month', item_type: 'chart' })]);

    const preview = await chat.addChartToNewDashboard('Revenue by month', 'Chat findings');
    expect(preview).toMatch(/chart 1 of at most 10 on the tab “Overview” of “Chat findings”/);
    await chat.openAddedDashboard();
    const dashboard = new DashboardPage(page);
    await page.getByRole('heading', { name: 'Chat findings', level: 1 }).waitFor();
    await dashboard.waitForChartDrawn('Revenue by month');

    // The history finds the conversation, its matches highlighted, and opens it.
    await chat.open();
    await chat.search('revenue');
    const hits = await chat.searchHits();
    expect(hits.some((hit) => /revenue by month/i.test(hit))).toBe(true);
    expect((await chat.highlighted()).map((word) => word.toLowerCase())).toContain('revenue');
    await screenshot(page, 'chat-search');
    await chat.openHit(0);
    await page.waitForURL(`${sessionUrl}?message=*`);
    await chat.waitForInlineChart('Revenue by month');

    // Regenerate: a new answer replaces the last one, also after a reload.
    const before = await chat.lastAnswerId();
    await chat.regenerate();
    await expect.poll(() => chat.lastAnswerId(), { timeout: 30_000 }).not.toBe(before);
    await chat.waitForAnswer(/Here is Revenue by month/);
    await chat.waitUntilIdle();
    await page.reload();
    await chat.waitForInlineChart('Revenue by month');
    expect(await chat.answerCount()).toBe(1);
    expect(await chat.lastAnswerId()).not.toBe(before);

    // Edit and resend: the prompt and its answer are replaced.
    await chat.editLastPrompt('revenue by month as a bar chart');
    await chat.waitForAnswer(/Here is Revenue by month \(bar chart/);
    await chat.waitUntilIdle();
    await page.reload();
    await chat.waitForAnswer(/Here is Revenue by month \(bar chart/);
    expect(await chat.prompts()).toEqual(['revenue by month as a bar chart']);
    expect(await chat.answerCount()).toBe(1);

    // On a phone the chats fold into a drawer.
    await page.setViewportSize({ width: 390, height: 844 });
    await chat.waitForChartsSettled();
    await screenshot(page, 'chat-phone');
    await page.getByRole('button', { name: 'Chats', exact: true }).click();
    // The title is the first prompt's, kept through edits.
    expect((await chat.sessionTitles())[0]).toContain('revenue by month as a line chart');
  }, 120_000);

  it('stops an answer while it streams and keeps what was said', async () => {
    const chat = new ChatPage(page, api.baseUrl);
    await page.setViewportSize({ width: 1440, height: 900 });
    await chat.open();
    await chat.newChat();
    await chat.chooseModel(/Scripted mock/);
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    slow.script([say(`Counting slowly: ${words}`)], 50);
    await chat.ask('count for me');
    await chat.waitForAnswer(/Counting slowly/);
    await chat.stop();
    await chat.waitUntilIdle();
    const shown = await chat.lastAnswerText();
    expect(shown).toMatch(/^Counting slowly/);
    expect(shown).not.toContain('word199');
    // What was said before the stop is stored.
    await page.reload();
    await chat.waitForAnswer(/Counting slowly/);
    expect(await chat.lastAnswerText()).not.toContain('word199');
  }, 60_000);
});
