import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeShopify } from '../../../fakes/shopify/index.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { startFtpServer, type TestFtpServer } from '../../../support/ftp-server.js';
import { ACCEPT_ALL_ORDERS, connectShopify, ftpWms, startShopifyFtpWorld, type ShopifyFtpWorld } from '../../../support/world.js';

/** Files sent and picked up in a real loop (fake shop, real FTP server) are kept and listed by files.list. */
describe('files kept by the syncs', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0).reverse()) await c();
  });

  async function world(): Promise<ShopifyFtpWorld> {
    const w = await startShopifyFtpWorld({ orders: 5, cart: { filters: ACCEPT_ALL_ORDERS } });
    closers.push(() => w.close());
    return w;
  }

  it('keeps the order file a delivery sent, listed with its merchant, its rows and its content', async () => {
    const { t, merchantId, cartId } = await world();
    await t.call('services.runNow', { service: 'order_download', targetId: cartId });
    const delivery = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(delivery.counts.delivered).toBe(5);

    const list = await t.call('files.list', { direction: 'sent' });
    expect(list.total).toBe(1);
    const [file] = list.items;
    expect(file).toMatchObject({ merchantId, merchantName: 'Acme Outfitters', direction: 'sent', kind: 'order', rows: 5, errors: 0 });
    expect(file!.name).toMatch(/^orders-.*\.csv$/);
    expect(file!.remotePath).toBe(`ACME/orders/${file!.name}`);
    const content = await t.call('files.content', { id: file!.id });
    expect(content.viewable).toBe(true);
    const orders = (await t.call('orders.list', { cartId })).items;
    for (const o of orders) expect(content.viewable && content.text).toContain(o.orderNumber);
    expect(await t.call('files.list', { merchantId, kind: 'confirmation' })).toMatchObject({ total: 0 });
  });

  it('keeps a picked-up confirmation file with its rows and error count, and names its first bad lines', async () => {
    const { t, ftp, merchantId, cartId } = await world();
    await t.call('services.runNow', { service: 'order_download', targetId: cartId });
    await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    const order = (await t.call('orders.list', { cartId })).items[0]!;
    const line = (await t.call('orders.get', { id: order.id })).order.lines[0]!;
    const rows = [
      'Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date',
      `${order.orderNumber},${line.sku},${line.quantity},UPS,Ground,1ZKEEP1,2026-11-26`,
      '#99999,NOPE,1,UPS,Ground,1ZBAD,2026-11-26',
    ];
    await mkdir(ftp.localPath('/ACME/confirmations'), { recursive: true });
    await writeFile(ftp.localPath('/ACME/confirmations/ship-007.csv'), rows.join('\n'));
    const pickup = await t.call('services.runNow', { service: 'shipment_pickup', targetId: merchantId });
    expect(pickup.counts.shipments).toBe(1);

    const list = await t.call('files.list', { merchantId, direction: 'received' });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ name: 'ship-007.csv', kind: 'confirmation', rows: 2, errors: 1, remotePath: 'ACME/confirmations/ship-007.csv' });
    const detail = await t.call('files.get', { id: list.items[0]!.id });
    expect(detail.available).toBe(true);
    expect(detail.firstErrors).toHaveLength(1);
    expect(detail.firstErrors[0]).toMatch(/^Line 3: .*#99999/);
  });

  it('keeps an unreadable confirmation file moved to the error folder, with its reason, and refuses to show binary bytes as text', async () => {
    const { t, ftp, merchantId } = await world();
    await mkdir(ftp.localPath('/ACME/confirmations'), { recursive: true });
    await writeFile(ftp.localPath('/ACME/confirmations/photo.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]));
    const pickup = await t.call('services.runNow', { service: 'shipment_pickup', targetId: merchantId });
    expect(pickup.counts.unreadableFiles).toBe(1);

    const [kept] = (await t.call('files.list', { kind: 'confirmation' })).items;
    expect(kept).toMatchObject({ name: 'photo.csv', direction: 'received', rows: 0, errors: 1, size: 10 });
    const detail = await t.call('files.get', { id: kept!.id });
    expect(detail.firstErrors).toEqual([pickup.errors[0]!.message]);
    const content = await t.call('files.content', { id: kept!.id });
    expect(content).toMatchObject({ viewable: false, reason: expect.stringContaining('not text') });
  });

  it('shows the first 1 MB of a long file and says it is cut; a copy removed from the disk is said to be gone', async () => {
    const { t, ftp, merchantId } = await world();
    const header = 'Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date';
    const row = '#77777,NOPE,1,UPS,Ground,1ZNOPE,2026-11-26';
    const lines = [header, ...Array.from({ length: 30_000 }, () => row)];
    await mkdir(ftp.localPath('/ACME/confirmations'), { recursive: true });
    await writeFile(ftp.localPath('/ACME/confirmations/big.csv'), lines.join('\n'));
    await t.call('services.runNow', { service: 'shipment_pickup', targetId: merchantId });

    const [kept] = (await t.call('files.list', { text: 'BIG' })).items;
    expect(kept).toMatchObject({ rows: 30_000, errors: 30_000 });
    expect(kept!.size).toBeGreaterThan(1024 * 1024);
    const content = await t.call('files.content', { id: kept!.id });
    expect(content).toMatchObject({ viewable: true, truncated: true });
    expect(content.viewable && Buffer.byteLength(content.text)).toBe(1024 * 1024);
    const detail = await t.call('files.get', { id: kept!.id });
    expect(detail.firstErrors).toHaveLength(11);

    const keptDir = path.join(t.dataDir, 'files');
    for (const day of await readdir(keptDir)) await rm(path.join(keptDir, day), { recursive: true });
    expect(await t.call('files.get', { id: kept!.id })).toMatchObject({ available: false });
    expect(await t.call('files.content', { id: kept!.id })).toMatchObject({ viewable: false, reason: expect.stringContaining('no longer on this computer') });
  });

  it('never fails the sync when the disk refuses the kept copy: the delivery goes on and the run counts it', async () => {
    const shop = await createFakeShopify({ orders: 3, restoreRate: 1000, maximumAvailable: 20_000 });
    const ftp: TestFtpServer = await startFtpServer();
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const t: TestEngine = await startTestEngine({ keptFiles: { write: () => Promise.reject(full) } });
    closers.push(() => shop.close(), () => ftp.close(), () => t.close());
    await t.call('account.setup', { mode: 'fulfillment' });
    const merchantId = (await t.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME' })).id;
    await t.call('wms.save', ftpWms(ftp));
    const cartId = await connectShopify(t, merchantId, shop, { filters: ACCEPT_ALL_ORDERS });
    await t.call('services.runNow', { service: 'order_download', targetId: cartId });

    const delivery = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(delivery.status).toBe('ok');
    expect(delivery.counts).toMatchObject({ delivered: 3, filesNotKept: 1 });
    expect((await t.call('orders.list', { cartId })).items.every((o) => o.status === 'at_wms')).toBe(true);
    expect(await t.call('files.list', {})).toMatchObject({ total: 0 });
  });
});
