import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvPlugin } from '../../../../../../main/engine/connectors/carts/csv/index.js';
import { MAX_FILES_PER_RUN } from '../../../../../../main/engine/connectors/carts/csv/order-download.js';
import type { ShipmentToUpload } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { readCsvPosition } from '../../../../../../shared/platforms/csv.js';
import { context, downloadAll, localFolder, NO_CREDENTIALS, orderFile, orderRow, settingsFor, type LocalFolder } from './csv-source-world.js';

let disk: LocalFolder;
beforeEach(async () => {
  disk = await localFolder();
});
afterEach(async () => {
  await disk.close();
});

const connect = (extra: Parameters<typeof settingsFor>[1] = {}) =>
  csvPlugin.create(context(), settingsFor({ kind: 'folder', path: disk.root }, extra), NO_CREDENTIALS);

describe('the CSV order source in a local folder', () => {
  it('hands over one page per file and archives a file only on the next download, once its position was saved', async () => {
    await disk.put('in', 'a.csv', orderFile(orderRow('1001', 'MUG-1', '2', '1'), orderRow('1001', 'TEE-2', '1', '2')));
    await disk.put('in', 'b.csv', orderFile(orderRow('1002')));

    const first = await downloadAll(connect(), null);
    expect(first.pages.map((p) => p.orders.map((o) => o.cartOrderId))).toEqual([['1001'], ['1002']]);
    expect(first.pages[0].orders[0].lines.map((l) => l.cartLineId)).toEqual(['1001/1', '1001/2']);
    expect(readCsvPosition(first.pages[0].cursor)?.handed.map((f) => f.name)).toEqual(['a.csv']);
    expect(readCsvPosition(first.position!)?.handed.map((f) => f.name)).toEqual(['a.csv', 'b.csv']);
    // Nothing is archived while the engine may still be saving the pages.
    expect(await disk.names('in')).toEqual(['a.csv', 'b.csv']);

    await disk.put('in', 'c.csv', orderFile(orderRow('1003')));
    const second = await downloadAll(connect(), first.position);
    expect(second.pages.flatMap((p) => p.orders.map((o) => o.cartOrderId))).toEqual(['1003']);
    expect(await disk.names('in/archive')).toEqual(['a.csv', 'b.csv']);
    expect(await disk.names('in')).toEqual(['c.csv']);
  });

  it('does not import a file twice when the download stopped between saving its orders and archiving it', async () => {
    await disk.put('in', 'a.csv', orderFile(orderRow('1001')));
    await disk.put('in', 'b.csv', orderFile(orderRow('1002')));
    const first = await downloadAll(connect(), null);
    // Only the first page was saved when the run stopped: the next run archives a.csv and reads b.csv.
    const resumed = await downloadAll(connect(), first.pages[0].cursor);
    expect(resumed.pages.flatMap((p) => p.orders.map((o) => o.cartOrderId))).toEqual(['1002']);
    expect(await disk.names('in/archive')).toEqual(['a.csv']);
  });

  it('reads a file re-sent under the same name again, its orders under the same cart order ids and a later updated-at', async () => {
    await disk.put('in', 'a.csv', orderFile(orderRow('1001')));
    const first = await downloadAll(connect(), null);
    const second = await downloadAll(connect(), first.position);
    expect(second.pages.flatMap((p) => p.orders)).toEqual([]);
    await disk.put('in', 'a.csv', orderFile(orderRow('1001', 'MUG-1', '3')));
    const third = await downloadAll(connect(), second.position);
    const [again] = third.pages.flatMap((p) => p.orders);
    expect(again.cartOrderId).toBe(first.pages[0].orders[0].cartOrderId);
    expect(again.lines[0].quantity).toBe(3);
    expect(Date.parse(again.updatedAt)).toBeGreaterThan(Date.parse(first.pages[0].orders[0].updatedAt));
  });

  it('hands over the good orders of a file with bad rows (named by file, line and reason) and archives it', async () => {
    await disk.put('in', 'mixed.csv', orderFile(orderRow('1001'), orderRow('1002', 'MUG-1', '-1'), orderRow('1003')));
    const run = await downloadAll(connect(), null);
    expect(run.pages[0].orders.map((o) => o.orderNumber)).toEqual(['1001', '1003']);
    expect(run.pages[0].invalid).toEqual([{ orderNumber: '1002', cartOrderId: '1002', reason: 'Order 1002: mixed.csv line 3: the quantity -1 is negative' }]);
    await downloadAll(connect(), run.position);
    expect(await disk.names('in/archive')).toEqual(['mixed.csv']);
  });

  it('keeps a file whose every row is bad, or that is no table, in the folder and reports it once until it changes', async () => {
    await disk.put('in', 'bad.csv', orderFile(orderRow('1001', '', 'x')));
    await disk.put('in', 'photo.csv', Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]));
    await disk.put('in', 'good.csv', orderFile(orderRow('1002')));
    const first = await downloadAll(connect(), null);
    const reasons = first.pages.flatMap((p) => p.invalid.map((i) => i.reason));
    expect(reasons).toEqual([
      'Order 1001: bad.csv line 2: the SKU is empty; the quantity "x" is not a whole number (no order of bad.csv could be read: the file stays in the folder until it is fixed or taken away)',
      'photo.csv: The file is not a text file (it holds binary data). The file stays in the folder: fix it or take it away',
    ]);
    expect(first.pages.flatMap((p) => p.orders.map((o) => o.orderNumber))).toEqual(['1002']);

    const second = await downloadAll(connect(), first.position);
    expect(second.pages.flatMap((p) => p.invalid)).toEqual([]);
    expect(await disk.names('in')).toEqual(['bad.csv', 'photo.csv']);
    expect(await disk.names('in/archive')).toEqual(['good.csv']);

    await disk.put('in', 'bad.csv', orderFile(orderRow('1001')));
    const third = await downloadAll(connect(), second.position);
    expect(third.pages.flatMap((p) => p.orders.map((o) => o.orderNumber))).toEqual(['1001']);
  });

  it('reads a bounded number of files per run, so the position saved with each page stays small, and the rest on the next run', async () => {
    for (let i = 0; i < MAX_FILES_PER_RUN + 2; i++) await disk.put('in', `f-${String(i).padStart(4, '0')}.csv`, orderFile(orderRow(`N-${i}`)));
    const first = await downloadAll(connect(), null);
    expect(first.pages).toHaveLength(MAX_FILES_PER_RUN);
    const second = await downloadAll(connect(), first.position);
    expect(second.pages.flatMap((p) => p.orders.map((o) => o.orderNumber))).toEqual([`N-${MAX_FILES_PER_RUN}`, `N-${MAX_FILES_PER_RUN + 1}`]);
    expect(await disk.names('in/archive')).toHaveLength(MAX_FILES_PER_RUN);
  });

  it('leaves a file written moments ago for a later run, as it may still be arriving', async () => {
    await disk.put('in', 'growing.csv', orderFile(orderRow('1001')), new Date(Date.now() - 5_000));
    await disk.put('in', 'done.csv', orderFile(orderRow('1002')));
    const run = await downloadAll(connect(), null);
    expect(run.pages.flatMap((p) => p.orders.map((o) => o.orderNumber))).toEqual(['1002']);
    const settled = await downloadAll(connect({ minFileAgeSeconds: 0 }), run.position);
    expect(settled.pages.flatMap((p) => p.orders.map((o) => o.orderNumber))).toEqual(['1001']);
  });

  it('refuses a damaged sync position as a setup problem instead of reading every file again', async () => {
    const failed = await downloadAll(connect(), '{"files":3}').catch((err: unknown) => err);
    expect(failed).toMatchObject({ kind: 'config', message: expect.stringContaining('sync position is damaged') });
    expect(csvPlugin.parseCursor?.('', { earliestOrderDate: '', now: '' })).toBe('{"v":1,"handed":[]}');
    expect(() => csvPlugin.parseCursor?.('12', { earliestOrderDate: '', now: '' })).toThrow(/handed/);
  });
});

