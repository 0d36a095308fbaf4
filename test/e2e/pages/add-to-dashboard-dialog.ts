import type { Page } from 'playwright-core';

/**
 * The "Add the chart to a dashboard" dialog (from the chat and from the workspace), once open:
 * picks "A new dashboard…", names it, reads the preview of where the chart lands, adds it.
 * Returns the preview's words.
 */
export async function addToNewDashboard(page: Page, dashboardTitle: string): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Add the chart to a dashboard' });
  await dialog.getByRole('textbox', { name: 'Dashboard' }).click();
  await page.getByRole('option', { name: 'A new dashboard…' }).click();
  await dialog.getByRole('textbox', { name: /^New dashboard title/ }).fill(dashboardTitle);
  const preview =
    (await dialog
      .getByTestId('landing-preview')
      .getByText(/^It will be/)
      .textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Add the chart' }).click();
  await dialog.getByText(`is on the dashboard “${dashboardTitle}”`).waitFor();
  return preview;
}
