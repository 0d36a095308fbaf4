import type { Locator, Page } from 'playwright-core';

/** The list of dashboards. */
export class HomePage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Dashboards', level: 1 }).waitFor();
  }

  async waitForEmptyState(): Promise<void> {
    await this.page.getByRole('heading', { name: 'No dashboards yet' }).waitFor();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Search dashboards by title' }).fill(text);
  }

  /** The cards shown, by title (waits until at least one is there). */
  async dashboardTitles(): Promise<string[]> {
    const cards = this.page.getByRole('link', { name: /^Open dashboard / });
    await cards.first().waitFor();
    const labels = await cards.evaluateAll((links) => links.map((link) => link.getAttribute('aria-label') ?? ''));
    return labels.map((label) => label.replace(/^Open dashboard /, ''));
  }

  /** Creates a dashboard from the dialog; the app then opens it. */
  async createDashboard(title: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New dashboard' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New dashboard' });
    await dialog.getByRole('textbox', { name: /^Title/ }).fill(title);
    await dialog.getByRole('button', { name: 'Create dashboard' }).click();
    await this.page.getByRole('heading', { name: title, level: 1 }).waitFor();
  }

  /** A section of the home page above the full list: "Starred" or "Recently viewed". */
  section(name: 'Starred' | 'Recently viewed'): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** The titles of the starred cards (waits for the section). */
  async starredTitles(): Promise<string[]> {
    const cards = this.section('Starred').getByRole('link', { name: /^Open dashboard / });
    await cards.first().waitFor();
    const labels = await cards.evaluateAll((links) => links.map((link) => link.getAttribute('aria-label') ?? ''));
    return labels.map((label) => label.replace(/^Open dashboard /, ''));
  }

  /** The recently viewed dashboards' titles, as listed (most recent first). */
  async recentTitles(): Promise<string[]> {
    const links = this.section('Recently viewed').getByRole('link');
    await links.first().waitFor();
    return links.evaluateAll((items) => items.map((link) => link.querySelector('p')?.textContent ?? ''));
  }

  /** The star button of a card, by the dashboard's title (inside a section, or anywhere). */
  starButton(title: string, within?: Locator): Locator {
    return (within ?? this.page).getByRole('button', { name: new RegExp(`^(Star|Unstar) ${title}$`) });
  }

  /** Shows one kind of dashboards: "All dashboards", "Starred", "Mine" or a team's name. */
  async show(label: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Show', exact: true }).click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }
}
