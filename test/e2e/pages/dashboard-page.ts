import type { Locator, Page } from 'playwright-core';

/** The dashboard: orders by bucket ("what waits for whom") and each merchant's connections. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto(new URL('#/', this.page.url()).toString());
    await this.heading.waitFor();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Dashboard', level: 1 });
  }

  /** The number in a bucket card ("Done", "To deliver", ...) or "All orders"; null while not shown. */
  async bucketCount(label: string): Promise<number | null> {
    const card = this.page.getByLabel(new RegExp(`^${label}: \\d+$`));
    if ((await card.count()) === 0) return null;
    const text = (await card.first().getAttribute('aria-label')) ?? '';
    return Number(text.slice(text.lastIndexOf(':') + 1));
  }

  merchant(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  /** The row of one connection ("Demo store", "Warehouse side") in a merchant's table. */
  connectionRow(merchant: string, connection: string): Locator {
    return this.merchant(merchant).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(connection) }) });
  }
}
