import type { Download, Locator, Page } from 'playwright-core';

/** File formats (#/formats): saved formats per kind, presets, export and import. */
export class FormatsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto(new URL('#/formats', this.page.url()).toString());
    await this.page.getByRole('heading', { level: 1, name: 'File formats' }).waitFor();
  }

  /** A saved format's row in its kind's table ("order", "confirmation file"...). */
  row(noun: string, name: string): Locator {
    return this.page.getByRole('table', { name: `Saved ${noun} formats` }).getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  /** Opens a kind's presets and copies one into a new saved format. */
  async usePreset(kindTitle: string, presetName: string): Promise<void> {
    const section = this.page.getByRole('region', { name: kindTitle });
    await section.getByText(/^Presets/).click();
    await section.getByRole('button', { name: `Use the preset ${presetName}` }).click();
  }

  async delete(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete ${name}`, exact: true }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Delete format' }).click();
  }

  async exportAll(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export all' }).click();
    return download;
  }

  async importFile(path: string): Promise<void> {
    await this.page.getByLabel('Formats file to import').setInputFiles(path);
  }

  message(text: string | RegExp): Locator {
    return this.page.getByRole('status').or(this.page.getByRole('alert')).filter({ hasText: text }).first();
  }
}
