import type { Page } from 'playwright-core';

/** The sign-up and sign-in pages. */
export class AuthPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async signUp(details: { email: string; password: string; displayName: string }): Promise<void> {
    await this.page.goto(`${this.baseUrl}/signup`);
    await this.page.getByRole('heading', { name: 'Create your OCP account' }).waitFor();
    await this.email.fill(details.email);
    await this.page.getByRole('textbox', { name: /^Display name/ }).fill(details.displayName);
    await this.password.fill(details.password);
    await this.page.getByRole('button', { name: 'Create account' }).click();
  }

  async signIn(details: { email: string; password: string }): Promise<void> {
    await this.page.goto(`${this.baseUrl}/signin`);
    await this.page.getByRole('heading', { name: 'Sign in to OCP' }).waitFor();
    await this.email.fill(details.email);
    await this.password.fill(details.password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** The message of the form (the API's problem), once shown. */
  async formError(): Promise<string> {
    const alert = this.page.getByRole('alert');
    await alert.waitFor();
    return (await alert.textContent()) ?? '';
  }

  /** The error shown under a field, once shown. */
  async fieldError(label: 'Email' | 'Password'): Promise<string> {
    const field = label === 'Email' ? this.email : this.password;
    const id = await field.getAttribute('aria-describedby');
    const error = this.page.locator(`[id="${(id ?? '').split(' ').find((part) => part.endsWith('-error'))}"]`);
    await error.waitFor();
    return (await error.textContent()) ?? '';
  }

  private get email() {
    return this.page.getByRole('textbox', { name: /^Email/ });
  }

  private get password() {
    return this.page.getByRole('textbox', { name: /^Password/ });
  }
}
