import type { Locator, Page } from 'playwright-core';

/** Mail settings: the SMTP fields, Save, and "Send a test message" with its result. */
export class MailSettingsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto(new URL('#/settings/mail', this.page.url()).toString());
    await this.page.getByRole('heading', { name: 'Mail settings', level: 1 }).waitFor();
  }

  private form(): Locator {
    return this.page.getByRole('form', { name: 'Mail settings' });
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

  async save(): Promise<void> {
    await this.form().getByRole('button', { name: 'Save', exact: true }).click();
  }

  async sendTest(to: string): Promise<void> {
    await this.field('Send it to').fill(to);
    await this.form().getByRole('button', { name: 'Send a test message' }).click();
  }

  saved(): Locator {
    return this.form().getByText(/^Mail settings saved\./);
  }

  testResult(): Locator {
    return this.form().locator('.mail-form__test .banner');
  }
}
