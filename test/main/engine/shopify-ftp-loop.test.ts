import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeShopify } from '../../fakes/shopify/index.js';
import type { TestEngine } from '../../support/engine-harness.js';
import type { TestFtpServer } from '../../support/ftp-server.js';
import { ACCEPT_ALL_ORDERS, startShopifyFtpWorld, type ShopifyFtpWorld } from '../../support/world.js';
import { keptFiles } from '../../support/kept-files.js';

/** The whole loop, through the public API: Shopify (fake, real HTTP) -> Dockhand -> CSV on a real FTP server and back. */
describe('the order loop between Shopify and a CSV warehouse over FTP', () => {
  let t: TestEngine;
  let ftp: TestFtpServer;
  let shop: FakeShopify;
  let merchantId: number;
  let cartId: number;

  let world: ShopifyFtpWorld;
  beforeEach(async () => {
    world = await startShopifyFtpWorld({ orders: 12, cart: { filters: ACCEPT_ALL_ORDERS } });
    ({ t, ftp, shop, merchantId, cartId } = world);
  });

  afterEach(() => world.close());

  const run = (service: 'order_download' | 'order_delivery' | 'shipment_pickup' | 'shipment_upload', targetId: number) =>
    t.call('services.runNow', { service, targetId });

  it('tests the connection, then downloads, delivers, picks up tracking and confirms it in the shop', async () => {
    const test = await t.call('carts.test', { id: cartId });
    expect(test).toMatchObject({ ok: true });
    expect(test.message).toContain('Acme Outfitters');

    const download = await run('order_download', cartId);
    expect(download.status).toBe('ok');
    expect(download.counts.new).toBe(12);
    // A second download re-reads the overlap window but adds nothing.
    const again = await run('order_download', cartId);
    expect(again.counts.new ?? 0).toBe(0);
    expect((await t.call('orders.list', { cartId, limit: 100, offset: 0 })).total).toBe(12);

    const delivery = await run('order_delivery', merchantId);
    expect(delivery.counts.delivered).toBe(12);
    const [file] = await readdir(ftp.localPath('/ACME/orders'));
    const csv = await readFile(ftp.localPath(`/ACME/orders/${file}`), 'utf8');
    const orders = (await t.call('orders.list', { cartId, limit: 100, offset: 0 })).items;
    for (const o of orders) expect(csv).toContain(o.orderNumber);

    // The warehouse ships the first order in two packages (a partial shipment each).
    const target = await t.call('orders.get', { id: orders[orders.length - 1].id });
    const lines = target.order.lines;
    const rows = ['Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date'];
    rows.push(`${target.orderNumber},${lines[0].sku},${lines[0].quantity},UPS,Ground,1ZPART1,2026-11-26`);
    for (const l of lines.slice(1)) rows.push(`${target.orderNumber},${l.sku},${l.quantity},UPS,Ground,1ZPART2,2026-11-26`);
    rows.push('#99999,NOPE,1,UPS,Ground,1ZBAD,2026-11-26');
    await mkdir(ftp.localPath('/ACME/confirmations'), { recursive: true });
    await writeFile(ftp.localPath('/ACME/confirmations/ship-001.csv'), rows.join('\n'));

    const pickup = await run('shipment_pickup', merchantId);
    expect(pickup.status).toBe('partial');
    expect(pickup.counts.shipments).toBe(lines.length > 1 ? 2 : 1);
    expect(pickup.errors.some((e) => e.where === 'ship-001.csv' && e.message.startsWith(`line ${rows.length}:`) && /#99999/.test(e.message))).toBe(true);
    expect(keptFiles(ftp.localPath('/ACME/confirmations/archive'))).toEqual(['ship-001.csv']);

    const upload = await run('shipment_upload', cartId);
    expect(upload.status).toBe('ok');
    const fulfillments = shop.state.fulfillmentsOf(target.cartOrderId);
    expect(fulfillments.map((f) => f.trackingInfo[0]?.number).sort()).toEqual(lines.length > 1 ? ['1ZPART1', '1ZPART2'] : ['1ZPART1']);
    const confirmed = await t.call('orders.get', { id: target.id });
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.shipments.every((s) => s.status === 'uploaded')).toBe(true);

    // Re-running the upload changes nothing in the shop.
    await run('shipment_upload', cartId);
    expect(shop.state.fulfillmentsOf(target.cartOrderId)).toHaveLength(fulfillments.length);

    // Our fulfillment moved the order's updatedAt in the shop: re-reading it is not a change.
    const reread = await run('order_download', cartId);
    expect(reread.counts.changedAfterDelivery ?? 0).toBe(0);
    expect((await t.call('orders.get', { id: target.id })).changedAfterDelivery).toBe(false);
  });

  it('a cancellation before delivery cancels the order; after delivery it raises an alert', async () => {
    await run('order_download', cartId);
    const [first, second] = (await t.call('orders.list', { cartId, limit: 100, offset: 0 })).items;
    const firstDetail = await t.call('orders.get', { id: first.id });
    shop.state.cancelOrder(firstDetail.cartOrderId);
    await run('order_download', cartId);
    expect((await t.call('orders.get', { id: first.id })).status).toBe('canceled');

    const delivery = await run('order_delivery', merchantId);
    expect(delivery.counts.delivered).toBe(11);
    const secondDetail = await t.call('orders.get', { id: second.id });
    shop.state.cancelOrder(secondDetail.cartOrderId);
    await run('order_download', cartId);
    const after = await t.call('orders.get', { id: second.id });
    expect(after.status).toBe('cancel_sending');
    expect(after.changedAfterDelivery).toBe(true);
    const alerts = await t.call('alerts.list', {});
    expect(alerts.some((a) => a.message.includes(after.orderNumber) && /canceled in the cart after it reached the WMS/.test(a.message))).toBe(true);
  });

  it('an order edited in the cart after it reached the WMS is flagged', async () => {
    await run('order_download', cartId);
    await run('order_delivery', merchantId);
    const o = (await t.call('orders.list', { cartId, limit: 1, offset: 0 })).items[0];
    const detail = await t.call('orders.get', { id: o.id });
    shop.state.updateOrder(detail.cartOrderId, (order) => (order.note = 'Please leave at the back door'));
    const download = await run('order_download', cartId);
    expect(download.counts.changedAfterDelivery).toBe(1);
    const flagged = await t.call('orders.get', { id: o.id });
    expect(flagged.changedAfterDelivery).toBe(true);
    expect(flagged.status).toBe('at_wms');
  });

  it('a wrong token is an auth error on the connection: alert, schedule paused until fixed', async () => {
    const cart = await t.call('carts.get', { id: cartId });
    await t.call('carts.update', {
      id: cartId,
      cart: { merchantId, platform: 'shopify', name: cart.name, earliestOrderDate: cart.earliestOrderDate, settings: cart.settings as never, credentials: { accessToken: 'shpat_wrong' } },
    });
    const test = await t.call('carts.test', { id: cartId });
    expect(test.ok).toBe(false);
    const failed = await run('order_download', cartId);
    expect(failed.status).toBe('failed');
    expect((await t.call('carts.get', { id: cartId })).authError).toBeTruthy();
    const alerts = await t.call('alerts.list', {});
    expect(alerts.find((a) => a.key === `auth:cart:${cartId}`)?.message).toMatch(/paused until the credentials are fixed/);
    const job = (await t.call('schedules.list', {})).find((j) => j.service === 'order_download' && j.targetId === cartId);
    expect(job).toMatchObject({ state: 'paused', by: 'auth' });
    expect(JSON.stringify(t.log.entries)).not.toContain('shpat_wrong');

    await t.call('carts.update', {
      id: cartId,
      cart: { merchantId, platform: 'shopify', name: cart.name, earliestOrderDate: cart.earliestOrderDate, settings: cart.settings as never, credentials: { accessToken: shop.token } },
    });
    const fixedJob = (await t.call('schedules.list', {})).find((j) => j.service === 'order_download' && j.targetId === cartId);
    expect(fixedJob?.state).not.toBe('paused');
    expect((await run('order_download', cartId)).status).toBe('ok');
    expect((await t.call('alerts.list', {})).some((a) => a.key === `auth:cart:${cartId}`)).toBe(false);
  });

  it('a malformed reply or a 5xx fails the run with a clear message and changes nothing', async () => {
    shop.state.malformNext(1);
    const malformed = await run('order_download', cartId);
    expect(malformed.status).toBe('failed');
    expect(malformed.message).toBeTruthy();
    expect((await t.call('orders.list', { cartId, limit: 1, offset: 0 })).total).toBe(0);
    expect((await t.call('carts.get', { id: cartId })).syncCursor).toBeNull();

    shop.state.failNext(20, 503);
    const unavailable = await run('order_download', cartId);
    expect(unavailable.status).toBe('failed');
    expect(unavailable.message).toMatch(/503|unavailable/i);
    expect((await t.call('orders.list', { cartId, limit: 1, offset: 0 })).total).toBe(0);
    const alerts = await t.call('alerts.list', {});
    expect(alerts.some((a) => a.key === `run-failed:order_download:${cartId}`)).toBe(true);
  });
});
