import type { Locator, Page } from 'playwright-core';

const DRAWN = '[data-chart-state="drawn"], [data-chart-state="settled"]';

/** The page a share link opens, signed out. */
export class SharedDashboardPage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async waitForPasswordForm(): Promise<void> {
    await this.page.getByRole('heading', { name: 'This dashboard is protected' }).waitFor();
  }

  async enterPassword(password: string): Promise<void> {
    await this.passwordField.fill(password);
    await this.page.getByRole('button', { name: 'View dashboard' }).click();
  }

  /** The error under the password field, once shown. */
  async passwordError(): Promise<string> {
    // The answer comes after the click: wait until the field is marked invalid.
    await this.page.locator('input[aria-invalid="true"]').waitFor();
    const id = (await this.passwordField.getAttribute('aria-describedby')) ?? '';
    const errorId = id.split(' ').find((part) => part.endsWith('-error'));
    const error = this.page.locator(`[id="${errorId}"]`);
    await error.waitFor();
    return (await error.textContent()) ?? '';
  }

  async waitForTitle(title: string): Promise<void> {
    await this.page.getByRole('heading', { name: title, level: 1 }).waitFor();
  }

  chart(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  async waitForChartDrawn(title: string): Promise<void> {
    await this.chart(title).locator(DRAWN).waitFor();
  }

  async waitForChartsSettled(): Promise<void> {
    await this.page
      .locator('[data-chart-state="drawing"], [data-chart-state="drawn"]')
      .first()
      .waitFor({ state: 'detached' });
  }

  async waitForExpired(): Promise<void> {
    await this.page.getByRole('heading', { name: 'This link has expired' }).waitFor();
  }

  async waitForNotFound(): Promise<void> {
    await this.page.getByRole('heading', { name: 'This link does not work' }).waitFor();
  }

  /** Whether anything on the page offers to change the dashboard. */
  async editingControls(): Promise<number> {
    return this.page.getByRole('button', { name: /^(Add tab|History|Share|Assistant|Refresh)$/ }).count();
  }

  private get passwordField(): Locator {
    return this.page.getByLabel('Password', { exact: true });
  }
}
