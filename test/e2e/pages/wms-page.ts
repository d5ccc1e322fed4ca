import type { Locator, Page } from 'playwright-core';

/** WMS setup: first-time introduction, transport fields, Test (result at the top), Save. */
export class WmsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto(new URL('#/wms', this.page.url()).toString());
    await this.page.getByRole('heading', { name: 'Warehouse (WMS)', level: 1 }).waitFor();
  }

  introduction(): Locator {
    return this.page.getByText('No warehouse system connected yet');
  }

  async startSetup(): Promise<void> {
    await this.page.getByRole('button', { name: 'Set up the WMS' }).click();
    await this.form().waitFor();
  }

  private form(): Locator {
    return this.page.getByRole('form', { name: 'WMS setup' });
  }

  field(label: string): Locator {
    return this.form().getByLabel(label, { exact: true });
  }

  /** The message shown on a field (its error, tied to it by aria-describedby). */
  fieldError(label: string): Locator {
    return this.form().locator('.field').filter({ has: this.page.getByLabel(label, { exact: true }) }).locator('.field__error');
  }

  async chooseTransport(label: string): Promise<void> {
    await this.field('Transport').selectOption({ label });
  }

  async fillFtp(server: { host: string; port: number; user: string; password: string }): Promise<void> {
    await this.field('Host').fill(server.host);
    await this.field('Port').fill(String(server.port));
    await this.field('User').fill(server.user);
    await this.field('Password').fill(server.password);
  }

  async test(): Promise<void> {
    await this.form().getByRole('button', { name: 'Test connection' }).click();
  }

  async save(): Promise<void> {
    await this.form().getByRole('button', { name: 'Save', exact: true }).click();
  }

  /** Test results and save confirmations, at the top of the form. */
  top(): Locator {
    return this.form().locator('.wms-form__top');
  }

  /** The "Save anyway?" question when the test of the typed setup failed. */
  failedTestDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: 'Save a setup whose test failed?' });
  }

  examplePaths(): Locator {
    return this.page.locator('.wms-folder-preview');
  }
}
