import type { Locator, Page } from 'playwright-core';
import { addToNewDashboard } from './add-to-dashboard-dialog.js';

const DRAWN = '[data-chart-state="drawn"], [data-chart-state="settled"]';

/** The workspace: saved charts and notes, filtered by type, tags and title. */
export class WorkspacePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Workspace' }).first().click();
    await this.page.getByRole('heading', { name: 'Workspace', level: 1 }).waitFor();
  }

  item(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true });
  }

  /** The items shown, by title (waits until at least one is there). */
  async titles(): Promise<string[]> {
    const items = this.page.getByRole('article');
    await items.first().waitFor();
    return items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
  }

  async waitForChartDrawn(title: string): Promise<void> {
    await this.item(title).locator(DRAWN).waitFor();
  }

  async waitForChartsSettled(): Promise<void> {
    await this.page
      .locator('[data-chart-state="drawing"], [data-chart-state="drawn"]')
      .first()
      .waitFor({ state: 'detached' });
  }

  /** Turns a tag filter on or off. */
  async toggleTag(tag: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Filter by tags' }).getByText(tag, { exact: true }).click();
  }

  /** Waits until exactly these items are shown (after a filter's answer arrives). */
  async waitForTitles(expected: string[], timeoutMs = 10_000): Promise<void> {
    const want = [...expected].sort().join('\n');
    const deadline = Date.now() + timeoutMs;
    let shown: string[] = [];
    while (Date.now() < deadline) {
      shown = await this.page
        .getByRole('article')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
      if ([...shown].sort().join('\n') === want) return;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`expected the items ${JSON.stringify(expected)}, saw ${JSON.stringify(shown)}`);
  }

  /** Changes an item's title and replaces its tags through the edit dialog. */
  async edit(title: string, changes: { title: string; tags: string[] }): Promise<void> {
    await this.item(title)
      .getByRole('button', { name: `Actions for ${title}` })
      .click();
    await this.page.getByRole('menuitem', { name: /^Edit( title and tags)?$/ }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Edit item' });
    await dialog.getByRole('textbox', { name: /^Title/ }).fill(changes.title);
    const tags = dialog.getByRole('textbox', { name: /^Tags/ });
    await tags.focus();
    for (let i = 0; i < 10; i += 1) await tags.press('Backspace');
    for (const tag of changes.tags) {
      await tags.fill(tag);
      await tags.press('Enter');
    }
    // Leaving the field closes its suggestions, which may cover the buttons.
    await tags.press('Tab');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Writes a new note through the "New note" dialog. */
  async writeNote(note: { title: string; text: string; tags: string[] }): Promise<void> {
    await this.page.getByRole('button', { name: 'New note' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New note' });
    await dialog.getByRole('textbox', { name: /^Title/ }).fill(note.title);
    await dialog.getByRole('textbox', { name: /^Text/ }).fill(note.text);
    const tags = dialog.getByRole('textbox', { name: /^Tags/ });
    for (const tag of note.tags) {
      await tags.fill(tag);
      await tags.press('Enter');
    }
    await tags.press('Tab');
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Puts a saved chart on a new dashboard through the chat's dialog; returns where it says it lands. */
  async addChartToNewDashboard(chartTitle: string, dashboardTitle: string): Promise<string> {
    await this.item(chartTitle)
      .getByRole('button', { name: `Actions for ${chartTitle}` })
      .click();
    await this.page.getByRole('menuitem', { name: 'Add to dashboard' }).click();
    const preview = await addToNewDashboard(this.page, dashboardTitle);
    await this.page.getByRole('button', { name: 'Open the dashboard' }).click();
    return preview;
  }

  async delete(title: string): Promise<void> {
    await this.item(title)
      .getByRole('button', { name: `Actions for ${title}` })
      .click();
    await this.page.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Delete from the workspace?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
