import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inventoryFileProfileSchema } from '../../../../shared/schemas/csv-profile.js';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { FORMAT_PRESETS } from '../../../../shared/format-presets.js';
import { FORMAT_PROFILE_SCHEMAS } from '../../../../shared/schemas/file-format.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { rejection } from '../../../support/rejection.js';

describe('file formats through the API', () => {
  let t: TestEngine;
  let merchantId: number;
  beforeEach(async () => {
    t = await startTestEngine();
    await t.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await t.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME' })).id;
    await t.call('wms.save', { settings: defaultCsvWmsSettings({ kind: 'folder', path: t.dataDir }), secrets: {} });
  });
  afterEach(async () => {
    await t.close();
  });

  const formatsOf = async (kind?: 'order' | 'confirmation' | 'inventory') => t.call('formats.list', kind ? { kind } : {});

  it('gives a WMS setup saved with embedded formats three saved formats it uses, and saving it again makes no more', async () => {
    const list = await formatsOf();
    expect(list.map((f) => [f.kind, f.name, f.usedBy.wms])).toEqual([
      ['order', 'Warehouse order file', true],
      ['confirmation', 'Warehouse confirmation file', true],
      ['inventory', 'Warehouse inventory file', true],
    ]);
    const wms = await t.call('wms.get', {});
    expect(wms.settings?.formats).toEqual({ order: list[0].id, confirmation: list[1].id, inventory: list[2].id });
    expect(wms.settings).not.toHaveProperty('orderProfile');
    await t.call('wms.save', { settings: defaultCsvWmsSettings({ kind: 'folder', path: t.dataDir }), secrets: {} });
    await t.call('wms.save', { settings: wms.settings!, secrets: {} });
    expect(await formatsOf()).toHaveLength(3);
  });

  it('lists every preset as a profile its kind\'s schema accepts, at least three per kind', async () => {
    const presets = await t.call('formats.presets', {});
    expect(presets).toHaveLength(FORMAT_PRESETS.length);
    for (const kind of ['order', 'confirmation', 'inventory'] as const) {
      const ofKind = presets.filter((p) => p.kind === kind);
      expect(ofKind.length).toBeGreaterThanOrEqual(3);
      for (const p of ofKind) expect(FORMAT_PROFILE_SCHEMAS[kind].safeParse(p.profile).success, p.key).toBe(true);
    }
    expect((await t.call('formats.presets', { kind: 'inventory' })).map((p) => p.key)).toContain('inventory-semicolon-location');
  });

  it('copies a preset into a new format (the preset stays as it was) and a taken name gets " (2)"', async () => {
    const first = await t.call('formats.copy', { from: { preset: 'inventory-semicolon-location' } });
    expect(first).toMatchObject({ kind: 'inventory', name: 'sku;on_hand;location', preset: 'inventory-semicolon-location', usedBy: { wms: false, merchants: [] } });
    const second = await t.call('formats.copy', { from: { preset: 'inventory-semicolon-location' } });
    expect(second.name).toBe('sku;on_hand;location (2)');
    const edited = await t.call('formats.save', { id: first.id, kind: 'inventory', name: 'Stock by bin', profile: { delimiter: ';', headerRow: true, columns: { sku: 'item', quantity: 'on_hand' } } });
    // Saved as the schema reads it: plain column names become columns with no transforms.
    expect(edited.profile).toEqual(inventoryFileProfileSchema.parse({ delimiter: ';', headerRow: true, columns: { sku: 'item', quantity: 'on_hand' } }));
    expect(FORMAT_PRESETS.find((p) => p.key === 'inventory-semicolon-location')?.profile).toMatchObject({ columns: { sku: 'sku', quantity: 'on_hand', location: 'location' } });
    const copy = await t.call('formats.copy', { from: { formatId: edited.id } });
    expect(copy).toMatchObject({ name: 'Stock by bin (copy)', profile: edited.profile });
    await expect(rejection(t.call('formats.copy', { from: { preset: 'no-such-layout' } }))).resolves.toMatchObject({ kind: 'not_found' });
  });

  it('refuses a profile its kind\'s schema refuses, with each problem in words on its path', async () => {
    const err = await rejection(
      t.callRaw('formats.save', {
        kind: 'order',
        name: 'Broken',
        profile: { name: 'Broken', columns: [{ header: 'SKU', source: { kind: 'field', field: 'line.colour' } }], delimiter: 'x' },
      }),
    );
    expect(err.kind).toBe('validation');
    expect(Object.keys(err.fields ?? {})).toEqual(expect.arrayContaining(['profile.delimiter', 'profile.columns.0.source.field']));
    expect(Object.values(err.fields ?? {}).join(' ')).not.toMatch(/expected|received/i);
    const inventory = await rejection(t.callRaw('formats.save', { kind: 'inventory', name: 'No quantity', profile: { columns: { sku: 'SKU' } } }));
    expect(inventory.fields).toHaveProperty(['profile.columns.quantity']);
    expect(await formatsOf()).toHaveLength(3);
  });

  it('refuses a name the kind already has (without regard to case) and a change of kind', async () => {
    const [order] = await formatsOf('order');
    const clash = await rejection(t.call('formats.save', { kind: 'order', name: 'WAREHOUSE ORDER FILE', profile: FORMAT_PRESETS[1].profile as never }));
    expect(clash.fields?.name).toBe('An order file format named "Warehouse order file" already exists: choose another name');
    const kind = await rejection(t.call('formats.save', { id: order.id, kind: 'inventory', name: 'x', profile: { delimiter: ',', headerRow: true, columns: { sku: 1, quantity: 2 } } }));
    expect(kind.fields?.kind).toMatch(/keeps its kind/);
    // The same name in another kind is fine.
    await t.call('formats.save', { kind: 'inventory', name: 'Warehouse order file', profile: { delimiter: ',', headerRow: true, columns: { sku: 1, quantity: 2 } } });
  });

  it('refuses to delete a format the WMS setup or a merchant uses, naming who, and deletes it once nobody does', async () => {
    const [warehouse] = await formatsOf('order');
    const refused = await rejection(t.call('formats.delete', { id: warehouse.id }));
    expect(refused.kind).toBe('conflict');
    expect(refused.message).toContain('the WMS setup');

    const mine = await t.call('formats.copy', { from: { preset: 'order-horizontal-10-items' } });
    const acme = await t.call('merchants.get', { id: merchantId });
    await t.call('merchants.update', { id: merchantId, merchant: { name: acme.name, code: acme.code, fileFormats: { order: mine.id } } });
    expect((await t.call('merchants.get', { id: merchantId })).fileFormats).toEqual({ order: mine.id });
    expect((await t.call('formats.get', { id: mine.id })).usedBy).toEqual({ wms: false, merchants: [{ id: merchantId, name: 'Acme Outfitters' }] });
    const inUse = await rejection(t.call('formats.delete', { id: mine.id }));
    expect(inUse.message).toBe('"One row per order, 10 item slots" is in use by the merchant Acme Outfitters: choose another order file format there first, then delete it');

    // Left out on update: as saved. An empty set: back to the warehouse's.
    await t.call('merchants.update', { id: merchantId, merchant: { name: acme.name, code: acme.code } });
    expect((await t.call('merchants.get', { id: merchantId })).fileFormats).toEqual({ order: mine.id });
    await t.call('merchants.update', { id: merchantId, merchant: { name: acme.name, code: acme.code, fileFormats: {} } });
    await t.call('formats.delete', { id: mine.id });
    expect((await formatsOf('order')).map((f) => f.id)).toEqual([warehouse.id]);
  });

  it('refuses format ids that name no format of their kind, on the WMS setup and on a merchant', async () => {
    const [, confirmation] = await formatsOf();
    const onMerchant = await rejection(t.call('merchants.update', { id: merchantId, merchant: { name: 'Acme Outfitters', code: 'ACME', fileFormats: { order: confirmation.id } } }));
    expect(onMerchant.fields?.['merchant.fileFormats.order']).toBe('"Warehouse confirmation file" is a confirmation file format, not an order file format');
    const onCreate = await rejection(t.call('merchants.create', { name: 'Beta', code: 'BETA', fileFormats: { inventory: 999 } }));
    expect(onCreate.fields?.['fileFormats.inventory']).toMatch(/No saved inventory file format has id 999/);
    expect((await t.call('merchants.list', {})).map((m) => m.code)).toEqual(['ACME']);
    const wms = await t.call('wms.get', {});
    const onWms = await rejection(t.call('wms.save', { settings: { ...wms.settings!, formats: { ...wms.settings!.formats, inventory: 999 } }, secrets: {} }));
    expect(onWms.fields?.['settings.formats.inventory']).toMatch(/No saved inventory file format/);
  });

  it('exports formats as versioned JSON and imports the export back, renaming clashes with " (2)"', async () => {
    const one = await t.call('formats.export', { id: (await formatsOf('inventory'))[0].id });
    expect(one.count).toBe(1);
    expect(one.fileName).toBe('format-Warehouse-inventory-file.json');
    const all = await t.call('formats.export', {});
    const file = JSON.parse(all.text) as { version: number; formats: { kind: string; name: string }[] };
    expect(file.version).toBe(1);
    expect(file.formats.map((f) => f.name)).toEqual(['Warehouse order file', 'Warehouse confirmation file', 'Warehouse inventory file']);

    const report = await t.call('formats.import', { text: all.text });
    expect(report.refused).toEqual([]);
    expect(report.imported.map((f) => f.name)).toEqual(['Warehouse order file (2)', 'Warehouse confirmation file (2)', 'Warehouse inventory file (2)']);
    expect(report.renamed).toContainEqual({ from: 'Warehouse order file', to: 'Warehouse order file (2)' });
    const imported = await t.call('formats.get', { id: report.imported[0].id });
    expect(imported.profile).toMatchObject({ name: 'Warehouse order file (2)', columns: (await t.call('formats.get', { id: (await formatsOf('order'))[0].id })).profile.columns as never });
  });

  it('imports nothing when one format of the file is refused, and says which and why', async () => {
    const all = JSON.parse((await t.call('formats.export', {})).text) as { formats: Record<string, unknown>[] };
    all.formats.push({ kind: 'confirmation', name: 'No order number', profile: { columns: { sku: 'SKU', quantity: 'Qty', trackingNumber: 'Tracking', shipDate: 'Date' } } });
    all.formats.push({ kind: 'pallet', name: 'Pallets', profile: {} });
    const report = await t.call('formats.import', { text: JSON.stringify(all) });
    expect(report.imported).toEqual([]);
    expect(report.refused.map((r) => [r.index, r.kind, r.name])).toEqual([
      [3, 'confirmation', 'No order number'],
      [4, 'pallet', 'Pallets'],
    ]);
    expect(report.refused[0].reasons.join(' ')).toContain('profile.columns.orderNumber');
    expect(report.refused[1].reasons.join(' ')).toMatch(/^kind: /);
    expect(await formatsOf()).toHaveLength(3);

    const notJson = await rejection(t.call('formats.import', { text: 'order,sku\n1,2' }));
    expect(notJson.fields?.text).toBe('This file is not a Dockhand formats file: it is not JSON');
    const future = await rejection(t.call('formats.import', { text: JSON.stringify({ version: 2, formats: [] }) }));
    expect(future.fields?.text).toMatch(/version 1/);
  });
});
