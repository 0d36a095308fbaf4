import type { Locator, Page } from 'playwright-core';

const DRAWN = '[data-chart-state="drawn"], [data-chart-state="settled"]';

export type ChangeMark = 'added' | 'removed' | 'changed' | 'moved' | 'unchanged';

/** The compare view: two versions side by side, opened from the version history. */
export class VersionCompare {
  constructor(private readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Compare version \d+ with version \d+$/ });
  }

  /** Opens it from the history (already open) with a version's "Compare" (with the one before it). */
  async openFromHistory(versionNumber: number): Promise<void> {
    await this.page
      .getByRole('dialog', { name: 'Version history' })
      .getByRole('button', { name: `Compare version ${versionNumber - 1} with version ${versionNumber}`, exact: true })
      .click();
    await this.dialog.waitFor();
  }

  async title(): Promise<string> {
    return (await this.dialog.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
  }

  /** One side, by the version it shows. */
  side(versionNumber: number): Locator {
    return this.dialog.getByRole('region', { name: `Version ${versionNumber}`, exact: true });
  }

  chart(versionNumber: number, title: string): Locator {
    return this.side(versionNumber).getByRole('region', { name: title, exact: true });
  }

  async waitForChartDrawn(versionNumber: number, title: string): Promise<void> {
    await this.chart(versionNumber, title).locator(DRAWN).waitFor();
  }

  /** How a chart is marked on one side (data-change), and the badge it shows. */
  async chartMark(versionNumber: number, title: string): Promise<{ mark: ChangeMark; badge: string | null }> {
    const chart = this.chart(versionNumber, title);
    await chart.waitFor();
    const mark = (await chart.getAttribute('data-change')) as ChangeMark;
    const badge = chart.locator('.mantine-Badge-root');
    return { mark, badge: (await badge.count()) ? await badge.first().textContent() : null };
  }

  /** Titles of the charts with this mark on one side. */
  async chartsMarked(versionNumber: number, mark: ChangeMark): Promise<string[]> {
    return this.side(versionNumber)
      .locator(`section[data-change="${mark}"][aria-label]:not([aria-label^="Tab "])`)
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label') ?? ''));
  }

  async tabMark(versionNumber: number, title: string): Promise<ChangeMark | 'renamed'> {
    const tab = this.side(versionNumber).getByRole('region', { name: `Tab ${title}`, exact: true });
    await tab.waitFor();
    return (await tab.getAttribute('data-change')) as ChangeMark | 'renamed';
  }

  /** The changes in words (the server's summary). */
  async summary(): Promise<string[]> {
    const list = this.dialog.getByRole('list', { name: 'Changes in words' });
    await list.waitFor();
    return list.getByRole('listitem').allInnerTexts();
  }

  async perChart(): Promise<string[]> {
    return this.dialog.getByRole('list', { name: 'Changes per chart' }).getByRole('listitem').allInnerTexts();
  }

  async choose(which: 'From' | 'To', versionNumber: number): Promise<void> {
    await this.dialog.getByRole('textbox', { name: which, exact: true }).click();
    await this.page.getByRole('option', { name: new RegExp(`^Version ${versionNumber}( ·|$)`) }).click();
    await this.page
      .getByRole('dialog', { name: new RegExp(`version ${versionNumber}`) })
      .first()
      .waitFor();
  }

  async restore(versionNumber: number): Promise<void> {
    await this.dialog.getByRole('button', { name: `Restore version ${versionNumber}`, exact: true }).click();
    await this.page.getByText(/^Saved as version \d+/).waitFor();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close the comparison' }).click();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
