import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../../../shared/csv-defaults.js';
import { DockhandError } from '../../../../../../shared/errors.js';
import type { CsvWmsSettings } from '../../../../../../shared/schemas/wms.js';
import { createCsvWmsConnector } from '../../../../../../main/engine/connectors/wms/csv/csv-wms-connector.js';
import type { ConfirmationRow, InboundBatch, UnreadableFile, WmsConnector } from '../../../../../../main/engine/connectors/wms/wms-connector.js';
import { silentLogger, systemClock } from '../../../../../../main/engine/platform/ports.js';
import { startFtpServer, type TestFtpServer } from '../../../../../support/ftp-server.js';
import { forDelivery, sampleOrder } from '../../../csv/sample-orders.js';
import { keptFiles, keptPath } from '../../../../../support/kept-files.js';

const ctx = () => ({ clock: systemClock, log: silentLogger, signal: new AbortController().signal });
const acme = { merchantId: 1, code: 'acme' };
/** The service records the publishing step here; these tests only deliver. */
const published = () => Promise.resolve();

function ftpSettings(server: TestFtpServer, password?: string): { settings: CsvWmsSettings; secrets: { password?: string } } {
  const settings = defaultCsvWmsSettings({
    kind: 'ftp',
    host: server.host,
    port: server.port,
    user: server.user,
    security: 'none',
    allowSelfSigned: false,
    passive: true,
    root: '/',
  });
  return { settings, secrets: { password: password ?? server.password } };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

type Picked<Row> = InboundBatch<Row> | { unreadable: UnreadableFile };
const isBatch = <Row>(p: Picked<Row>): p is InboundBatch<Row> => !('unreadable' in p);

describe('CSV WMS connector over a real FTP server', () => {
  let server: TestFtpServer;
  let connector: WmsConnector;
  beforeAll(async () => {
    server = await startFtpServer();
  });
  afterAll(() => server.close());
  afterEach(() => connector?.close());

  it('delivers a batch as one file named from the batch, and picks up the WMS confirmations for it', async () => {
    const { settings, secrets } = ftpSettings(server);
    connector = createCsvWmsConnector(settings, secrets, ctx());
    const orders = [forDelivery(sampleOrder()), forDelivery(sampleOrder({ cartOrderId: 'o2', orderNumber: '#1002' }, 1), 'FDX2D')];

    const result = await connector.deliverOrders({ batchId: 'B-0001', merchant: acme, beforePublish: published, orders });
    expect(result).toEqual({ fileName: 'orders-B-0001.csv', delivered: 2, rejected: [] });

    // The WMS reads our file and ships every line of it.
    const sent = Papa.parse<Record<string, string>>(readFileSync(server.localPath('/acme/orders/orders-B-0001.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(sent.map((r) => [r['Order Number'], r.SKU, r.Quantity, r['Ship Method'], r.Client, r.Batch])).toEqual([
      ['#1001', 'SKU-1', '1', 'UPSGND', 'acme', 'B-0001'],
      ['#1001', 'SKU-2', '2', 'UPSGND', 'acme', 'B-0001'],
      ['#1002', 'SKU-1', '1', 'FDX2D', 'acme', 'B-0001'],
    ]);
    const confirmation = Papa.unparse([
      ['Order Number', 'SKU', 'Quantity', 'Carrier', 'Service', 'Tracking Number', 'Ship Date'],
      ...sent.map((r, i) => [r['Order Number'], r.SKU, r.Quantity, 'UPS', 'Ground', `1Z${i}`, '2026-11-28']),
    ]);
    await mkdir(server.localPath('/acme/confirmations'), { recursive: true });
    await writeFile(server.localPath('/acme/confirmations/ship-1.csv'), confirmation);

    const picked = await collect(connector.pickupConfirmations(acme));
    expect(picked).toHaveLength(1);
    const batch = picked[0] as InboundBatch<ConfirmationRow>;
    expect(batch.fileName).toBe('ship-1.csv');
    expect(batch.rowErrors).toEqual([]);
    expect(batch.rows.map((r) => [r.orderNumber, r.sku, r.quantity, r.trackingNumber, r.shipDate])).toEqual([
      ['#1001', 'SKU-1', 1, '1Z0', '2026-11-28T00:00:00.000Z'],
      ['#1001', 'SKU-2', 2, '1Z1', '2026-11-28T00:00:00.000Z'],
      ['#1002', 'SKU-1', 1, '1Z2', '2026-11-28T00:00:00.000Z'],
    ]);

    // Not archived until the service says its rows are saved.
    expect(existsSync(server.localPath('/acme/confirmations/ship-1.csv'))).toBe(true);
    await batch.ack();
    expect(existsSync(server.localPath('/acme/confirmations/ship-1.csv'))).toBe(false);
    expect(readFileSync(keptPath(server.localPath('/acme/confirmations/archive'), 'ship-1.csv') ?? 'not archived', 'utf8')).toBe(confirmation);
    expect(await collect(connector.pickupConfirmations(acme))).toEqual([]);
  });

  it('fails a delivery whose upload drops, leaving no order file, and writes the same file name on the retry', async () => {
    const { settings, secrets } = ftpSettings(server);
    connector = createCsvWmsConnector(settings, secrets, ctx());
    const batch = { batchId: 'B-drop', merchant: acme, beforePublish: published, orders: [forDelivery(sampleOrder())] };

    server.dropNextUpload();
    const err = await connector.deliverOrders(batch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DockhandError);
    expect((err as DockhandError).kind).toBe('transient');
    expect(existsSync(server.localPath('/acme/orders/orders-B-drop.csv'))).toBe(false);

    const retry = await connector.deliverOrders(batch);
    expect(retry.fileName).toBe('orders-B-drop.csv');
    expect(readFileSync(server.localPath('/acme/orders/orders-B-drop.csv'), 'utf8')).toContain('#1001');
  });

  it('moves an unreadable file to error/ and reports it, while readable files come as batches oldest first', async () => {
    const { settings, secrets } = ftpSettings(server);
    connector = createCsvWmsConnector(settings, secrets, ctx());
    const merchant = { merchantId: 3, code: 'mixed' };
    const dir = server.localPath('/mixed/confirmations');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'a-good.csv'), 'Order Number,SKU,Quantity,Carrier,Tracking Number,Ship Date\n#1,S,1,UPS,1Z,2026-11-27\n#2,S,0,UPS,1Z,2026-11-27\n');
    await writeFile(join(dir, 'b-garbage.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
    await writeFile(join(dir, 'c-rejected.csv'), 'Order Number,SKU,Quantity,Carrier,Tracking Number,Ship Date\n#3,S,1,UPS,1Z,2026-11-27\n');
    await writeFile(join(dir, '.d-uploading.csv.part'), 'Order Number');
    for (const [i, name] of ['a-good.csv', 'b-garbage.csv', 'c-rejected.csv'].entries()) {
      const at = new Date(Date.UTC(2026, 0, 1 + i));
      await utimes(join(dir, name), at, at);
    }

    const picked: Picked<ConfirmationRow>[] = [];
    for await (const item of connector.pickupConfirmations(merchant)) {
      picked.push(item);
      if (isBatch(item) && item.fileName === 'a-good.csv') await item.ack();
      if (isBatch(item) && item.fileName === 'c-rejected.csv') await item.reject('the service could not use it');
    }
    expect(picked.map((p) => (isBatch(p) ? p.fileName : `unreadable:${p.unreadable.fileName}`))).toEqual([
      'a-good.csv',
      'unreadable:b-garbage.csv',
      'c-rejected.csv',
    ]);
    const good = picked[0] as InboundBatch<ConfirmationRow>;
    expect(good.rows).toHaveLength(1);
    expect(good.rowErrors).toEqual([{ file: 'a-good.csv', line: 3, reason: 'quantity must be at least 1, got 0' }]);
    expect((picked[1] as { unreadable: UnreadableFile }).unreadable.reason).toContain('not a text file');
    expect((await readdir(dir)).sort()).toEqual(['.d-uploading.csv.part', 'archive', 'error']);
    expect(keptFiles(join(dir, 'error'))).toEqual(['b-garbage.csv', 'c-rejected.csv']);
    expect(keptFiles(join(dir, 'archive'))).toEqual(['a-good.csv']);
  });

  it('picks up inventory snapshots with bad rows reported by line', async () => {
    const { settings, secrets } = ftpSettings(server);
    connector = createCsvWmsConnector(settings, secrets, ctx());
    await mkdir(server.localPath('/acme/inventory'), { recursive: true });
    await writeFile(server.localPath('/acme/inventory/stock.csv'), 'SKU,Quantity,Location\r\nA,10,B1\r\nB,-1,B2\r\nC,0,\r\n');
    const [batch] = (await collect(connector.pickupInventory(acme))) as InboundBatch<{ sku: string; quantity: number; line: number }>[];
    expect(batch.rows).toEqual([
      { sku: 'A', quantity: 10, location: 'B1', line: 2 },
      { sku: 'C', quantity: 0, line: 4 },
    ]);
    expect(batch.rowErrors).toEqual([{ file: 'stock.csv', line: 3, reason: 'quantity -1 is negative' }]);
    await batch.ack();
    expect(keptFiles(server.localPath('/acme/inventory/archive'))).toEqual(['stock.csv']);
  });

  it("creates a merchant's missing inbound folder instead of failing, and finds no files in it", async () => {
    const { settings, secrets } = ftpSettings(server);
    connector = createCsvWmsConnector(settings, secrets, ctx());
    const fresh = { merchantId: 5, code: 'fresh' };
    expect(await collect(connector.pickupConfirmations(fresh))).toEqual([]);
    expect(existsSync(server.localPath('/fresh/confirmations'))).toBe(true);
  });

  it('builds the file from orders produced lazily, as the service reads a big batch in chunks', async () => {
    const { settings, secrets } = ftpSettings(server);
    connector = createCsvWmsConnector(settings, secrets, ctx());
    async function* chunks() {
      for (let chunk = 0; chunk < 3; chunk++) {
        await Promise.resolve();
        for (let i = 0; i < 2; i++) yield forDelivery(sampleOrder({ cartOrderId: `o${chunk}-${i}`, orderNumber: `#${chunk}${i}` }, 1));
      }
    }
    const result = await connector.deliverOrders({ batchId: 'B-lazy', merchant: acme, beforePublish: published, orders: chunks() });
    expect(result).toEqual({ fileName: 'orders-B-lazy.csv', delivered: 6, rejected: [] });
    const sent = Papa.parse<Record<string, string>>(readFileSync(server.localPath('/acme/orders/orders-B-lazy.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(sent.map((r) => r['Order Number'])).toEqual(['#00', '#01', '#10', '#11', '#20', '#21']);
  });

  it('writes no file when every order of the batch is rejected', async () => {
    const { settings, secrets } = ftpSettings(server);
    settings.orderProfile = { ...settings.orderProfile!, layout: 'horizontal', maxItemsPerRow: 1 };
    connector = createCsvWmsConnector(settings, secrets, ctx());
    const result = await connector.deliverOrders({ batchId: 'B-none', merchant: acme, beforePublish: published, orders: [forDelivery(sampleOrder({}, 2))] });
    expect(result.delivered).toBe(0);
    expect(result.rejected).toEqual([{ cartOrderId: 'gid://shopify/Order/450789469', reason: expect.stringContaining('has 2 lines') }]);
    expect(existsSync(server.localPath('/acme/orders/orders-B-none.csv'))).toBe(false);
  });

  it('tests the connection by creating the merchant folders and says what is wrong when it cannot', async () => {
    const { settings, secrets } = ftpSettings(server);
    connector = createCsvWmsConnector(settings, secrets, ctx());
    const ok = await connector.testConnection([{ merchantId: 9, code: 'newco' }]);
    expect(ok.ok).toBe(true);
    expect(ok.message).toContain(`ftp ${server.user}@127.0.0.1:${server.port}`);
    expect(existsSync(server.localPath('/newco/inventory'))).toBe(true);

    const wrong = ftpSettings(server, 'not-the-password');
    const refused = createCsvWmsConnector(wrong.settings, wrong.secrets, ctx());
    expect(await refused.testConnection([acme])).toEqual({
      ok: false,
      message: expect.stringContaining(`FTP login refused for user ${server.user} at 127.0.0.1:${server.port}`),
    });
    await refused.close();
  });
});

describe('CSV WMS connector over a local folder', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'dockhand-wms-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('delivers into WMS-then-client folders and reports a missing shared folder by name', async () => {
    const settings = { ...defaultCsvWmsSettings({ kind: 'folder', path: root }), folderOrder: 'wms_then_client' as const };
    const connector = createCsvWmsConnector(settings, {}, ctx());
    await connector.deliverOrders({ batchId: 'F1', merchant: acme, beforePublish: published, orders: [forDelivery(sampleOrder())] });
    expect(readFileSync(join(root, 'orders/acme/orders-F1.csv'), 'utf8')).toMatch(/^Order Number,Order Date,PO Number/);

    const gone = createCsvWmsConnector(defaultCsvWmsSettings({ kind: 'folder', path: join(root, 'unmounted') }), {}, ctx());
    const result = await gone.testConnection([acme]);
    expect(result.ok).toBe(false);
    expect(result.message).toContain(`Folder "${join(root, 'unmounted')}" does not exist`);
  });
});
