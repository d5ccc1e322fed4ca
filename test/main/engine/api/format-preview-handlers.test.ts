import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import type { ConfirmationFileProfile, OrderFileProfile } from '../../../../shared/schemas/csv-profile.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { rejection } from '../../../support/rejection.js';

const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

/** Every file under a folder, by path. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('formats.preview: a draft order format tried on the orders in the database', () => {
  let t: TestEngine;
  let merchantId: number;
  let wmsFolder: string;
  beforeEach(async () => {
    t = await startTestEngine();
    ({ merchantId } = await t.call('demo.setup', {}));
    wmsFolder = path.join(t.dataDir, 'wms');
    await mkdir(wmsFolder, { recursive: true });
    await t.call('wms.save', { settings: defaultCsvWmsSettings({ kind: 'folder', path: wmsFolder }), secrets: {} });
  });
  afterEach(async () => {
    await t.close();
  });

  it('gives the same bytes the delivery then writes with that format, for the same orders', async () => {
    const download = await t.call('services.runNow', { service: 'order_download', targetId: (await t.call('carts.list', { merchantId }))[0].id });
    expect(download.counts.new).toBe(5);
    const wms = await t.call('wms.get', {});
    const saved = await t.call('formats.get', { id: wms.settings!.formats!.order! });
    // The batch id is the one value a preview cannot know (no batch exists yet): the format leaves it out, and
    // gets a column with a cut transform, as the designer adds one.
    const profile = saved.profile as OrderFileProfile;
    const draft: OrderFileProfile = {
      ...profile,
      columns: [
        ...profile.columns.filter((c) => !(c.source.kind === 'field' && c.source.field === 'batchId')),
        { header: 'Short name', source: { kind: 'field', field: 'shipTo.lastName' }, transforms: [{ kind: 'cut', length: 3 }] },
      ],
    };
    const preview = await t.call('formats.preview', { kind: 'order', profile: draft, orders: 5 });
    expect(preview.orders).toEqual({ used: 5, rejected: [] });
    expect(preview.header).toContain('Short name');
    expect(preview.rows.length).toBeGreaterThanOrEqual(5);
    const shortNames = preview.rows.map((r) => r.cells[preview.header!.indexOf('Short name')]);
    expect(shortNames.every((n) => n.length <= 3)).toBe(true);
    expect(shortNames.some((n) => n.length === 3)).toBe(true);

    await t.call('formats.save', { id: saved.id, kind: 'order', name: saved.name, profile: draft });
    const delivery = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(delivery.status, JSON.stringify(delivery)).toBe('ok');
    const [file] = (await filesUnder(wmsFolder)).filter((f) => /orders-.*\.csv$/.test(f));
    expect(file).toBeDefined();
    expect(preview.truncated).toBe(false);
    expect(Buffer.from(preview.text, 'utf8').equals(await readFile(file))).toBe(true);
  });

  it('shows a header-only file, not an error, when there are no orders yet', async () => {
    const wms = await t.call('wms.get', {});
    const saved = await t.call('formats.get', { id: wms.settings!.formats!.order! });
    const preview = await t.call('formats.preview', { kind: 'order', profile: saved.profile as OrderFileProfile });
    expect(preview.orders?.used).toBe(0);
    expect(preview.rows).toEqual([]);
    expect(preview.header?.length).toBe((saved.profile as OrderFileProfile).columns.length);
  });

  it('refuses a cut of length 0 on the transform’s own path, as formats.save does', async () => {
    const wms = await t.call('wms.get', {});
    const saved = await t.call('formats.get', { id: wms.settings!.formats!.order! });
    const profile = saved.profile as OrderFileProfile;
    const bad = { ...profile, columns: [...profile.columns, { header: 'X', source: { kind: 'field' as const, field: 'orderNumber' }, transforms: [{ kind: 'cut' as const, length: 0 }] }] };
    const index = bad.columns.length - 1;
    const err = await rejection(t.call('formats.preview', { kind: 'order', profile: bad }));
    expect(Object.keys(err.fields ?? {})).toEqual([`profile.columns.${index}.transforms.0.length`]);
    const onSave = await rejection(t.call('formats.save', { id: saved.id, kind: 'order', name: saved.name, profile: bad }));
    expect(Object.keys(onSave.fields ?? {})).toEqual([`profile.columns.${index}.transforms.0.length`]);
  });
});

describe('formats.preview and formats.sniff: a sample inbound file read with a draft format', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await startTestEngine();
  });
  afterEach(async () => {
    await t.close();
  });

  const confirmation: ConfirmationFileProfile = {
    delimiter: ';',
    headerRow: true,
    encoding: 'auto',
    rowsAre: 'items',
    groupBy: 'orderAndTracking',
    timeZone: 'UTC',
    columns: {
      orderNumber: { source: { kind: 'column', column: 'Order' }, transforms: [] },
      sku: { source: { kind: 'column', column: 'SKU' }, transforms: [] },
      quantity: { source: { kind: 'column', column: 'Qty' }, transforms: [] },
      trackingNumber: { source: { kind: 'column', column: 'Tracking' }, transforms: [] },
      shipDate: { source: { kind: 'column', column: 'Shipped' }, transforms: [{ kind: 'date', format: 'YYYY-MM-DD' }] },
    },
  };
  const sample = 'Order;SKU;Qty;Tracking;Shipped\r\n1001;A-1;2;1Z001;2026-11-27\r\n1002;B-2;1;1Z002;27/11/2026\r\n1003;C-3;1;1Z003;2026-11-28\r\n';

  it('reports a row with a bad date at its line and column, and reads the others', async () => {
    const preview = await t.call('formats.preview', { kind: 'confirmation', profile: confirmation, sample: base64(sample) });
    expect(preview.header).toEqual(['Order', 'SKU', 'Qty', 'Tracking', 'Shipped']);
    expect(preview.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(preview.goodRows).toBe(2);
    expect(preview.problems).toHaveLength(1);
    expect(preview.problems[0]).toMatchObject({ line: 3, column: 'Shipped' });
    expect(preview.problems[0].reason).toMatch(/ship date/i);
    expect(preview.problems[0].reason).toContain('27/11/2026');
  });

  it('reports a file the format cannot read at all (a column it names is missing) as one problem, not a failure', async () => {
    const preview = await t.call('formats.preview', { kind: 'confirmation', profile: confirmation, sample: base64('Order;SKU\r\n1001;A-1\r\n') });
    expect(preview.goodRows).toBe(0);
    expect(preview.problems).toHaveLength(1);
    expect(preview.problems[0].reason).toMatch(/Qty|Tracking|Shipped/);
  });

  it('detects a sample’s delimiter, header row and encoding, and lists its columns with sample values', async () => {
    const latin = Buffer.from('Bestellung;Menge;Straße\r\n1001;2;Hauptstraße 1\r\n1002;1;Ölweg 2\r\n', 'latin1');
    const sniffed = await t.call('formats.sniff', { sample: base64(latin) });
    expect(sniffed).toMatchObject({ delimiter: ';', headerRow: true, encoding: 'windows-1252' });
    expect(sniffed.columns.map((c) => c.header)).toEqual(['Bestellung', 'Menge', 'Straße']);
    expect(sniffed.columns[2].samples).toEqual(['Hauptstraße 1', 'Ölweg 2']);
  });

  it('refuses an empty sample file in words', async () => {
    const err = await rejection(t.call('formats.sniff', { sample: base64('   ') }));
    expect(err.kind).toBe('validation');
    expect(err.fields?.sample).toBeTruthy();
  });
});