describe('Test connection of a CSV order source in a folder', () => {
  it('lists the order folder and says how many files wait', async () => {
    await disk.put('in', 'a.csv', orderFile(orderRow('1001')));
    const result = await connect({ trackingFolder: 'out' }).testConnection(['order_download']);
    expect(result).toMatchObject({ ok: true, message: `Connected to ${disk.root}/in: 1 file waits to be read` });
  });

  it('names a missing order folder without creating it', async () => {
    const result = await connect({ folder: 'inbox' }).testConnection(['order_download']);
    expect(result.ok).toBe(false);
    expect(result.message).toContain(`${join(disk.root, 'inbox')}" does not exist`);
    expect(await disk.names('')).toEqual([]);
  });

  it('says when the folder named is a file', async () => {
    const file = join(disk.root, 'not-a-folder');
    await writeFile(file, 'x');
    const result = await csvPlugin.create(context(), settingsFor({ kind: 'folder', path: file }), NO_CREDENTIALS).testConnection(['order_download']);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('is not a folder') });
  });

  it('says when a folder Dockhand writes to cannot be made', async () => {
    await disk.put('in', 'a.csv', orderFile(orderRow('1001')));
    // A file where the archive folder should be: the folder cannot be created.
    await disk.put('', 'archive', 'x');
    const result = await connect({ archiveFolder: 'archive/done' }).testConnection(['order_download']);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/can be read, but not every folder Dockhand writes to/);
  });
});

