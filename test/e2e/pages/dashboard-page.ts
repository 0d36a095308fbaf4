import type { Download, Locator, Page } from 'playwright-core';

const DRAWN = '[data-chart-state="drawn"], [data-chart-state="settled"]';

/** A dashboard: its tabs, its charts, the version history and the assistant beside it. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  tab(title: string): Locator {
    return this.page.getByRole('tab', { name: title, exact: true });
  }

  async addTab(title: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add tab', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New tab' });
    await dialog.getByRole('textbox', { name: /^Tab title/ }).fill(title);
    await dialog.getByRole('button', { name: 'Add tab' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await this.page.locator('[role="tab"][aria-selected="true"]', { hasText: title }).waitFor();
  }

  async openTab(title: string): Promise<void> {
    await this.tab(title).click();
    await this.page.locator('[role="tab"][aria-selected="true"]', { hasText: title }).waitFor();
  }

  async waitForEmptyTab(): Promise<void> {
    await this.page.getByRole('heading', { name: 'No charts on this tab yet' }).waitFor();
  }

  /** A chart card on the current tab, by title. */
  chart(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** Waits until the chart is on the dashboard and drawn by ECharts. */
  async waitForChartDrawn(title: string): Promise<void> {
    await this.chart(title).locator(DRAWN).waitFor();
  }

  /** Waits until every chart on the page has finished its animation (for a steady screenshot). */
  async waitForChartsSettled(): Promise<void> {
    await this.page
      .locator('[data-chart-state="drawing"], [data-chart-state="drawn"]')
      .first()
      .waitFor({ state: 'detached' });
  }

  /** Drags a chart by its title bar, by this many pixels. */
  async dragChart(title: string, by: { dx: number; dy: number }): Promise<void> {
    const handle = this.chart(title).getByRole('heading', { name: title });
    const box = await handle.boundingBox();
    if (!box) throw new Error(`the chart ${title} is not on screen`);
    const from = { x: box.x + 20, y: box.y + box.height / 2 };
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    // In steps, as a hand would: the grid starts a drag only after a few pixels of movement.
    await this.page.mouse.move(from.x + by.dx, from.y + by.dy, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Where a chart is on the page. */
  async chartBox(title: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.chart(title).boundingBox();
    if (!box) throw new Error(`the chart ${title} is not on screen`);
    return box;
  }

  /** Waits until the dashboard says it is at this version (each save makes one). */
  async waitForVersion(versionNumber: number): Promise<void> {
    await this.page.getByText(new RegExp(`^Version ${versionNumber} ·`)).waitFor();
  }

  /** Switches between the light and the dark theme. */
  async toggleTheme(): Promise<void> {
    await this.page.getByRole('button', { name: /^Switch to the (dark|light) theme$/ }).click();
    // Away from the button, so that its tooltip is not in the next screenshot.
    await this.page.mouse.move(600, 700);
  }

  // The assistant

  async ensureAssistantOpen(): Promise<void> {
    const panel = this.page.getByRole('complementary', { name: 'Assistant' });
    if (!(await panel.isVisible())) await this.page.getByRole('button', { name: 'Assistant', exact: true }).click();
    await panel.waitFor();
  }

  async ask(prompt: string): Promise<void> {
    await this.ensureAssistantOpen();
    const box = this.page.getByRole('textbox', { name: 'Message the assistant' });
    await box.fill(prompt);
    await box.press('Enter');
  }

  /** Waits until the assistant's answer says something matching `text`. */
  async waitForAnswer(text: RegExp): Promise<void> {
    await this.page.getByRole('complementary', { name: 'Assistant' }).getByText(text).waitFor();
  }

  /** Waits for a chart drawn in the conversation. */
  async waitForInlineChart(title: string): Promise<void> {
    await this.page.getByTestId('inline-chart').filter({ hasText: title }).locator(DRAWN).first().waitFor();
  }

  // The version history

  async openHistory(): Promise<void> {
    await this.page.getByRole('button', { name: 'History', exact: true }).click();
    await this.page.getByRole('dialog', { name: 'Version history' }).getByRole('listitem').first().waitFor();
  }

  /** The history's entries, newest first, as their text. */
  async versions(): Promise<string[]> {
    const items = this.page.getByRole('dialog', { name: 'Version history' }).getByRole('listitem');
    return items.allInnerTexts();
  }

  async restoreVersion(versionNumber: number): Promise<void> {
    await this.page.getByRole('button', { name: `Restore version ${versionNumber}`, exact: true }).click();
    // The notification that says which new version the restore saved.
    await this.page.getByText(/^Saved as version \d+/).waitFor();
  }

  async closeHistory(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('dialog', { name: 'Version history' }).waitFor({ state: 'hidden' });
  }

  // Chart menus, full screen, downloads

  /** The ⋯ button in a chart's title bar. */
  chartMenuButton(title: string): Locator {
    return this.page.getByRole('button', { name: `Chart actions: ${title}`, exact: true });
  }

  /** The open menu (a chart's or a tab's). */
  get openMenu(): Locator {
    return this.page.getByRole('menu').last();
  }

  async openChartMenu(title: string): Promise<void> {
    await this.chartMenuButton(title).click();
    await this.openMenu.waitFor();
  }

  /** The names of the open menu's items, in order. */
  async menuItems(): Promise<string[]> {
    const items = this.openMenu.getByRole('menuitem');
    return (await items.allInnerTexts()).map((text) => text.trim());
  }

  async closeMenu(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('menu').waitFor({ state: 'hidden' });
  }

  /** Opens a chart's menu and chooses an item. */
  async chooseChartAction(title: string, item: string): Promise<void> {
    await this.openChartMenu(title);
    await this.openMenu.getByRole('menuitem', { name: item, exact: true }).click();
  }

  fullScreenDialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title, exact: true });
  }

  /** Shows a chart full screen and waits until it is drawn there. */
  async openFullScreen(title: string): Promise<void> {
    await this.chooseChartAction(title, 'Full screen');
    await this.fullScreenDialog(title).locator(DRAWN).waitFor();
  }

  async closeFullScreen(title: string): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.fullScreenDialog(title).waitFor({ state: 'hidden' });
  }

  /** Chooses one of a chart's downloads ("Download PNG", …) and returns the file the browser received. */
  async download(title: string, item: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.chooseChartAction(title, item);
    return download;
  }

  /** Duplicates a chart; waits until its copy is on the tab. */
  async duplicateChart(title: string): Promise<void> {
    await this.chooseChartAction(title, 'Duplicate');
    await this.chart(`${title} (copy)`).waitFor();
  }

  /** Deletes a chart, confirming in the dialog; waits until it is gone. */
  async deleteChart(title: string): Promise<void> {
    await this.chooseChartAction(title, 'Delete chart');
    const dialog = this.page.getByRole('dialog', { name: 'Delete this chart?' });
    await dialog.getByRole('button', { name: 'Delete chart' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await this.chart(title).waitFor({ state: 'detached' });
  }

  /** Moves a chart to another tab through its menu; waits until it has left this tab. */
  async moveChartToTab(title: string, tabTitle: string): Promise<void> {
    await this.openChartMenu(title);
    // Pointing at the item opens the list of tabs beside the menu.
    await this.page.getByRole('menuitem', { name: 'Move to tab' }).hover();
    await this.page.getByRole('menuitem', { name: tabTitle, exact: true }).click();
    await this.chart(title).waitFor({ state: 'detached' });
  }

  // Adding charts, reordering tabs, auto-refresh

  /** The Add chart buttons (in the tab bar, and in an empty tab). */
  get addChartButtons(): Locator {
    return this.page.getByRole('button', { name: 'Add chart', exact: true });
  }

  /** Everything that can be dragged to rearrange the dashboard: chart title bars and tabs. */
  get dragHandles(): Locator {
    return this.page.locator('.ocp-chart-drag-handle, [role="tab"][draggable="true"]');
  }

  /** The tabs' titles, in order. */
  async tabTitles(): Promise<string[]> {
    return (await this.page.getByRole('tab').allInnerTexts()).map((text) => text.trim());
  }

  /** Moves the active tab one place left or right with its menu (the keyboard way). */
  async moveActiveTab(direction: 'left' | 'right'): Promise<void> {
    await this.page.getByRole('button', { name: /^Actions for tab / }).click();
    await this.openMenu.getByRole('menuitem', { name: `Move ${direction}` }).click();
  }

  /** Drags one tab onto another (it lands on the side of the target it is dropped on). */
  async dragTab(title: string, onto: string): Promise<void> {
    await this.tab(title).dragTo(this.tab(onto), { targetPosition: { x: 4, y: 10 } });
  }

  /** Chooses an auto-refresh interval by its label ("Off", "30 s", "1 min", …). */
  async setAutoRefresh(label: string): Promise<void> {
    await this.page.getByLabel('Auto-refresh', { exact: true }).first().click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  // Kiosk mode

  async enterKiosk(): Promise<void> {
    await this.page.getByRole('button', { name: 'Kiosk mode', exact: true }).click();
    await this.page.getByTestId('kiosk').waitFor();
  }

  async exitKiosk(): Promise<void> {
    await this.page.getByRole('button', { name: 'Exit kiosk mode' }).click();
    await this.page.getByTestId('kiosk').waitFor({ state: 'detached' });
  }

  // The dashboard's own settings (its ⋯ menu in the header)

  /** The ⋯ button beside the dashboard's title. */
  get dashboardMenuButton(): Locator {
    return this.page.getByRole('button', { name: 'Dashboard actions', exact: true });
  }

  async openDashboardMenu(): Promise<void> {
    await this.dashboardMenuButton.click();
    await this.openMenu.waitFor();
  }

  /** Opens the dashboard's menu and chooses an item. */
  async chooseDashboardAction(item: string): Promise<void> {
    await this.openDashboardMenu();
    await this.openMenu.getByRole('menuitem', { name: item, exact: true }).click();
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Renames and describes the dashboard in its dialog (the dialog stays open if the API refuses). */
  async fillRenameDialog(title: string, description: string): Promise<Locator> {
    await this.chooseDashboardAction('Rename and describe…');
    const dialog = this.dialog('Rename and describe');
    await dialog.getByRole('textbox', { name: /^Title/ }).fill(title);
    await dialog.getByRole('textbox', { name: /^Description/ }).fill(description);
    await dialog.getByRole('button', { name: 'Save' }).click();
    return dialog;
  }

  /** The error shown under a field of a dialog (the text the field is described by). */
  async fieldError(dialog: Locator, field: RegExp): Promise<string> {
    const input = dialog.getByRole('textbox', { name: field });
    await dialog.locator('[aria-invalid="true"]').first().waitFor();
    const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ');
    const errorId = ids.find((id) => id.endsWith('-error'));
    return (await this.page.locator(`[id="${errorId}"]`).textContent()) ?? '';
  }

  /** The description shown under the title. */
  get description(): Locator {
    return this.page.getByTestId('dashboard-description');
  }

  /** Moves the dashboard to "Only me (personal)" or a team, by the option's name. */
  async moveDashboardTo(owner: string | RegExp): Promise<void> {
    await this.chooseDashboardAction('Move to…');
    const dialog = this.dialog(/^Move “/);
    await dialog.getByRole('radio', { name: owner }).check();
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Moves a chart to a tab of another dashboard through its menu; waits until it has left this one. */
  async moveChartToDashboard(title: string, dashboardTitle: string, tabTitle?: string): Promise<Locator> {
    await this.chooseChartAction(title, 'Move to another dashboard…');
    const dialog = this.dialog(`Move “${title}” to another dashboard`);
    await dialog.getByRole('textbox', { name: 'Dashboard' }).click();
    await this.page.getByRole('option', { name: dashboardTitle, exact: true }).click();
    const tab = dialog.getByRole('textbox', { name: /^Tab/ });
    await tab.waitFor();
    if (tabTitle) {
      await tab.click();
      await this.page.getByRole('option', { name: tabTitle, exact: true }).click();
    }
    return dialog;
  }
}
