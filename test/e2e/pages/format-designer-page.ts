import type { Locator, Page } from 'playwright-core';

/** The format designer: a saved format's edit page (#/formats/:id) and a new format from a sample file. */
export class FormatDesignerPage {
  constructor(private readonly page: Page) {}

  /** Opens a saved format from the File formats list by its name's link. */
  async open(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('form', { name: `Edit ${name}` }).waitFor();
  }

  async gotoNewFromSample(): Promise<void> {
    await this.page.goto(new URL('#/formats/new-from-sample', this.page.url()).toString());
    await this.page.getByRole('heading', { level: 1, name: 'New format from a sample file' }).waitFor();
  }

  /** An order file's column by its number and header ("Column 9: New column"). */
  column(n: number, header: string): Locator {
    return this.page.getByRole('listitem', { name: `Column ${n}: ${header}` });
  }

  /** Adds a transform of a kind ("Cut to a length") to an order file's column. */
  async addTransform(column: Locator, n: number, label: string): Promise<void> {
    await column.getByLabel(`Add a transform to column ${n}`).selectOption({ label });
    await column.getByRole('button', { name: 'Add transform' }).click();
  }

  previewTable(): Locator {
    return this.page.getByRole('table', { name: 'Preview rows' });
  }

  /** The preview's cells under a header, as text. */
  async previewColumn(header: string): Promise<string[]> {
    const table = this.previewTable();
    const headers = await table.locator('thead th').allTextContents();
    const at = headers.indexOf(header);
    if (at < 0) return [];
    return table.locator(`tbody tr td:nth-child(${at + 1})`).allTextContents();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /^Save/ }).click();
  }

  message(text: string | RegExp): Locator {
    return this.page.getByRole('status').or(this.page.getByRole('alert')).filter({ hasText: text }).first();
  }
}
