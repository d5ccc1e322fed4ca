import type { Locator, Page } from 'playwright-core';

/**
 * The Connection box of a cart that connects on a consent page (eBay): its badge, Connect/Reconnect,
 * Share a setup link, the consent link, and the field taking the address the browser landed on.
 * It is the screen's one region named Connection (the form's panel there is App credentials).
 */
export class ConnectionBoxPage {
  constructor(private readonly page: Page) {}

  box(): Locator {
    return this.page.getByRole('region', { name: 'Connection', exact: true });
  }

  /** "Not connected", "Connected" or "Needs reconnect". */
  badge(): Locator {
    return this.box().locator('.connection-box__badge');
  }

  /** The sentence under the badge. */
  status(): Locator {
    return this.box().locator('.connection-box__status');
  }

  async connect(name: 'Connect' | 'Reconnect' = 'Connect'): Promise<void> {
    await this.box().getByRole('button', { name, exact: true }).click();
  }

  async share(): Promise<void> {
    await this.box().getByRole('button', { name: 'Share a setup link' }).click();
  }

  /** The consent page's address as the box shows it ("Open eBay's consent page again"). */
  consentLink(): Locator {
    return this.box().getByRole('link', { name: /consent page again/ });
  }

  setupLink(): Locator {
    return this.box().getByLabel('Setup link for the merchant', { exact: true });
  }

  copyButton(): Locator {
    return this.box().getByRole('button', { name: 'Copy', exact: true });
  }

  landingField(): Locator {
    return this.box().getByLabel('The address the browser landed on', { exact: true });
  }

  /** The message on the landing field (its error, tied to it by aria-describedby). */
  landingError(): Locator {
    return this.box().locator('.field').filter({ has: this.page.getByLabel('The address the browser landed on', { exact: true }) }).locator('.field__error');
  }

  async pasteLanding(address: string): Promise<void> {
    await this.landingField().fill(address);
    await this.box().getByRole('button', { name: 'Connect with this address' }).click();
  }

  /** The last attempt's outcome (a failure, or success right after it happened). */
  outcome(): Locator {
    return this.box().locator('.banner');
  }
}
