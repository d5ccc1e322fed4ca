import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfirmationFileProfile, OrderFileProfile } from '../../shared/schemas/csv-profile.js';
import { FormatDesignerPage } from './pages/format-designer-page.js';
import { FormatsPage } from './pages/formats-page.js';
import { startApp, type AppUnderTest } from './support/app.js';

/**
 * The format designer as a person uses it: a preset copied and opened, a column with a cut transform added
 * and seen in the live preview of the demo orders, a bad cut length shown on its field, the format saved; then
 * a confirmation format started from a sample file, its columns mapped, a bad row marked in the preview, saved.
 * The tests run in order on one app.
 */
describe('the format designer', () => {
  let app: AppUnderTest;
  let formats: FormatsPage;
  let designer: FormatDesignerPage;
  const PRESET = 'One row per line, ship-to in separate columns';

  beforeAll(async () => {
    app = await startApp();
    const { cartId } = await app.call('demo.setup', {});
    const download = await app.call('services.runNow', { service: 'order_download', targetId: cartId });
    expect(download.counts.new).toBeGreaterThan(0);
    await app.page.reload();
    formats = new FormatsPage(app.page);
    designer = new FormatDesignerPage(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('copies a preset, opens it, adds a column cut to 2 characters and sees the preview change', async () => {
    await formats.goto();
    await formats.usePreset('Order files', PRESET);
    await formats.row('order file', PRESET).waitFor();
    await designer.open(PRESET);
    await designer.previewTable().waitFor();
    const saved = (await app.call('formats.list', { kind: 'order' })).find((f) => f.name === PRESET)!;
    const count = ((await app.call('formats.get', { id: saved.id })).profile as OrderFileProfile).columns.length;
    expect(await designer.previewColumn('New column')).toEqual([]);

    await app.page.getByRole('button', { name: 'Add a column' }).click();
    const column = designer.column(count + 1, 'New column');
    await designer.addTransform(column, count + 1, 'Cut to a length');
    await column.getByLabel('Length').fill('2');
    // The preview follows the edits: every cell of the new column cut to 2 characters.
    await expect.poll(async () => (await designer.previewColumn('New column')).map((c) => c.length)).toEqual(expect.arrayContaining([2]));
    await expect.poll(async () => new Set((await designer.previewColumn('New column')).map((c) => c.length))).toEqual(new Set([2]));
    await app.page.getByRole('button', { name: 'Raw text' }).click();
    await expect.poll(() => app.page.getByLabel('Preview raw text').textContent()).toContain('New column');
    await app.screenshot('format-designer');

    // Leaving with changes not saved asks first; staying keeps them.
    await app.page.getByRole('link', { name: '← File formats' }).click();
    const dialog = app.page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await column.getByLabel('Length').waitFor();
  });

  it('shows a cut length of 0 on its own field, then saves the format once it is fixed', async () => {
    const saved = (await app.call('formats.list', { kind: 'order' })).find((f) => f.name === PRESET)!;
    const count = ((await app.call('formats.get', { id: saved.id })).profile as OrderFileProfile).columns.length;
    const column = designer.column(count + 1, 'New column');
    const length = column.getByLabel('Length');
    await length.fill('0');
    // Shown on the field as it is typed; the preview waits for it to be fixed.
    await expect.poll(() => length.getAttribute('aria-invalid')).toBe('true');
    await designer.message('Fix the marked fields to see the preview').waitFor();
    await designer.save();
    await designer.message('Some fields need attention').waitFor();
    await expect.poll(() => length.getAttribute('aria-invalid')).toBe('true');
    await column.locator('.field--invalid .field__error').waitFor();
    expect(((await app.call('formats.get', { id: saved.id })).profile as OrderFileProfile).columns).toHaveLength(count);

    await length.fill('2');
    await designer.save();
    await designer.message(`Saved "${PRESET}"`).waitFor();
    const profile = (await app.call('formats.get', { id: saved.id })).profile as OrderFileProfile;
    expect(profile.columns.at(-1)).toEqual({ header: 'New column', source: { kind: 'field', field: 'orderNumber' }, transforms: [{ kind: 'cut', length: 2 }] });
  });

  it('starts a confirmation format from a sample file, maps its columns, marks the bad row and saves it', async () => {
    const sample = join(app.dataDir, 'wms-confirmations.csv');
    await writeFile(sample, 'Order No;Item;Qty;Tracking #;Shipped\r\n1001;A-1;2;1Z001;2026-11-27\r\n1002;B-2;1;1Z002;27/11/2026\r\n1003;C-3;1;1Z003;2026-11-28\r\n');
    await designer.gotoNewFromSample();
    await app.page.getByLabel('Kind of file').selectOption({ label: 'Shipment confirmation files' });
    await app.page.getByLabel('Sample file', { exact: true }).setInputFiles(sample);
    await designer.message('semicolon-separated, with a header row').waitFor();
    // "Item" is not a word the guess knows for SKU: the person chooses it.
    await app.page.getByLabel('Field of Item').selectOption({ label: 'SKU' });
    expect(await app.page.getByLabel('Field of Order No').inputValue()).toBe('orderNumber');
    expect(await app.page.getByLabel('Field of Shipped').inputValue()).toBe('shipDate');
    await app.page.getByRole('list', { name: 'Problems on line 3' }).waitFor();
    await expect.poll(() => app.page.getByRole('list', { name: 'Problems on line 3' }).textContent()).toContain('Shipped');
    expect(await app.page.getByRole('list', { name: /Problems on line [24]/ }).count()).toBe(0);
    // The cell at fault is marked in place, in its row and column.
    expect(await designer.previewTable().locator('td.format-designer__bad-cell').allTextContents()).toEqual(['27/11/2026']);
    await app.page.getByLabel('Name', { exact: true }).fill('Acme WMS confirmations');
    await app.screenshot('format-from-sample');
    await designer.save();
    await app.page.getByRole('form', { name: 'Edit Acme WMS confirmations' }).waitFor();
    const saved = (await app.call('formats.list', { kind: 'confirmation' })).find((f) => f.name === 'Acme WMS confirmations')!;
    const profile = (await app.call('formats.get', { id: saved.id })).profile as ConfirmationFileProfile;
    expect(profile).toMatchObject({ delimiter: ';', headerRow: true });
    expect(profile.columns.sku).toEqual({ source: { kind: 'column', column: 'Item' }, transforms: [] });
    expect(profile.columns.shipDate).toMatchObject({ source: { kind: 'column', column: 'Shipped' }, transforms: [{ kind: 'date', format: 'YYYY-MM-DD' }] });
  });
});