describe('tracking and stock written back by a CSV order source', () => {
  const shipment = (items: ShipmentToUpload['items'], trackingNumber = '1Z999'): ShipmentToUpload => ({
    cartOrderId: '1001',
    orderNumber: '1001',
    carrier: 'UPS',
    service: 'Ground',
    trackingNumber,
    trackingUrl: 'https://ups.example/1Z999',
    shipDate: '2026-11-26',
    items,
  });

  it('writes one tracking file per shipment, and finds it when the shipment is sent again', async () => {
    const connector = connect({ trackingFolder: 'out' });
    const first = await connector.uploadShipment!(shipment([{ cartLineId: '1001/A', sku: 'MUG-1', quantity: 2 }]));
    expect(first).toEqual({ outcome: 'accepted', remoteId: 'tracking-1001-1Z999.csv', alreadyExisted: false });
    expect(await disk.read('out', 'tracking-1001-1Z999.csv')).toBe(
      'Order Number,Line Id,SKU,Quantity,Carrier,Service,Tracking Number,Tracking URL,Ship Date\r\n1001,A,MUG-1,2,UPS,Ground,1Z999,https://ups.example/1Z999,2026-11-26\r\n',
    );
    const again = await connect({ trackingFolder: 'out' }).uploadShipment!(shipment([{ cartLineId: '1001/A', sku: 'MUG-1', quantity: 2 }]));
    expect(again).toEqual({ outcome: 'accepted', remoteId: 'tracking-1001-1Z999.csv', alreadyExisted: true });
    expect(await disk.names('out')).toEqual(['tracking-1001-1Z999.csv']);
  });

  it('refuses a shipment of a line that is not the order\'s as bad data', async () => {
    const refused = await connect({ trackingFolder: 'out' })
      .uploadShipment!(shipment([{ cartLineId: '2002/A', sku: 'MUG-1', quantity: 1 }]))
      .catch((err: unknown) => err);
    expect(refused).toMatchObject({ kind: 'data', message: 'Order 1001 has no line 2002/A (MUG-1) in its order file' });
  });

  it('accepts shipments without writing anything when no tracking folder is set', async () => {
    const result = await connect().uploadShipment!(shipment([{ cartLineId: '1001/A', sku: 'MUG-1', quantity: 1 }]));
    expect(result).toMatchObject({ outcome: 'accepted', remoteId: expect.stringMatching(/^not-sent-back:/) });
    expect(await disk.names('')).toEqual([]);
  });

  it('writes stock levels as a file into the stock folder', async () => {
    const result = await connect({ stockFolder: 'stock' }).pushInventory!([
      { sku: 'MUG-1', quantity: 5 },
      { sku: '=cmd', quantity: 0 },
    ]);
    expect(result).toEqual({ updated: 2, unknownSkus: [], failed: [] });
    const [name] = await disk.names('stock');
    expect(await disk.read('stock', name)).toBe("SKU,Quantity\r\nMUG-1,5\r\n'=cmd,0\r\n");
  });
});

describe('stock checked against the merchant\'s item list', () => {
  it('writes the stock of the SKUs on the list and reports the others by name', async () => {
    await disk.put('', 'items.csv', 'SKU,Description\r\nMUG-1,Mug\r\nTEE-2,Tee\r\n');
    const result = await connect({ stockFolder: 'stock', itemListFile: 'items.csv' }).pushInventory!([
      { sku: 'MUG-1', quantity: 5 },
      { sku: 'NOT-OURS', quantity: 1 },
    ]);
    expect(result).toEqual({ updated: 1, unknownSkus: ['NOT-OURS'], failed: [] });
    const [name] = await disk.names('stock');
    expect(await disk.read('stock', name)).toBe('SKU,Quantity\r\nMUG-1,5\r\n');
  });

  it('reads a list without a header from its first column', async () => {
    await disk.put('', 'items.csv', 'MUG-1\nTEE-2\n');
    const result = await connect({ stockFolder: 'stock', itemListFile: 'items.csv' }).pushInventory!([{ sku: 'TEE-2', quantity: 3 }]);
    expect(result).toEqual({ updated: 1, unknownSkus: [], failed: [] });
  });
});
