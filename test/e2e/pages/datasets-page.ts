import type { Locator, Page } from 'playwright-core';

/** The datasets page: the list, the upload dialog and a dataset's details. */
export class DatasetsPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Datasets' }).first().click();
    await this.page.getByRole('heading', { name: 'Datasets', level: 1 }).waitFor();
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/datasets`);
    await this.page.getByRole('heading', { name: 'Datasets', level: 1 }).waitFor();
  }

  async waitForEmptyState(): Promise<void> {
    await this.page.getByRole('heading', { name: 'No datasets yet' }).waitFor();
  }

  get uploadDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Upload data' });
  }

  /** Opens the upload dialog and picks a file, as the file chooser would. */
  async chooseFile(file: { name: string; content: string }): Promise<void> {
    if (!(await this.uploadDialog.isVisible())) {
      await this.page.getByRole('button', { name: 'Upload data' }).first().click();
      await this.uploadDialog.waitFor();
    }
    await this.uploadDialog.getByLabel('File to upload').setInputFiles({
      name: file.name,
      mimeType: file.name.endsWith('.csv') ? 'text/csv' : 'application/octet-stream',
      buffer: Buffer.from(file.content),
    });
  }

  /** The reason an upload was refused, once shown. */
  async uploadError(): Promise<string> {
    const alert = this.uploadDialog.getByRole('alert');
    await alert.waitFor();
    return (await alert.textContent()) ?? '';
  }

  /** The upload's progress bar (a real one: XMLHttpRequest's upload progress). */
  uploadProgress(fileName: string): Locator {
    return this.uploadDialog.getByRole('progressbar', { name: `Upload of ${fileName}` });
  }

  async waitForPreview(): Promise<void> {
    await this.uploadDialog.getByRole('heading', { name: 'Preview' }).waitFor();
  }

  /** The type select above a column of the preview. */
  columnType(column: string): Locator {
    return this.uploadDialog.getByRole('combobox', { name: `Type of column ${column}` });
  }

  async setColumnType(column: string, label: string): Promise<void> {
    await this.columnType(column).selectOption({ label });
  }

  previewTable(): Locator {
    return this.uploadDialog.getByRole('table', { name: /^Preview of / });
  }

  /** Waits until the preview is no longer being read again. */
  async waitForPreviewSettled(): Promise<void> {
    await this.uploadDialog.getByText('Reading the preview again…').waitFor({ state: 'detached' });
  }

  async badRows(): Promise<string[]> {
    const list = this.uploadDialog.getByRole('list', { name: 'Rows with problems' });
    await list.waitFor();
    return list.getByRole('listitem').allInnerTexts();
  }

  async create(name: string): Promise<void> {
    await this.uploadDialog.getByRole('textbox', { name: /^Dataset name/ }).fill(name);
    await this.uploadDialog.getByRole('button', { name: 'Create dataset' }).click();
    await this.uploadDialog.getByText('Your dataset is ready').waitFor();
  }

  async loadReport(): Promise<string> {
    return (await this.uploadDialog.getByTestId('load-report').textContent()) ?? '';
  }

  async finishUpload(): Promise<void> {
    await this.uploadDialog.getByRole('button', { name: 'Done' }).click();
    await this.uploadDialog.waitFor({ state: 'hidden' });
  }

  /** A dataset's row in the list. */
  row(name: string): Locator {
    return this.page
      .getByRole('table', { name: 'Datasets' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }

  async openDataset(name: string): Promise<Locator> {
    await this.row(name).getByRole('button', { name, exact: true }).click();
    const drawer = this.page.getByRole('dialog', { name });
    await drawer.waitFor();
    return drawer;
  }

  /** From an open dataset: loads a file into it, appending its rows or replacing them; returns the report. */
  async loadInto(name: string, file: { name: string; content: string }, mode: 'append' | 'replace'): Promise<string> {
    await this.page.getByRole('dialog', { name }).getByRole('button', { name: 'Replace or append data' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Load new data into “${name}”` });
    await dialog.getByLabel('File to upload').setInputFiles({
      name: file.name,
      mimeType: 'text/csv',
      buffer: Buffer.from(file.content),
    });
    await dialog.getByRole('heading', { name: 'Preview' }).waitFor();
    if (mode === 'append') await dialog.getByText('Append these rows').click();
    await dialog.getByRole('button', { name: mode === 'append' ? 'Append rows' : 'Replace data' }).click();
    const report = dialog.getByTestId('load-report');
    await report.waitFor();
    const text = (await report.textContent()) ?? '';
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    return text;
  }

  /** From an open dataset: asks to delete it. */
  async askToDelete(name: string): Promise<Locator> {
    await this.page.getByRole('dialog', { name }).getByRole('button', { name: 'Delete' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Delete this dataset?' });
    await dialog.getByRole('button', { name: 'Delete dataset' }).click();
    return dialog;
  }
}
