import type { Locator, Page } from 'playwright-core';

/** The Orders list and one order's detail, as a user reads and acts on them. */
export class OrdersPage {
  constructor(readonly page: Page) {}

  async goto(query: Record<string, string | number> = {}): Promise<void> {
    const text = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
    await this.page.goto(new URL(`#/orders${text ? `?${text}` : ''}`, this.page.url()).toString());
    await this.page.getByRole('heading', { name: 'Orders', exact: true }).waitFor();
  }

  async filterByStatus(label: string): Promise<void> {
    await this.page.getByLabel('Status', { exact: true }).selectOption({ label });
  }

  async filterByCart(label: string): Promise<void> {
    await this.page.getByLabel('Cart', { exact: true }).selectOption({ label });
  }

  async search(text: string): Promise<void> {
    const box = this.page.getByRole('searchbox', { name: 'Search' });
    await box.fill(text);
    await box.press('Enter');
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Orders' });
  }

  /** The body rows of the orders table. */
  rows(): Locator {
    return this.table.locator('tbody tr');
  }

  row(orderNumber: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('link', { name: orderNumber, exact: true }) });
  }

  /** The order numbers on the current page, in order. */
  async orderNumbers(): Promise<string[]> {
    if (!(await this.table.isVisible())) return [];
    return this.rows().locator('td:first-child a').allTextContents();
  }

  emptyState(): Locator {
    return this.page.locator('.state--empty');
  }

  async openOrder(orderNumber: string): Promise<OrderDetailPage> {
    await this.row(orderNumber).getByRole('link', { name: orderNumber, exact: true }).click();
    const detail = new OrderDetailPage(this.page);
    await detail.heading(orderNumber).waitFor();
    return detail;
  }
}

export class OrderDetailPage {
  constructor(readonly page: Page) {}

  heading(orderNumber: string): Locator {
    return this.page.getByRole('heading', { name: new RegExp(`^Order ${orderNumber}\\b`) });
  }

  status(): Locator {
    return this.page.getByRole('heading', { level: 1 }).locator('.badge');
  }

  historyEntries(): Locator {
    return this.page.getByRole('list', { name: 'History' }).getByRole('listitem');
  }

  lines(): Locator {
    return this.page.getByRole('table', { name: 'Lines' }).locator('tbody tr');
  }

  /** The "Shipped" cell of each line ("1 of 3"), in line order. */
  async shippedCells(): Promise<string[]> {
    const table = this.page.getByRole('table', { name: 'Lines' });
    const headers = await table.locator('thead th').allTextContents();
    const column = headers.indexOf('Shipped');
    return table.locator(`tbody tr td:nth-child(${column + 1})`).allTextContents();
  }

  action(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async hold(reason: string): Promise<void> {
    await this.action('Hold…').click();
    await this.page.getByLabel('Reason for the hold').fill(reason);
    await this.page.getByRole('button', { name: 'Put on hold' }).click();
  }
}
