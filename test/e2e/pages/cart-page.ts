import type { Locator, Page } from 'playwright-core';

/** Cart setup: platform, fields, credentials with Test right under them, Advanced, Save. */
export class CartPage {
  constructor(private readonly page: Page) {}

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

  async fill(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
  }

  async setBaseUrl(url: string): Promise<void> {
    const advanced = this.form().locator('details').filter({ hasText: 'Advanced' });
    if (!(await advanced.getAttribute('open').then((v) => v !== null))) await advanced.locator('summary').click();
    await this.fill('Base URL', url);
  }

  /** The box with the credentials, the Test button and the test result. */
  connection(): Locator {
    return this.page.getByRole('region', { name: 'Connection' });
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
}
