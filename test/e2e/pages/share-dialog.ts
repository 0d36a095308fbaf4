import type { Locator, Page } from 'playwright-core';

/** The share dialog of a dashboard: public or not, new links, and the list of links. */
export class ShareDialog {
  constructor(private readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Share “/ });
  }

  /** The dashboard header's Share button (absent for those who may not share). */
  get shareButton(): Locator {
    return this.page.getByRole('button', { name: 'Share', exact: true });
  }

  async open(): Promise<void> {
    await this.shareButton.click();
    await this.dialog.waitFor();
  }

  /** Creates a link (expiry as the select shows it, e.g. "7 days"); returns its address as shown once. */
  async createLink(options: { expiry?: string; password?: string }): Promise<string> {
    if (options.expiry) {
      await this.dialog.getByLabel('Link expires after').click();
      await this.page.getByRole('option', { name: options.expiry, exact: true }).click();
    }
    if (options.password) {
      await this.dialog.getByLabel(/^Password \(optional\)/).fill(options.password);
    }
    await this.dialog.getByRole('button', { name: 'Create link' }).click();
    return this.revealedUrl();
  }

  /** The address in the "shown once" panel, once it is there. */
  async revealedUrl(): Promise<string> {
    const field = this.dialog.getByRole('textbox', { name: 'Link address' });
    await field.waitFor();
    return field.inputValue();
  }

  async copyRevealedUrl(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Copy link address' }).click();
    await this.dialog.getByRole('button', { name: 'Copied' }).waitFor();
  }

  /** Turns "Public dashboard" on or off and waits until the dashboard, reloaded, says so. */
  async setPublic(on: boolean): Promise<void> {
    const toggle = this.dialog.getByRole('switch', { name: 'Public dashboard' });
    // The input itself is visually hidden: a person clicks the switch's label.
    if ((await toggle.isChecked()) !== on) await this.dialog.getByText('Public dashboard', { exact: true }).click();
    await this.dialog
      .locator(`input[role="switch"]${on ? ':checked' : ':not(:checked)'}:not(:disabled)`)
      .waitFor({ state: 'attached' });
  }

  /** The rows of the links list. */
  rows(filter: { hasPassword?: boolean } = {}): Locator {
    const selector =
      filter.hasPassword === undefined
        ? '[data-testid="share-link-row"]'
        : `[data-testid="share-link-row"][data-has-password="${filter.hasPassword}"]`;
    return this.dialog.locator(selector);
  }

  /** Rotates a link from its row (confirming); returns the new address shown once. */
  async rotate(row: Locator): Promise<string> {
    await this.dismissRevealed();
    await row.getByRole('button', { name: /^Rotate link/ }).click();
    await this.page
      .getByRole('dialog', { name: 'Give this link a new address?' })
      .getByRole('button', { name: 'Get a new address' })
      .click();
    return this.revealedUrl();
  }

  /** Revokes a link from its row (confirming). */
  async revoke(row: Locator): Promise<void> {
    await row.getByRole('button', { name: /^Revoke link/ }).click();
    await this.page
      .getByRole('dialog', { name: 'Revoke this link?' })
      .getByRole('button', { name: 'Revoke link' })
      .click();
  }

  async dismissRevealed(): Promise<void> {
    const hide = this.dialog.getByRole('button', { name: 'Hide the address' });
    if (await hide.isVisible()) {
      await hide.click();
      await hide.waitFor({ state: 'detached' });
    }
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
