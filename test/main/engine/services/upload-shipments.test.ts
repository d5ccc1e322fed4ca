import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { createFakeShopify, type FakeShopify } from '../../../fakes/shopify/index.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { useShippingWorld } from '../../../support/shipping-world.js';
import { ACCEPT_ALL_ORDERS, connectShopify } from '../../../support/world.js';

const ORDERS = 40;

/** Shipment Upload against the fake Shopify, through the engine API, with a local-folder warehouse. */
describe('shipment upload to Shopify', () => {
  let t: TestEngine;
  let shop: FakeShopify;
  let merchantId: number;
  let cartId: number;
  let folder: string;

  beforeEach(async () => {
    shop = await createFakeShopify({ orders: 0, restoreRate: 10_000, maximumAvailable: 100_000 });
    for (let i = 0; i < ORDERS; i++) shop.state.addOrder({ lines: [{ sku: 'DH-1001', quantity: 2 }, { sku: 'DH-1002', quantity: 1 }] });
    t = await startTestEngine();
    folder = path.join(t.dataDir, 'warehouse');
    await mkdir(folder, { recursive: true });
    await t.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await t.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME' })).id;
    await t.call('wms.save', { settings: defaultCsvWmsSettings({ kind: 'folder', path: folder }), secrets: {} });
    cartId = await connectShopify(t, merchantId, shop, { filters: ACCEPT_ALL_ORDERS });
  });

  afterEach(async () => {
    await t.close();
    await shop.close();
  });

  const run = (service: 'order_download' | 'order_delivery' | 'shipment_pickup' | 'shipment_upload', targetId: number) =>
    t.call('services.runNow', { service, targetId });

  /** Downloads and delivers every order, then has the warehouse confirm `rows` and picks them up. */
  async function shipped(rows: (orderNumber: string, index: number) => string[]): Promise<void> {
    await run('order_download', cartId);
    await run('order_delivery', merchantId);
    const orders = (await t.call('orders.list', { cartId, limit: 100, offset: 0 })).items;
    expect(orders).toHaveLength(ORDERS);
    const lines = ['Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date'];
    orders.forEach((o, i) => lines.push(...rows(o.orderNumber, i)));
    const dir = path.join(folder, 'ACME', 'confirmations');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'ship-1.csv'), lines.join('\n'));
    const pickup = await run('shipment_pickup', merchantId);
    expect(pickup.status).toBe('ok');
  }

  it('uploads shipments in batches: a lookup and a create per 25 orders, not two requests per shipment', async () => {
    // Two packages per order: 80 shipments.
    await shipped((n) => [`${n},DH-1001,2,UPS,Ground,1ZA${n.slice(1)},2026-11-26`, `${n},DH-1002,1,UPS,Ground,1ZB${n.slice(1)},2026-11-26`]);
    const before = shop.state.stats.graphqlRequests;

    const upload = await run('shipment_upload', cartId);

    expect(upload.status).toBe('ok');
    expect(upload.counts.uploaded).toBe(2 * ORDERS);
    // Both shipments of an order travel in one batch of at most 25 (12 orders): 4 batches of two rounds,
    // each round a lookup and a create, where one request per lookup and create would make 160.
    expect(shop.state.stats.graphqlRequests - before).toBe(16);
    for (let i = 0; i < ORDERS; i++) {
      const order = shop.state.orderAt(i);
      const n = order.name.slice(1);
      expect(order.fulfillments.map((f) => f.trackingInfo[0].number)).toEqual([`1ZA${n}`, `1ZB${n}`]);
      expect(order.fulfillmentStatus).toBe('FULFILLED');
    }
    const orders = (await t.call('orders.list', { cartId, limit: 100, offset: 0 })).items;
    expect(orders.every((o) => o.status === 'confirmed')).toBe(true);
  });

  it('marks the one shipment Shopify refuses as failed while the rest are confirmed', async () => {
    let refused = '';
    await shipped((n, i) => {
      if (i === 7) refused = n;
      return [`${n},DH-1001,2,UPS,Ground,1ZA${i},2026-11-26`, `${n},DH-1002,1,UPS,Ground,1ZA${i},2026-11-26`];
    });
    // Someone fulfilled one unit of DH-1001 in the Shopify admin meanwhile: the cart has 1 left, not 2.
    shop.state.updateOrder(refused, (o) => {
      o.fulfillmentOrders[0].lines[0].remainingQuantity = 1;
      o.fulfillmentOrders[0].status = 'IN_PROGRESS';
    });

    const upload = await run('shipment_upload', cartId);

    expect(upload.counts.uploaded).toBe(ORDERS - 1);
    expect(upload.counts.failed).toBe(1);
    expect(upload.errors.some((e) => e.message.includes('DH-1001') && e.message.includes('1 unit(s) left'))).toBe(true);
    const orders = (await t.call('orders.list', { cartId, limit: 100, offset: 0 })).items;
    expect(orders.filter((o) => o.status === 'error').map((o) => o.orderNumber)).toEqual([refused]);
    expect(orders.filter((o) => o.status === 'confirmed')).toHaveLength(ORDERS - 1);
    expect(shop.state.fulfillmentsOf(refused)).toHaveLength(0);
  });

  it('saves what Shopify accepted and fails the run when a batch cannot be sent', async () => {
    await shipped((n, i) => [`${n},DH-1001,1,UPS,Ground,1ZA${i},2026-11-26`]);
    // One of the two batches (25 + 15) is refused outright; the other goes through.
    shop.state.failNext(1, 402, { when: 'DockhandOrdersFulfillment' });

    const upload = await run('shipment_upload', cartId);

    expect(upload.status).toBe('failed');
    const created = Array.from({ length: ORDERS }, (_, i) => shop.state.orderAt(i).fulfillments.length).reduce((a, b) => a + b, 0);
    expect([15, 25]).toContain(created);
    expect(upload.counts.uploaded).toBe(created);
    const again = await run('shipment_upload', cartId);
    expect(again.status).toBe('ok');
    expect((upload.counts.uploaded ?? 0) + (again.counts.uploaded ?? 0)).toBe(ORDERS);
    for (let i = 0; i < ORDERS; i++) expect(shop.state.orderAt(i).fulfillments).toHaveLength(1);
  });

  it('uploads an order whose second shipment is read long after its first (held back until the first is saved), once each', async () => {
    // 410 orders: every first package is saved before every second one, so more than a read's worth of
    // shipments (800) lies between an order's two, and the late ones find their order still in flight.
    const more = 370;
    for (let i = 0; i < more; i++) shop.state.addOrder({ lines: [{ sku: 'DH-1001', quantity: 2 }, { sku: 'DH-1002', quantity: 1 }] });
    await run('order_download', cartId);
    await run('order_delivery', merchantId);
    const orders = (await t.call('orders.list', { cartId, limit: 500, offset: 0 })).items;
    expect(orders).toHaveLength(ORDERS + more);
    const header = 'Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date';
    const first = orders.map((o) => `${o.orderNumber},DH-1001,2,UPS,Ground,1ZA${o.orderNumber.slice(1)},2026-11-26`);
    const second = orders.map((o) => `${o.orderNumber},DH-1002,1,UPS,Ground,1ZB${o.orderNumber.slice(1)},2026-11-27`);
    const dir = path.join(folder, 'ACME', 'confirmations');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'ship-1.csv'), [header, ...first, ...second].join('\n'));
    expect((await run('shipment_pickup', merchantId)).counts.shipments).toBe(2 * orders.length);

    const upload = await run('shipment_upload', cartId);

    expect(upload.status).toBe('ok');
    expect(upload.counts.uploaded).toBe(2 * orders.length);
    for (let i = 0; i < ORDERS + more; i++) {
      const order = shop.state.orderAt(i);
      const n = order.name.slice(1);
      expect(order.fulfillments.map((f) => f.trackingInfo[0].number).sort()).toEqual([`1ZA${n}`, `1ZB${n}`]);
      expect(order.fulfillmentStatus).toBe('FULFILLED');
    }
    const after = (await t.call('orders.list', { cartId, limit: 500, offset: 0 })).items;
    expect(after.every((o) => o.status === 'confirmed')).toBe(true);
  });
});

