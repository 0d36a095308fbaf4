import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Json, type TestSession, useTestApi } from '../support/api.js';
import {
  AgentsPage,
  CommandsPage,
  fieldError,
  ProfilePage,
  pick,
  TeamPage,
  TeamsPage,
} from './pages/settings-pages.js';
import { screenshot, useChromium } from './support/browser.js';
import { signedInPage } from './support/fixtures.js';

// The settings side in a real Chromium: teams with invitations between two browsers, agents,
// custom commands tried before they are saved, and the profile with its theme.

const api = useTestApi();
/** A 4×4 red PNG. */
const RED_DOT = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGP4z8AARwzEcQCukw/x0F8jngAAAABJRU5ErkJggg==',
  'base64',
);
const chromium = useChromium();
let alice: TestSession;
let bob: TestSession;
let aliceContext: BrowserContext;
let alicePage: Page;

const signedIn = (user: TestSession) => signedInPage(chromium.browser, api, user);

beforeAll(async () => {
  [alice, bob] = await Promise.all([api.signUp('alice'), api.signUp('bob')]);
  ({ context: aliceContext, page: alicePage } = await signedIn(alice));
}, 60_000);

afterAll(async () => {
  await aliceContext?.close();
});

describe('settings in Chromium', () => {
  it('a team admin invites a viewer by email, who accepts in his own browser; his role changes, then he is removed', async () => {
    const teams = new TeamsPage(alicePage, api.baseUrl);
    await teams.goto();
    await alicePage.getByRole('heading', { name: 'You are not in a team yet' }).waitFor();
    await teams.createTeam('Analysts');
    const aliceTeam = new TeamPage(alicePage);
    expect(await aliceTeam.myRole()).toBe('admin');
    await aliceTeam.invite(bob.email.toUpperCase(), 'Viewer');

    const { context: bobContext, page: bobPage } = await signedIn(bob);
    try {
      // The header says an invitation waits, before Bob opens the Teams page.
      await bobPage.getByRole('link', { name: /^Teams.*1 invitation waiting/ }).waitFor();
      const bobTeams = new TeamsPage(bobPage, api.baseUrl);
      await bobTeams.goto();
      await bobTeams.invitation('Analysts').waitFor();
      await bobPage.getByText('Join Analysts as').waitFor();
      await screenshot(bobPage, 'teams');
      await bobTeams.acceptInvitation('Analysts');
      const bobTeam = new TeamPage(bobPage);
      expect(await bobTeam.myRole()).toBe('viewer');
      // Read-only for a viewer: no role pickers, no invitations, no settings.
      expect(await bobTeam.roleSelect('alice').count()).toBe(0);
      expect(await bobPage.getByRole('heading', { name: 'Invitations' }).count()).toBe(0);
      await bobTeams.goto();
      expect(await bobTeams.teamRow('Analysts').locator('[data-role]').getAttribute('data-role')).toBe('viewer');

      // Alice sees Bob join, and makes him an editor.
      await alicePage.reload();
      await aliceTeam.member('bob').waitFor();
      await aliceTeam.changeRole('bob', 'Editor');
      await alicePage.getByText('bob is now an editor').waitFor();
      await screenshot(alicePage, 'team-members');

      // The last admin cannot demote herself: the database's reason, in words.
      await aliceTeam.changeRole('alice', 'Viewer');
      await alicePage
        .getByRole('alert')
        .filter({ hasText: /at least one admin/ })
        .waitFor();
      expect(await aliceTeam.roleSelect('alice').inputValue()).toBe('Admin');

      await bobPage.goBack();
      await bobPage.reload();
      await bobTeam.waitForMyRole('editor');

      await aliceTeam.removeMember('bob');
      await bobPage.reload();
      await bobPage.getByText('This team could not be opened').waitFor();

      // Deleting the team asks for its name first.
      await alicePage.getByRole('button', { name: 'Delete team' }).click();
      const confirm = alicePage.getByRole('dialog', { name: 'Delete “Analysts”?' });
      await confirm.getByRole('button', { name: 'Delete team' }).click();
      await confirm.getByText('The name does not match').waitFor();
      await confirm.getByRole('textbox', { name: /Type the team’s name/ }).fill('Analysts');
      await confirm.getByRole('button', { name: 'Delete team' }).click();
      await alicePage.getByRole('heading', { name: 'You are not in a team yet' }).waitFor();
    } finally {
      await bobContext.close();
    }
  });

  it('an agent needs a name (said beside the field, also the API’s own words); it is created, edited and deleted', async () => {
    const agents = new AgentsPage(alicePage, api.baseUrl);
    // Other tests of the run publish agents, which everyone sees: the list need not be empty.
    await agents.goto();
    await agents.openNew();
    await agents.dialog.getByRole('button', { name: 'Create agent' }).click();
    expect(await fieldError(alicePage, agents.nameField())).toBe('Give the agent a name');

    // A name over the API's limit: the 422's pointer puts its message beside the field.
    await agents.nameField().fill('x'.repeat(121));
    await agents.dialog.getByRole('button', { name: 'Create agent' }).click();
    expect(await fieldError(alicePage, agents.nameField())).toMatch(/120/);

    await agents.nameField().fill('Finance analyst');
    await agents.dialog.getByRole('textbox', { name: /^Instructions/ }).fill('Answer in EUR; prefer monthly charts.');
    await pick(alicePage, agents.dialog.getByLabel(/^Default model/), 'OCP offline (rule-based)');
    await agents.dialog.getByRole('radio', { name: 'Only the tools chosen below' }).check();
    await agents.dialog.getByRole('checkbox', { name: 'Run queries' }).check();
    await agents.dialog.getByRole('button', { name: 'Create agent' }).click();
    await agents.row('Finance analyst').waitFor();
    await agents.dialog.waitFor({ state: 'detached' });
    expect(await agents.row('Finance analyst').textContent()).toMatch(/OCP offline.*1 of 12/);
    await screenshot(alicePage, 'agents');

    const stored = (await api.request<Json>('GET', '/api/agents', { token: alice.token })).body.items.find(
      (agent: Json) => agent.name === 'Finance analyst',
    );
    expect(stored.settings).toMatchObject({ tools: ['run_query'], model_id: expect.any(String) });

    await agents.openEdit('Finance analyst');
    await agents.nameField().fill('Finance analyst (EUR)');
    await agents.dialog.getByRole('button', { name: 'Save agent' }).click();
    await agents.row('Finance analyst (EUR)').waitFor();
    await agents.delete('Finance analyst (EUR)');
  });

  it('a custom command is tried before it is saved: the match, then an invalid pattern beside its field; then it is listed', async () => {
    const commands = new CommandsPage(alicePage, api.baseUrl);
    await commands.goto();
    await commands.openNew();
    // Named apart from the public commands other tests of the run publish.
    await commands.field(/^Name/).fill('Period report');
    await commands.field(/^Pattern/).fill('^/report\\s+(?<period>\\w+)$');
    await commands.dialog.getByRole('textbox', { name: /^Prompt template/ }).fill('Make a {{period}} revenue report');

    await commands.tryIt('/report monthly');
    await commands.result().getByText('Matches').waitFor();
    expect(await commands.result().textContent()).toContain('Sends to the model: Make a monthly revenue report');
    await commands.result().getByRole('cell', { name: 'monthly' }).first().waitFor();

    await commands.tryIt('hello there');
    await commands
      .result()
      .getByText(/No command matches/)
      .waitFor();

    await commands.field(/^Pattern/).fill('^/report(?=s)');
    await commands.tryIt('/reports');
    expect(await fieldError(alicePage, commands.field(/^Pattern/))).toMatch(/invalid|not|lookahead|perl/i);
    await screenshot(alicePage, 'commands-invalid-pattern');

    await commands.field(/^Pattern/).fill('^/report\\s+(?<period>\\w+)$');
    await commands.dialog.getByRole('button', { name: 'Create command' }).click();
    await commands.row('Period report').waitFor();
    await commands.dialog.waitFor({ state: 'detached' });
    expect(await commands.row('Period report').textContent()).toContain('Send a prompt to the model');
    await screenshot(alicePage, 'commands');
  });

  it('the profile keeps a new name and time zone; Dark applies at once, survives a reload and follows to another browser', async () => {
    const profile = new ProfilePage(alicePage, api.baseUrl);
    await profile.openFromUserMenu();
    await profile.displayName.fill('Alice Liddell');
    await profile.setTimeZone('Asia/Tokyo');
    // A picture becomes a small data: URL (the app's CSP shows no other site's images).
    await alicePage
      .locator('input[type="file"]')
      .setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: RED_DOT });
    await alicePage.locator('img[alt="Avatar preview"]').waitFor();
    await profile.save();
    await alicePage.reload();
    await profile.displayName.waitFor();
    expect(await profile.displayName.inputValue()).toBe('Alice Liddell');
    expect(await profile.timeZone.inputValue()).toBe('Asia/Tokyo');
    expect(await profile.userMenuName()).toContain('Alice Liddell');

    await profile.setTheme('Light');
    expect(await profile.scheme()).toBe('light');
    await profile.setTheme('Dark');
    expect(await profile.scheme()).toBe('dark');
    await screenshot(alicePage, 'profile');
    await alicePage.reload();
    await profile.displayName.waitFor();
    expect(await profile.scheme()).toBe('dark');
    const stored = await api.request<Json>('GET', '/api/profile', { token: alice.token });
    expect(stored.body).toMatchObject({ display_name: 'Alice Liddell', timezone: 'Asia/Tokyo' });
    expect(stored.body.avatar_url).toMatch(/^data:image\/(webp|jpeg);base64,/);
    expect(stored.body.avatar_url.length).toBeLessThanOrEqual(2048);
    await expect
      .poll(async () => (await api.request<Json>('GET', '/api/profile', { token: alice.token })).body.preferences.theme)
      .toBe('dark');

    // Another browser, light by default: the stored preference wins once signed in.
    const { context, page } = await signedIn(alice);
    try {
      // A locator, not a script: this browser keeps the app's CSP, which forbids evaluating strings.
      await page.locator('html[data-mantine-color-scheme="dark"]').waitFor({ state: 'attached' });
    } finally {
      await context.close();
    }
  });
});
