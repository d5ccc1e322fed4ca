import type { Locator, Page } from 'playwright-core';

/** The Files screen: the kept files table, its filters, and the panel of an opened file. */
export class FilesPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto(new URL('#/files', this.page.url()).toString());
    await this.page.getByRole('heading', { name: 'Files', level: 1 }).waitFor();
  }

  /** Table rows whose text contains `text`. */
  rows(text: string | RegExp): Locator {
    return this.page.getByRole('table', { name: 'Files' }).getByRole('row').filter({ hasText: text });
  }

  async filterDirection(label: 'Sent and received' | 'Sent' | 'Received'): Promise<void> {
    await this.page.getByLabel('Direction').selectOption({ label });
  }

  async open(name: string): Promise<void> {
    await this.page.getByRole('table', { name: 'Files' }).getByRole('button', { name, exact: true }).click();
    await this.page.getByRole('heading', { name, level: 2 }).waitFor();
  }

  content(name: string): Locator {
    return this.page.getByLabel(`Content of ${name}`);
  }

  downloadButton(): Locator {
    return this.page.getByRole('button', { name: 'Download' });
  }
}
