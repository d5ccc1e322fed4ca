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

  /** The "Set up myself" checklist (absent once done or dismissed). */
  checklist(): Locator {
    return this.page.getByRole('region', { name: 'Set up Dockhand' });
  }

  /** One step of the checklist by its title: a link to its screen. */
  checklistStep(title: string | RegExp): Locator {
    return this.checklist().getByRole('link', { name: title });
  }

  /** The checklist's steps done, by their data-step key (warehouse, merchant, store, ship_methods, services). */
  async checklistDone(): Promise<string[]> {
    return this.checklist().locator('[data-done="true"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-step') ?? ''));
  }
}
