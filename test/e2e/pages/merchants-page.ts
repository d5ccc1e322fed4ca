import type { Locator, Page } from 'playwright-core';
import { toast } from './toasts.js';

/** Merchants: the list (or its empty state) and the merchant form with its carts. */
export class MerchantsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto(new URL('#/merchants', this.page.url()).toString());
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  emptyState(): Locator {
    return this.page.getByText('No merchants yet');
  }

  async addMerchant(): Promise<MerchantFormPage> {
    await this.page.getByRole('link', { name: 'Add merchant' }).first().click();
    const form = new MerchantFormPage(this.page);
    await form.name().waitFor();
    return form;
  }

  /** A merchant's row in the list, found by its name. */
  row(name: string): Locator {
    return this.page.getByRole('table', { name: 'Merchants' }).getByRole('row').filter({ hasText: name });
  }
}

export class MerchantFormPage {
  constructor(private readonly page: Page) {}

  async goto(id: number): Promise<void> {
    await this.page.goto(new URL(`#/merchants/${id}`, this.page.url()).toString());
    await this.name().waitFor();
  }

  private form(): Locator {
    return this.page.getByRole('form', { name: 'Merchant' });
  }

  name(): Locator {
    return this.form().getByLabel('Name', { exact: true });
  }

  code(): Locator {
    return this.form().getByLabel('Code', { exact: true });
  }

  errorContacts(): Locator {
    return this.form().getByLabel('Error contacts');
  }

  /** Send each shipment as it comes, or wait until the whole order has shipped. */
  partialShipments(): Locator {
    return this.form().getByLabel('Partial shipments', { exact: true });
  }

  /** A WMS schedule's select, by its service label ("Order Delivery"). */
  frequency(service: string): Locator {
    return this.form().getByLabel(service, { exact: true });
  }

  /** "Custom…" and the minutes typed for a service. */
  async setCustomFrequency(service: string, minutes: number): Promise<void> {
    await this.frequency(service).selectOption('custom');
    await this.form().getByLabel(`${service}: minutes`).fill(String(minutes));
  }

  /** The message shown on a service's frequency field. */
  frequencyError(service: string): Locator {
    return this.form().locator('.field--frequency').filter({ has: this.page.getByLabel(service, { exact: true }) }).getByRole('alert');
  }

  async save(): Promise<void> {
    await this.form().locator('button[type=submit]').click();
  }

  /** A message after saving: the form's own status, or the notification a create leaves on the next page. */
  banner(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text }).or(toast(this.page, text)).first();
  }

  /** More actions, Delete merchant…, then the confirmation dialog, where the name must be typed. */
  async startDelete(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'More actions' }).click();
    await this.page.getByRole('menuitem', { name: 'Delete merchant…' }).click();
    const dialog = this.page.getByRole('alertdialog');
    await dialog.waitFor();
    return dialog;
  }

  async connectCart(): Promise<void> {
    await this.page.getByRole('link', { name: 'Connect a cart' }).click();
  }

  /** A cart listed on the merchant's page. */
  cartLink(name: string): Locator {
    return this.page.getByRole('region', { name: 'Carts' }).getByRole('link', { name });
  }
}
