import type { Locator, Page } from 'playwright-core';

/** The first run: how you work, then "Set up myself" or "Try with demo data". */
export class FirstRunPage {
  constructor(private readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Welcome to Dockhand' });
  }

  async waitUntilShown(): Promise<void> {
    await this.heading.waitFor();
  }

  async chooseFulfillmentCenter(): Promise<void> {
    await this.page.getByRole('button', { name: /^Fulfillment center/ }).click();
  }

  async chooseSingleMerchant(): Promise<void> {
    await this.page.getByRole('button', { name: /^Single merchant/ }).click();
  }

  async isChosen(name: 'Fulfillment center' | 'Single merchant'): Promise<boolean> {
    return (await this.page.getByRole('button', { name: new RegExp(`^${name}`) }).getAttribute('aria-pressed')) === 'true';
  }

  async tryWithDemoData(): Promise<void> {
    await this.page.getByRole('button', { name: 'Try with demo data' }).click();
  }

  async setUpMyself(): Promise<void> {
    await this.page.getByRole('button', { name: 'Set up myself' }).click();
  }

  /** The message shown when no way of working was chosen. */
  modeError(): Locator {
    return this.page.getByRole('alert');
  }
}
