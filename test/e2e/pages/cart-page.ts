import type { Locator, Page } from 'playwright-core';

/** Cart setup: platform, fields, credentials with Test right under them, Advanced, Save. */
export class CartPage {
  constructor(private readonly page: Page) {}

  /** A saved cart's screen, `#/carts/:id`, on its Settings tab. */
  async goto(id: number): Promise<void> {
    await this.page.goto(new URL(`#/carts/${id}`, this.page.url()).toString());
    await this.form().waitFor();
  }

  /** A saved cart's Diagnostics tab (the sync position), opened as a person does: by the tab. */
  async gotoDiagnostics(id: number): Promise<void> {
    await this.goto(id);
    await this.page.getByRole('tab', { name: 'Diagnostics' }).click();
    await this.syncPosition().waitFor();
  }

  private form(): Locator {
    return this.page.getByRole('form', { name: 'Cart connection' });
  }

  async choosePlatform(displayName: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Platform' }).getByRole('button', { name: new RegExp(`^${displayName}`) }).click();
    await this.form().waitFor();
  }

  field(label: string): Locator {
    return this.form().getByLabel(label, { exact: true });
  }

  /** The message shown on a field (its error, tied to it by aria-describedby). */
  fieldError(label: string): Locator {
    return this.form().locator('.field').filter({ has: this.page.getByLabel(label, { exact: true }) }).locator('.field__error');
  }

  async fill(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
  }

  async setBaseUrl(url: string): Promise<void> {
    const advanced = this.form().locator('details').filter({ hasText: 'Advanced' });
    if (!(await advanced.getAttribute('open').then((v) => v !== null))) await advanced.locator('summary').click();
    await this.fill('Base URL', url);
  }

  /**
   * The form's box with the credentials, the Test button and the test result: "Connection", or "App
   * credentials" for a platform connected on its consent page (whose screen has a Connection box).
   */
  connection(): Locator {
    return this.form().getByRole('region', { name: /^(Connection|App credentials)$/ });
  }

  async test(): Promise<void> {
    await this.connection().getByRole('button', { name: 'Test connection' }).click();
  }

  /** The test result, shown in the connection box. */
  testResult(): Locator {
    return this.connection().locator('.cart-test-result');
  }

  async save(): Promise<void> {
    await this.form().locator('button[type=submit]').click();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** Diagnostics: the sync position section of a saved cart. */
  syncPosition(): Locator {
    return this.page.getByRole('region', { name: 'Sync position' });
  }

  /** Where the next download starts, in words. */
  syncSummary(): Locator {
    return this.syncPosition().locator('.sync-position__summary');
  }

  /** The raw saved value. */
  syncRaw(): Locator {
    return this.syncPosition().getByLabel('Saved sync position');
  }

  syncDialog(): Locator {
    return this.page.getByRole('alertdialog');
  }

  /** Opens Edit…, types the position and confirms (the dialog stays open when the engine refuses it). */
  async editSyncPosition(value: string): Promise<void> {
    await this.syncPosition().getByRole('button', { name: 'Edit…' }).click();
    await this.syncDialog().getByLabel('Sync position', { exact: true }).fill(value);
    await this.syncDialog().getByRole('button', { name: 'Save position' }).click();
  }

  /** The message on the position field of the edit dialog. */
  syncPositionError(): Locator {
    return this.syncDialog().locator('.field__error');
  }

  async cancelSyncDialog(): Promise<void> {
    await this.syncDialog().getByRole('button', { name: 'Cancel' }).click();
    await this.syncDialog().waitFor({ state: 'detached' });
  }

  async restartSyncPosition(): Promise<void> {
    await this.syncPosition().getByRole('button', { name: 'Restart from the earliest order date…' }).click();
    await this.syncDialog().getByRole('button', { name: 'Restart' }).click();
    await this.syncDialog().waitFor({ state: 'detached' });
  }

  /** The confirmation shown after a change. */
  syncResult(): Locator {
    return this.syncPosition().getByRole('status');
  }
}