/** Partial shipments: what reaches Shopify, when, and what the order says meanwhile. */
describe('shipment upload of partial shipments', () => {
  const world = useShippingWorld();

  const fulfilled = (orderNumber: string) => Object.values(world().carts[0].shop.state.fulfilledQuantities(orderNumber));

  it('fulfils only the shipped line items and quantities; the order stays Partially shipped until the rest ships, then is Confirmed', async () => {
    const w = world();
    const n = await w.order(0, [{ sku: 'DH-1001', quantity: 3 }, { sku: 'DH-1002', quantity: 1 }, { sku: 'DH-1003', quantity: 2 }]);
    await w.confirm('ship-1.csv', [`${n},DH-1001,2,UPS,Ground,1ZP1,2026-11-26`]);
    await w.pickup();

    const first = await w.upload(0);

    expect(first.counts.uploaded).toBe(1);
    expect(fulfilled(n)).toEqual([2, 0, 0]);
    expect(w.carts[0].shop.state.order(n)!.fulfillmentStatus).toBe('PARTIALLY_FULFILLED');
    const partial = await w.detail(0, n);
    expect(partial.status).toBe('partially_shipped');
    expect(partial.shipments.map((s) => s.status)).toEqual(['uploaded']);

    await w.confirm('ship-2.csv', [`${n},DH-1001,1,UPS,Ground,1ZP2,2026-11-27`, `${n},DH-1002,1,UPS,Ground,1ZP2,2026-11-27`, `${n},DH-1003,2,UPS,Ground,1ZP2,2026-11-27`]);
    await w.pickup();
    expect((await w.detail(0, n)).status).toBe('shipped');
    await w.upload(0);

    expect(fulfilled(n)).toEqual([3, 1, 2]);
    expect(w.carts[0].shop.state.order(n)!.fulfillmentStatus).toBe('FULFILLED');
    expect((await w.detail(0, n)).status).toBe('confirmed');
  });

  it('with "wait until the whole order has shipped", keeps a partially shipped order\'s shipments back until its last line ships', async () => {
    const w = world();
    const merchant = await w.t.call('merchants.get', { id: w.merchantId });
    expect(merchant.partialShipments).toBe('as_shipped');
    await w.t.call('merchants.update', { id: w.merchantId, merchant: { name: merchant.name, code: merchant.code, partialShipments: 'when_complete' } });
    const n = await w.order(0, [{ sku: 'DH-1001', quantity: 1 }, { sku: 'DH-1002', quantity: 1 }]);
    const whole = await w.order(0, [{ sku: 'DH-1003', quantity: 1 }]);
    await w.confirm('ship-1.csv', [`${n},DH-1001,1,UPS,Ground,1ZW1,2026-11-26`, `${whole},DH-1003,1,UPS,Ground,1ZW3,2026-11-26`]);
    await w.pickup();

    const first = await w.upload(0);

    expect(first.counts.uploaded).toBe(1);
    expect(fulfilled(n)).toEqual([0, 0]);
    expect((await w.detail(0, whole)).status).toBe('confirmed');
    expect((await w.detail(0, n)).shipments.map((s) => s.status)).toEqual(['pending']);

    await w.confirm('ship-2.csv', [`${n},DH-1002,1,UPS,Ground,1ZW2,2026-11-27`]);
    await w.pickup();
    const second = await w.upload(0);

    expect(second.counts.uploaded).toBe(2);
    expect(fulfilled(n)).toEqual([1, 1]);
    expect((await w.detail(0, n)).status).toBe('confirmed');
  });
});
