import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../shared/csv-defaults.js';
import { FormatsPage } from './pages/formats-page.js';
import { MerchantFormPage } from './pages/merchants-page.js';
import { WmsPage } from './pages/wms-page.js';
import { startApp, type AppUnderTest } from './support/app.js';

/**
 * File formats as a person manages them: copy a preset, choose it for one merchant, export every format
 * and import the export back (names taken get " (2)"); a format in use cannot be deleted, and a file with
 * one bad format imports nothing and says why. The tests run in order on one app.
 */
describe('the File formats screen and a merchant\'s own formats', () => {
  let app: AppUnderTest;
  let formats: FormatsPage;
  let merchantId: number;
  let exported: string;
  const PRESET = 'One row per order, 10 item slots';

  beforeAll(async () => {
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    await app.call('wms.save', { settings: defaultCsvWmsSettings({ kind: 'folder', path: app.dataDir }), secrets: {} });
    merchantId = (await app.call('merchants.create', { name: 'Acme Outdoor', code: 'ACME' })).id;
    await app.page.reload();
    formats = new FormatsPage(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the warehouse\'s formats and copies a preset into a new saved format', async () => {
    await formats.goto();
    await expect.poll(() => formats.row('order file', 'Warehouse order file').textContent()).toContain('WMS setup');
    await formats.usePreset('Order files', PRESET);
    await formats.message(`Saved the preset as "${PRESET}"`).waitFor();
    await formats.row('order file', PRESET).waitFor();
    await expect.poll(() => formats.row('order file', PRESET).textContent()).toContain('Not used');
    await app.screenshot('formats');
  });

  it('refuses to delete the format the WMS setup uses, saying who uses it', async () => {
    await formats.delete('Warehouse order file');
    await formats.message('is in use by the WMS setup').waitFor();
    expect((await app.call('formats.list', { kind: 'order' })).map((f) => f.name)).toContain('Warehouse order file');
  });

  it('chooses the copy for one merchant on its page, which the formats list then shows', async () => {
    const form = new MerchantFormPage(app.page);
    await form.goto(merchantId);
    await app.page.getByRole('form', { name: 'Merchant' }).getByText('File formats', { exact: true }).click();
    await app.page.getByLabel('Order file format', { exact: true }).selectOption({ label: PRESET });
    await form.save();
    await form.banner('Merchant saved').waitFor();
    const copy = (await app.call('formats.list', { kind: 'order' })).find((f) => f.name === PRESET)!;
    expect((await app.call('merchants.get', { id: merchantId })).fileFormats).toEqual({ order: copy.id });
    await formats.goto();
    await expect.poll(() => formats.row('order file', PRESET).textContent()).toContain('Acme Outdoor');
  });

  it('exports every format and imports the export back, renaming the names taken', async () => {
    const download = await formats.exportAll();
    exported = join(app.dataDir, 'exported-formats.json');
    await download.saveAs(exported);
    const file = JSON.parse(await readFile(exported, 'utf8')) as { version: number; formats: { name: string }[] };
    expect(file.version).toBe(1);
    expect(file.formats.map((f) => f.name)).toContain(PRESET);

    await formats.importFile(exported);
    await formats.message(`Imported ${file.formats.length} formats`).waitFor();
    await formats.message(`imported as “${PRESET} (2)”`).waitFor();
    await formats.row('order file', `${PRESET} (2)`).waitFor();
    expect(await app.call('formats.list', {})).toHaveLength(file.formats.length * 2);
    await app.screenshot('formats-imported');
  });

  it('imports nothing from a file with one refused format, and names it with the reason', async () => {
    const file = JSON.parse(await readFile(exported, 'utf8')) as { formats: Record<string, unknown>[] };
    file.formats.push({ kind: 'inventory', name: 'Half a format', profile: { columns: { sku: 'SKU' } } });
    const broken = join(app.dataDir, 'broken-formats.json');
    await writeFile(broken, JSON.stringify(file));
    const before = (await app.call('formats.list', {})).length;
    await formats.importFile(broken);
    await formats.message('Nothing was imported from broken-formats.json').waitFor();
    await formats.message(/"Half a format" \(inventory\): profile\.columns\.quantity/).waitFor();
    expect(await app.call('formats.list', {})).toHaveLength(before);
  });

  it('has the WMS setup copy a preset when one is picked, and use the copy once saved', async () => {
    const wms = new WmsPage(app.page);
    await wms.goto();
    await expect.poll(() => wms.field('Order file format').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Warehouse order file');
    await wms.field('Inventory file format').selectOption({ label: 'Copy preset: sku;on_hand;location' });
    await expect.poll(() => wms.field('Inventory file format').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('sku;on_hand;location');
    await wms.save();
    await wms.top().getByText('WMS setup saved').waitFor();
    const copy = (await app.call('formats.list', { kind: 'inventory' })).find((f) => f.name === 'sku;on_hand;location')!;
    expect((await app.call('wms.get', {})).settings?.formats?.inventory).toBe(copy.id);
    expect(copy.preset).toBe('inventory-semicolon-location');
    await app.screenshot('wms-file-formats');
  });
});
