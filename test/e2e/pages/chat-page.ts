import type { Locator, Page } from 'playwright-core';
import { addToNewDashboard } from './add-to-dashboard-dialog.js';

const DRAWN = '[data-chart-state="drawn"], [data-chart-state="settled"]';

/** The full-page chat: the sessions and search on the left, the conversation on the right. */
export class ChatPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/chat`);
    await this.composer.waitFor();
  }

  async newChat(): Promise<void> {
    await this.page.getByRole('button', { name: 'New chat' }).click();
    await this.page.getByRole('heading', { name: 'What would you like to know?' }).waitFor();
  }

  get composer(): Locator {
    return this.page.getByRole('textbox', { name: 'Message the assistant' });
  }

  /** Picks a model in the composer's model picker by (part of) its label. */
  async chooseModel(label: RegExp): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Model' }).click();
    await this.page.getByRole('option', { name: label }).click();
  }

  async selectedModel(): Promise<string> {
    return this.page.getByRole('textbox', { name: 'Model' }).inputValue();
  }

  /** Types into the composer as a person would (so completion reacts). */
  async type(text: string): Promise<void> {
    await this.composer.fill('');
    await this.composer.pressSequentially(text);
  }

  /** The commands offered for what is typed, as their names. */
  async offeredCommands(): Promise<string[]> {
    const options = this.page.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    const texts = await options.allInnerTexts();
    return texts.map((text) => text.trim().split(/\s/)[0] ?? '');
  }

  async ask(prompt: string): Promise<void> {
    await this.composer.fill(prompt);
    await this.composer.press('Enter');
  }

  /** Waits until an answer says something matching `text`. */
  async waitForAnswer(text: RegExp): Promise<void> {
    await this.page.getByRole('article', { name: 'Assistant’s answer' }).getByText(text).first().waitFor();
  }

  async answerCount(): Promise<number> {
    return this.page.getByRole('article', { name: 'Assistant’s answer' }).count();
  }

  inlineChart(title: string): Locator {
    return this.page.getByTestId('inline-chart').filter({ hasText: title }).last();
  }

  async waitForInlineChart(title: string): Promise<void> {
    await this.inlineChart(title).locator(DRAWN).first().waitFor();
  }

  /** Adds an inline chart to a new dashboard through the dialog, checking the preview of where it lands. */
  async addChartToNewDashboard(chartTitle: string, dashboardTitle: string): Promise<string> {
    await this.inlineChart(chartTitle).getByRole('button', { name: 'Add to dashboard' }).click();
    return addToNewDashboard(this.page, dashboardTitle);
  }

  /** Keeps an inline chart in the workspace; waits until it says so. */
  async saveChartToWorkspace(chartTitle: string): Promise<void> {
    const chart = this.inlineChart(chartTitle);
    await chart.getByRole('button', { name: 'Save to workspace' }).click();
    await chart.getByRole('button', { name: 'Saved to workspace' }).waitFor();
  }

  /** From the dialog after adding: opens the dashboard the chart went to. */
  async openAddedDashboard(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open the dashboard' }).click();
  }

  async search(words: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Search all chats' }).fill(words);
  }

  /** The search hits shown, as their text (waits for at least one). */
  async searchHits(): Promise<string[]> {
    const hits = this.page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
    await hits.first().waitFor();
    return hits.allInnerTexts();
  }

  /** The highlighted words of the hits. */
  async highlighted(): Promise<string[]> {
    return this.page.getByRole('list', { name: 'Search results' }).locator('mark').allInnerTexts();
  }

  async openHit(index: number): Promise<void> {
    await this.page
      .getByRole('list', { name: 'Search results' })
      .getByRole('listitem')
      .nth(index)
      .getByRole('button')
      .click();
  }

  /** The chats listed on the left, newest first. */
  async sessionTitles(): Promise<string[]> {
    const items = this.page.getByRole('navigation', { name: 'Chats' }).getByRole('listitem');
    await items.first().waitFor();
    return items.allInnerTexts();
  }

  /** The stored id of the last answer shown. */
  async lastAnswerId(): Promise<string | null> {
    return this.page.getByRole('article', { name: 'Assistant’s answer' }).last().getAttribute('data-message-id');
  }

  async regenerate(): Promise<void> {
    await this.page.getByRole('button', { name: 'Regenerate the answer' }).click();
  }

  /** Edits the last prompt and sends it again. */
  async editLastPrompt(text: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit your last message' }).click();
    await this.page.getByText(/^Editing your last message/).waitFor();
    await this.composer.fill(text);
    await this.composer.press('Enter');
  }

  /** The prompts shown, oldest first. */
  async prompts(): Promise<string[]> {
    return this.page.getByLabel('Your message').allInnerTexts();
  }

  /** Waits until every chart on the page has finished its animation (for a steady screenshot). */
  async waitForChartsSettled(): Promise<void> {
    await this.page
      .locator('[data-chart-state="drawing"], [data-chart-state="drawn"]')
      .first()
      .waitFor({ state: 'detached' });
  }

  /** Stops the answer being written. */
  async stop(): Promise<void> {
    await this.page.getByRole('button', { name: 'Stop' }).click();
  }

  /** The words of the last answer. */
  async lastAnswerText(): Promise<string> {
    return (
      (await this.page
        .getByRole('article', { name: 'Assistant’s answer' })
        .last()
        .locator('.ocp-markdown')
        .textContent()) ?? ''
    );
  }

  async waitUntilIdle(): Promise<void> {
    await this.page.getByRole('button', { name: 'Send' }).waitFor();
  }
}
