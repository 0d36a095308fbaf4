import type { Page } from 'playwright-core';

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
}
