import type { Locator, Page } from 'playwright-core';

/** The Ship methods screen as a user works it: the WMS list, the CSV import, the per-cart mapping. */
export class ShipMethodsPage {
  constructor(readonly page: Page) {}

  async goto(cartId?: number): Promise<void> {
    await this.page.goto(new URL(cartId ? `#/ship-methods?cart=${cartId}` : '#/ship-methods', this.page.url()).toString());
    await this.page.getByRole('heading', { name: 'WMS ship methods' }).waitFor();
  }

  get methodsPanel(): Locator {
    return this.page.getByRole('region', { name: 'WMS ship methods' });
  }

  get mappingPanel(): Locator {
    return this.page.getByRole('region', { name: 'Ship codes by cart' });
  }

  /** Adds a row at the end of the table and types into it. */
  async addMethod(code: string, description: string, carrier: string): Promise<void> {
    await this.methodsPanel.getByRole('button', { name: 'Add ship method' }).click();
    const row = await this.methodsPanel.getByRole('textbox', { name: /^Code, row \d+$/ }).count();
    await this.cell('Code', row).fill(code);
    await this.cell('Description', row).fill(description);
    await this.cell('Carrier', row).fill(carrier);
  }

  cell(column: 'Code' | 'Description' | 'Carrier', row: number): Locator {
    return this.methodsPanel.getByRole('textbox', { name: `${column}, row ${row}`, exact: true });
  }

  async removeRow(row: number): Promise<void> {
    await this.methodsPanel.getByRole('button', { name: `Remove row ${row}`, exact: true }).click();
  }

  async importCsv(text: string): Promise<void> {
    if (!(await this.page.getByLabel('CSV text').isVisible())) await this.methodsPanel.getByRole('button', { name: 'Import from CSV' }).click();
    await this.page.getByLabel('CSV text').fill(text);
    await this.page.getByRole('button', { name: 'Import rows' }).click();
  }

  /** The "Line N: reason" items of the rows the import refused. */
  importProblems(): Locator {
    return this.page.getByRole('region', { name: 'Import from CSV' }).getByRole('listitem');
  }

  async save(): Promise<void> {
    await this.methodsPanel.getByRole('button', { name: 'Save ship methods' }).click();
  }

  savedNotice(): Locator {
    return this.methodsPanel.getByRole('status').filter({ hasText: /^Saved \d+ ship method/ });
  }

  /** Chooses the WMS method for a cart code; the screen saves it at once. */
  async mapCode(cartCode: string, wmsCode: string): Promise<void> {
    const select = this.mappingPanel.getByRole('combobox', { name: `WMS ship method for ${cartCode}`, exact: true });
    await select.selectOption(wmsCode);
  }

  mappingRow(cartCode: string): Locator {
    return this.mappingPanel.getByRole('row').filter({ has: this.page.getByRole('combobox', { name: `WMS ship method for ${cartCode}`, exact: true }) });
  }

  heldOrdersLink(cartCode: string): Locator {
    return this.mappingRow(cartCode).getByRole('link', { name: /held order/ });
  }

  async releaseHeld(cartCode: string): Promise<void> {
    await this.mappingRow(cartCode).getByRole('button', { name: /^Release the \d+ held order/ }).click();
    await this.mappingRow(cartCode).getByRole('status').filter({ hasText: /^Released \d+ order/ }).waitFor();
  }
}
