import type { Locator, Page } from 'playwright-core';

// The settings pages: teams and a team, agents, custom commands and the profile.

/** The error shown under a labelled field (Mantine links it by aria-describedby), once shown. */
export async function fieldError(page: Page, field: Locator): Promise<string> {
  await field.and(page.locator('[aria-describedby*="-error"]')).waitFor();
  const id = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').find((part) => part.endsWith('-error'));
  const error = page.locator(`[id="${id}"]`);
  await error.waitFor();
  return (await error.textContent()) ?? '';
}

/** Picks an option of a Mantine Select (a combobox input and a listbox of options). */
export async function pick(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export class TeamsPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/teams`);
    await this.page.getByRole('heading', { name: 'Teams', level: 1 }).waitFor();
  }

  /** Creates a team and waits for its page, where the creator lands. */
  async createTeam(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Create team' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'Create a team' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  invitation(teamName: string): Locator {
    return this.page.getByRole('button', { name: `Accept the invitation to ${teamName}` });
  }

  async acceptInvitation(teamName: string): Promise<void> {
    await this.invitation(teamName).click();
    await this.page.getByRole('heading', { name: teamName, level: 1 }).waitFor();
  }

  teamRow(teamName: string): Locator {
    return this.page.getByRole('table', { name: 'Your teams' }).getByRole('row').filter({ hasText: teamName });
  }
}

export class TeamPage {
  constructor(private readonly page: Page) {}

  /** My role, as the badge beside the title says. */
  async myRole(): Promise<string> {
    const badge = this.page.getByRole('group', { name: 'Your role' }).locator('[data-role]');
    return (await badge.getAttribute('data-role')) ?? '';
  }

  async waitForMyRole(role: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Your role' }).locator(`[data-role="${role}"]`).waitFor();
  }

  async invite(email: string, role: 'Admin' | 'Editor' | 'Viewer'): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Invite someone' });
    await form.getByRole('textbox', { name: /^Email address/ }).fill(email);
    await pick(this.page, form.getByRole('textbox', { name: 'Role', exact: true }), role);
    await form.getByRole('button', { name: 'Invite' }).click();
    await this.page
      .getByRole('table', { name: 'Open invitations' })
      .getByRole('cell', { name: email.toLowerCase(), exact: true })
      .waitFor();
  }

  members(): Locator {
    return this.page.getByRole('table', { name: 'Members' });
  }

  member(name: string): Locator {
    return this.members().locator(`tr[data-member-name="${name}"]`);
  }

  roleSelect(name: string): Locator {
    return this.page.getByRole('textbox', { name: `Role of ${name}`, exact: true });
  }

  async changeRole(name: string, role: 'Admin' | 'Editor' | 'Viewer'): Promise<void> {
    await pick(this.page, this.roleSelect(name), role);
  }

  async removeMember(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${name}` }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Remove member' }).click();
    await this.member(name).waitFor({ state: 'detached' });
  }
}

/** The strings that tell one page of owned items from another. */
interface OwnedItemsKind {
  path: string;
  heading: string;
  newButton: string;
  newDialog: string;
  /** The attribute that names each table row, e.g. `data-agent-name`. */
  rowAttribute: string;
}

/** A page of things people own and share (agents, custom commands): a table of them and a New dialog. */
class OwnedItemsPage {
  constructor(
    protected readonly page: Page,
    private readonly baseUrl: string,
    private readonly kind: OwnedItemsKind,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}${this.kind.path}`);
    await this.page.getByRole('heading', { name: this.kind.heading, level: 1 }).waitFor();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async openNew(): Promise<void> {
    await this.page.getByRole('button', { name: this.kind.newButton }).first().click();
    await this.dialog.getByRole('heading', { name: this.kind.newDialog }).waitFor();
  }

  row(name: string): Locator {
    return this.page.locator(`tr[${this.kind.rowAttribute}="${name}"]`);
  }
}

export class AgentsPage extends OwnedItemsPage {
  constructor(page: Page, baseUrl: string) {
    super(page, baseUrl, {
      path: '/agents',
      heading: 'Agents',
      newButton: 'New agent',
      newDialog: 'New agent',
      rowAttribute: 'data-agent-name',
    });
  }

  nameField(): Locator {
    return this.dialog.getByRole('textbox', { name: /^Name/ });
  }

  async openEdit(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Edit ${name}` }).click();
    await this.nameField().waitFor();
  }

  async delete(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete ${name}` }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Delete agent' }).click();
    await this.row(name).waitFor({ state: 'detached' });
  }
}

export class CommandsPage extends OwnedItemsPage {
  constructor(page: Page, baseUrl: string) {
    super(page, baseUrl, {
      path: '/commands',
      heading: 'Custom commands',
      newButton: 'New command',
      newDialog: 'New custom command',
      rowAttribute: 'data-command-name',
    });
  }

  field(name: RegExp): Locator {
    return this.dialog.getByRole('textbox', { name });
  }

  /** Tries a sample message and returns what the box then says. */
  async tryIt(message: string): Promise<void> {
    await this.dialog.getByRole('textbox', { name: 'Sample message' }).fill(message);
    await this.dialog.getByRole('button', { name: 'Try it' }).click();
  }

  result(): Locator {
    return this.dialog.getByTestId('try-result');
  }
}

export class ProfilePage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/profile`);
    await this.displayName.waitFor();
  }

  /** Through the account menu, as a user would. */
  async openFromUserMenu(): Promise<void> {
    await this.page.getByRole('button', { name: /^Account:/ }).click();
    await this.page.getByRole('menuitem', { name: 'Profile' }).click();
    await this.displayName.waitFor();
  }

  get displayName(): Locator {
    return this.page.getByRole('textbox', { name: /^Display name/ });
  }

  get timeZone(): Locator {
    return this.page.getByRole('textbox', { name: 'Time zone', exact: true });
  }

  async setTimeZone(zone: string): Promise<void> {
    await this.timeZone.click();
    await this.timeZone.fill(zone);
    await this.page.getByRole('option', { name: zone, exact: true }).click();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save profile' }).click();
    await this.page.getByText('Profile saved').waitFor();
  }

  async setTheme(label: 'Light' | 'Dark' | 'Auto'): Promise<void> {
    // The radio itself is visually hidden: a user clicks its label.
    await this.page
      .locator('label')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .click();
  }

  /** The scheme the page is drawn in now ('light' or 'dark'). */
  scheme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-mantine-color-scheme');
  }

  /** The name the account menu shows. */
  async userMenuName(): Promise<string> {
    await this.page.getByRole('button', { name: /^Account:/ }).click();
    const label = this.page.getByTestId('user-menu-name');
    await label.waitFor();
    const text = (await label.textContent()) ?? '';
    await this.page.keyboard.press('Escape');
    return text;
  }
}
