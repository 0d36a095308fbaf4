import type { Locator, Page } from 'playwright-core';

const DRAWN = '[data-chart-state="drawn"], [data-chart-state="settled"]';

/** The chart editor dialog: data, calculations and style on the left, the live preview on the right. */
export class ChartEditor {
  constructor(private readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^(New chart|Edit chart)$/ });
  }

  /** The dashboard's "Add chart" button (the first, when an empty tab offers a second one). */
  async openNew(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add chart' }).first().click();
    await this.page.getByRole('dialog', { name: 'New chart' }).waitFor();
  }

  /** "Edit chart" in a chart card's menu. */
  async openExisting(chartTitle: string): Promise<void> {
    await this.page.getByRole('button', { name: `Chart actions: ${chartTitle}`, exact: true }).click();
    await this.page.getByRole('menuitem', { name: 'Edit chart' }).click();
    await this.page.getByRole('dialog', { name: 'Edit chart' }).waitFor();
  }

  /** Picks an option of a Select, found by its label. */
  async choose(label: string, option: string): Promise<void> {
    await this.dialog.getByLabel(label, { exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async pickDataset(name: string): Promise<void> {
    await this.choose('Dataset', name);
  }

  async pickType(label: string): Promise<void> {
    await this.dialog.getByRole('radio', { name: label, exact: true }).click();
  }

  /** Switches a segmented control (Visual | JSON, Query builder | SQL) by its option's text. */
  async segment(text: string): Promise<void> {
    await this.dialog.locator('label', { hasText: new RegExp(`^${text}$`) }).click();
  }

  async section(name: 'Data' | 'Calculations' | 'Style'): Promise<void> {
    await this.dialog.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  get preview(): Locator {
    return this.dialog.getByRole('region', { name: 'Preview' });
  }

  async waitForPreviewDrawn(): Promise<void> {
    await this.preview.locator(DRAWN).waitFor();
  }

  /** Waits until the preview's animation is over (for a steady screenshot). */
  async waitForPreviewSettled(): Promise<void> {
    await this.preview.locator('[data-chart-state="settled"]').waitFor();
  }

  /** The preview's error message, once it shows one. */
  async previewError(): Promise<string> {
    const alert = this.preview.getByRole('alert');
    await alert.waitFor();
    return (await alert.textContent()) ?? '';
  }

  /** The spec as the JSON view shows it. */
  async readJson(): Promise<Record<string, unknown>> {
    await this.segment('JSON');
    const text = await this.jsonBox.inputValue();
    return JSON.parse(text) as Record<string, unknown>;
  }

  async writeJson(spec: unknown): Promise<void> {
    await this.jsonBox.fill(JSON.stringify(spec, null, 2));
  }

  get jsonBox(): Locator {
    return this.dialog.getByRole('textbox', { name: 'Chart spec (JSON)' });
  }

  async writeSql(sql: string): Promise<void> {
    await this.dialog.getByRole('textbox', { name: 'SQL', exact: true }).fill(sql);
  }

  /** Saves (Add to dashboard / Save chart) and waits for the editor to close. */
  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(Add to dashboard|Save chart)$/ }).click();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  /** Cancel, confirming that the changes may go. */
  async discard(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel' }).click();
    const confirm = this.page.getByRole('dialog', { name: 'Discard your changes?' });
    await confirm.getByRole('button', { name: 'Discard changes' }).click();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
