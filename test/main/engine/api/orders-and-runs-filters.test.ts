import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeShopify, type FakeShopify } from '../../../fakes/shopify/index.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { ACCEPT_ALL_ORDERS } from '../../../support/world.js';
import { rejection } from '../../../support/rejection.js';


describe('orders.list by health bucket and runs.list by kind of target, on demo data', () => {
  let t: TestEngine;
  let merchantId: number;
  let cartId: number;
  beforeAll(async () => {
    t = await startTestEngine();
    ({ merchantId, cartId } = await t.call('demo.setup', {}));
    await t.call('services.runNow', { service: 'order_download', targetId: cartId });
    const orders = (await t.call('orders.list', { cartId, limit: 100, offset: 0 })).items;
    expect(orders.length).toBeGreaterThanOrEqual(4);
    // Two held, one canceled, the rest new.
    await t.call('orders.hold', { id: orders[0].id, reason: 'Address check' });
    await t.call('orders.hold', { id: orders[1].id, reason: 'Fraud check' });
    await t.call('orders.cancel', { id: orders[2].id });
  });
  afterAll(() => t.close());

  it('lists every status of a several-status bucket, and only those', async () => {
    const all = (await t.call('orders.list', { limit: 500, offset: 0 })).items;
    const attention = await t.call('orders.list', { merchantId, bucket: 'needs_attention', limit: 500, offset: 0 });
    expect(attention.total).toBe(2);
    expect(attention.items.every((o) => o.status === 'on_hold')).toBe(true);
    const toDeliver = await t.call('orders.list', { cartId, bucket: 'to_deliver', limit: 500, offset: 0 });
    expect(toDeliver.total).toBe(all.filter((o) => o.status === 'new').length);
    const done = await t.call('orders.list', { bucket: 'done', limit: 500, offset: 0 });
    expect(done.items.map((o) => o.status)).toEqual(['canceled']);
  });

  it('adds up over the buckets to every order, as the dashboard counts do', async () => {
    const dash = await t.call('dashboard.summary', {});
    let sum = 0;
    for (const bucket of ['to_deliver', 'at_warehouse', 'to_confirm', 'needs_attention', 'done'] as const) {
      const page = await t.call('orders.list', { bucket, limit: 1, offset: 0 });
      expect(page.total).toBe(dash.totals[bucket]);
      sum += page.total;
    }
    expect(sum).toBe(dash.totals.total);
  });

  it('applies both a status and a bucket when given together', async () => {
    expect((await t.call('orders.list', { bucket: 'needs_attention', status: 'on_hold', limit: 50, offset: 0 })).total).toBe(2);
    expect((await t.call('orders.list', { bucket: 'needs_attention', status: 'error', limit: 50, offset: 0 })).total).toBe(0);
    expect((await t.call('orders.list', { bucket: 'to_deliver', status: 'on_hold', limit: 50, offset: 0 })).total).toBe(0);
  });

  it('refuses a bucket that does not exist on its field', async () => {
    const err = await rejection(t.callRaw('orders.list', { bucket: 'lost' }));
    expect(err.kind).toBe('validation');
    expect(err.fields?.bucket).toBeTruthy();
  });

  it("tells cart 1's runs from merchant 1's runs, though both have target id 1", async () => {
    expect(cartId).toBe(merchantId);
    await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    await t.call('services.runNow', { service: 'shipment_pickup', targetId: merchantId });
    const services = async (input: { kind?: 'cart' | 'merchant'; service?: 'order_download' | 'order_delivery' }) =>
      (await t.call('runs.list', { ...input, targetId: cartId, limit: 100, offset: 0 })).items.map((r) => r.service).sort();
    expect(await services({})).toEqual(['order_delivery', 'order_download', 'shipment_pickup']);
    expect(await services({ kind: 'cart' })).toEqual(['order_download']);
    expect(await services({ kind: 'merchant' })).toEqual(['order_delivery', 'shipment_pickup']);
    // A service of the other kind leaves nothing: both apply.
    expect(await services({ kind: 'cart', service: 'order_delivery' })).toEqual([]);
    const page = await t.call('runs.list', { kind: 'merchant', limit: 1, offset: 0 });
    expect(page).toMatchObject({ total: 2, limit: 1 });
  });

  it('refuses a kind of target that does not exist on its field', async () => {
    const err = await rejection(t.callRaw('runs.list', { kind: 'order', targetId: 1 }));
    expect(err.kind).toBe('validation');
    expect(err.fields?.kind).toBeTruthy();
  });
});

describe('orders.list by exact ship code', () => {
  const QUOTED = 'Next "Day" \\ Air';
  let t: TestEngine;
  let shop: FakeShopify;
  let cartId: number;
  beforeAll(async () => {
    shop = await createFakeShopify({ orders: 0, restoreRate: 1000, maximumAvailable: 20_000 });
    for (const shippingCode of [QUOTED, QUOTED, 'Next "Day"', '%', 'Standard']) shop.state.addOrder({ shippingCode, financialStatus: 'PAID' });
    t = await startTestEngine();
    await t.call('account.setup', { mode: 'fulfillment' });
    const merchantId = (await t.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME' })).id;
    const cart = await t.call('carts.create', {
      merchantId,
      platform: 'shopify',
      name: 'Acme Shopify',
      earliestOrderDate: '2000-01-01',
      rejectUnmappedShipCodes: true,
      settings: { shopDomain: shop.shopDomain, baseUrl: shop.url, filters: ACCEPT_ALL_ORDERS },
      credentials: { accessToken: shop.token },
    });
    cartId = cart.id;
    const download = await t.call('services.runNow', { service: 'order_download', targetId: cartId });
    expect(download.counts.held).toBe(5);
  });
  afterAll(async () => {
    await t?.close();
    await shop?.close();
  });

  it('finds the orders held for a code with a quote and a backslash, as the cart sent it', async () => {
    const held = await t.call('orders.list', { cartId, status: 'error', shipCode: QUOTED, limit: 50, offset: 0 });
    expect(held.total).toBe(2);
    expect(held.items.map((o) => o.shipCode)).toEqual([QUOTED, QUOTED]);
  });

  it('matches the whole code only: no prefix, no wildcard, no trimming', async () => {
    const list = (shipCode: string) => t.call('orders.list', { cartId, shipCode, limit: 50, offset: 0 });
    expect((await list('Next "Day"')).total).toBe(1);
    expect((await list('%')).items.map((o) => o.shipCode)).toEqual(['%']);
    expect((await list(' Standard')).total).toBe(0);
    expect((await list('standard')).total).toBe(0);
    expect((await list('Standard')).total).toBe(1);
  });

  it('refuses a code longer than any cart sends', async () => {
    const err = await rejection(t.callRaw('orders.list', { shipCode: 'x'.repeat(201) }));
    expect(err.kind).toBe('validation');
    expect(err.fields?.shipCode).toBeTruthy();
  });
});
