import { afterEach, describe, expect, it } from 'vitest';
import type { CartContext, OrderPage } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { clearShopLimiters } from '../../../../../../main/engine/connectors/carts/kit/shop-limiters.js';
import { memoryCartPorts, type MemoryCartPorts } from '../../../../../../main/engine/connectors/carts/memory-ports.js';
import { KEY_DELIVERY_STREAM } from '../../../../../../main/engine/connectors/carts/woocommerce/key-delivery.js';
import { woocommercePlugin } from '../../../../../../main/engine/connectors/carts/woocommerce/plugin.js';
import { silentLogger } from '../../../../../../main/engine/platform/ports.js';
import { createFakeWooCommerce, type FakeWooCommerce, type FakeWooOptions } from '../../../../../fakes/woocommerce/index.js';

let fake: FakeWooCommerce | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  clearShopLimiters();
});

const START = Date.UTC(2026, 10, 20, 12, 0, 0);
const EARLIEST = '2026-11-01T00:00:00.000Z';

async function start(options: FakeWooOptions = {}): Promise<FakeWooCommerce> {
  fake = await createFakeWooCommerce({ startMs: START, ...options });
  return fake;
}

function ctx(): CartContext {
  return { clock: { now: () => new Date(START), sleep: async () => {} }, log: silentLogger, signal: new AbortController().signal };
}

function connect(shop: FakeWooCommerce, settings: Record<string, unknown> = {}, credentials?: Record<string, string>) {
  const parsed = woocommercePlugin.settingsSchema.parse({ storeUrl: 'https://acme.example', baseUrl: shop.url, ...settings });
  return woocommercePlugin.create(ctx(), parsed, credentials ?? { consumerKey: shop.consumerKey, consumerSecret: shop.consumerSecret });
}

async function pages(iterable: AsyncIterable<OrderPage>): Promise<OrderPage[]> {
  const out: OrderPage[] = [];
  for await (const page of iterable) out.push(page);
  return out;
}

describe('the WooCommerce plugin', () => {
  it('downloads orders outside the chosen statuses as skipped with the reason, and cancellations too', async () => {
    const shop = await start();
    shop.store.seedOrders([{ status: 'processing' }, { status: 'on-hold' }, { status: 'cancelled' }]);
    const [page] = await pages(connect(shop).fetchOrders({ cursor: null, earliestOrderDate: EARLIEST }));
    expect(page.orders.map((o) => o.skipReason)).toEqual([
      undefined,
      // on-hold is not asked for: only the chosen statuses and the ones that stop an order are.
      expect.stringContaining('order status cancelled'),
    ]);
    const onHold = await pages(connect(shop, { statuses: ['processing', 'on-hold'] }).fetchOrders({ cursor: null, earliestOrderDate: EARLIEST }));
    expect(onHold[0].orders.map((o) => o.skipReason === undefined)).toEqual([true, true, false]);
  });

  it('records an order off the documented shape as invalid once, and the position still moves past it', async () => {
    const shop = await start();
    const [good, bad] = shop.store.seedOrders(2);
    shop.store.malformOrder(bad.id, (json) => (json.total = 'twelve dollars'));
    const connector = connect(shop);
    const [first] = await pages(connector.fetchOrders({ cursor: null, earliestOrderDate: EARLIEST }));
    expect(first.orders.map((o) => o.cartOrderId)).toEqual([String(good.id)]);
    expect(first.invalid).toEqual([expect.objectContaining({ cartOrderId: String(bad.id), reason: expect.stringContaining('total') })]);
    expect(JSON.parse(first.cursor).updatedAt).toBe(new Date(bad.modifiedMs).toISOString());
    // The next run re-reads the overlap: the same bad version is not recorded again.
    const again = await pages(connector.fetchOrders({ cursor: first.cursor, earliestOrderDate: EARLIEST }));
    expect(again.flatMap((p) => p.invalid)).toEqual([]);
    expect(again.flatMap((p) => p.orders)).toEqual([]);
  });

  it('answers Test with the reason when the store address is plain http or the keys are missing', async () => {
    const shop = await start();
    const http = woocommercePlugin.create(ctx(), { storeUrl: 'https://acme.example', baseUrl: 'http://shop.example.net', statuses: ['processing'], queryStringAuth: false }, {
      consumerKey: shop.consumerKey,
      consumerSecret: shop.consumerSecret,
    });
    const refused = await http.testConnection(['order_download']);
    expect(refused).toMatchObject({ ok: false, details: { errorKind: 'config' } });
    expect(refused.message).toContain('https://');
    const keyless = await connect(shop, {}, {}).testConnection(['order_download']);
    expect(keyless).toMatchObject({ ok: false, message: expect.stringContaining('consumer key and secret are required') });
    expect((await connect(shop).testConnection(['order_download'])).ok).toBe(true);
  });

  it('refuses a https-less store address in its settings, with what to type instead', () => {
    const parsed = woocommercePlugin.settingsSchema.safeParse({ storeUrl: 'http://shop.example.com' });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('Enter the https:// address');
    expect(woocommercePlugin.settingsSchema.parse({ storeUrl: 'https://shop.example.com' }).statuses).toEqual(['processing']);
  });

  it('completes the order with a note to the customer when the last package ships, without the Shipment Tracking extension', async () => {
    const shop = await start({ shipmentTracking: false });
    const [order] = shop.store.seedOrders([{ lines: [{ sku: 'A', quantity: 2, price: '5.00' }, { sku: 'B', quantity: 1, price: '7.00' }] }]);
    const [a, b] = order.line_items;
    const connector = connect(shop);
    const base = { cartOrderId: String(order.id), orderNumber: order.number, carrier: 'UPS', shipDate: '2026-11-21' };
    const first = await connector.uploadShipment!({ ...base, trackingNumber: '1Z-ONE', items: [{ cartLineId: String(a.id), sku: 'A', quantity: 2 }] });
    expect(first).toMatchObject({ outcome: 'accepted', alreadyExisted: false });
    expect(shop.store.requireOrder(order.id).status).toBe('processing');
    await connector.uploadShipment!({ ...base, trackingNumber: '1Z-TWO', items: [{ cartLineId: String(b.id), sku: 'B', quantity: 1 }] });
    expect(shop.store.requireOrder(order.id).status).toBe('completed');
    const notes = shop.store.notesOf(order.id);
    expect(notes.filter((n) => n.customer_note).map((n) => n.note)).toEqual([expect.stringContaining('1Z-ONE'), expect.stringContaining('1Z-TWO')]);
    expect(notes.filter((n) => !n.customer_note).map((n) => n.note)).toEqual([
      expect.stringMatching(/^Dockhand: package 1Z-ONE shipped: 2 × A/),
      expect.stringMatching(/^Dockhand: package 1Z-TWO shipped: 1 × B/),
    ]);
    // Sent again: the customer's note is found (not the private ledger note), nothing is added.
    const again = await connector.uploadShipment!({ ...base, trackingNumber: '1Z-ONE', items: [{ cartLineId: String(a.id), sku: 'A', quantity: 2 }] });
    expect(again).toEqual({ ...first, alreadyExisted: true });
    expect(shop.store.notesOf(order.id)).toHaveLength(4);
  });

  it('refuses a shipment of a line the order does not have, naming it, and writes nothing', async () => {
    const shop = await start();
    const [order] = shop.store.seedOrders(1);
    const result = await connect(shop).uploadShipment!({
      cartOrderId: String(order.id),
      orderNumber: order.number,
      carrier: 'UPS',
      trackingNumber: '1Z-X',
      shipDate: '2026-11-21',
      items: [{ cartLineId: '999', sku: 'GHOST', quantity: 1 }],
    });
    expect(result).toEqual({ outcome: 'refused', reason: expect.stringContaining('GHOST (line 999)') });
    expect(shop.store.trackingsOf(order.id)).toEqual([]);
  });

  it('reports a product whose stock WooCommerce does not manage, not counted as updated', async () => {
    const shop = await start();
    shop.store.addSimpleProduct('MANAGED');
    shop.store.addSimpleProduct('UNMANAGED', { manageStock: false });
    const result = await connect(shop).pushInventory!([{ sku: 'MANAGED', quantity: 5 }, { sku: 'UNMANAGED', quantity: 6 }, { sku: 'NOPE', quantity: 1 }]);
    expect(result).toEqual({ updated: 1, unknownSkus: ['NOPE'], failed: [{ sku: 'UNMANAGED', reason: expect.stringContaining('manage_stock is off') }] });
  });
});

describe('the WooCommerce plugin remembers how the keys reach the store', () => {
  function connectWith(shop: FakeWooCommerce, ports: MemoryCartPorts, baseUrl = shop.url) {
    const parsed = woocommercePlugin.settingsSchema.parse({ storeUrl: 'https://acme.example', baseUrl });
    return woocommercePlugin.create({ ...ctx(), positions: ports.positions }, parsed, { consumerKey: shop.consumerKey, consumerSecret: shop.consumerSecret });
  }

  it('sends no Basic attempt on the next run once the query-string keys were found to work', async () => {
    const shop = await start({ dropsAuthorizationHeader: true });
    shop.store.seedOrders(2);
    const ports = memoryCartPorts();
    const first = await pages(connectWith(shop, ports).fetchOrders({ cursor: null, earliestOrderDate: EARLIEST }));
    expect(first.flatMap((p) => p.orders)).toHaveLength(2);
    // Run 1: Basic arrived as nothing (the server dropped the header), then the query string worked.
    expect(shop.store.requests[0].auth).toBe('none');
    expect(shop.store.requests.slice(1).every((r) => r.auth === 'query')).toBe(true);
    expect(JSON.parse(ports.saved.positions.get(KEY_DELIVERY_STREAM) ?? '{}')).toMatchObject({ via: 'query_string' });

    shop.store.requests.length = 0;
    await pages(connectWith(shop, ports).fetchOrders({ cursor: null, earliestOrderDate: EARLIEST }));
    await connectWith(shop, ports).pushInventory?.([{ sku: 'NOPE', quantity: 1 }]);
    expect(shop.store.requests.length).toBeGreaterThan(0);
    expect(shop.store.requests.map((r) => r.auth).filter((a) => a !== 'query')).toEqual([]);
  });

  it('starts from Basic again where nothing was learnt, or for a cart moved to another address', async () => {
    const shop = await start();
    shop.store.seedOrders(1);
    const ports = memoryCartPorts({
      positions: { [KEY_DELIVERY_STREAM]: JSON.stringify({ via: 'query_string', address: 'http://127.0.0.1:1' }) },
    });
    await pages(connectWith(shop, ports).fetchOrders({ cursor: null, earliestOrderDate: EARLIEST }));
    expect(shop.store.requests.map((r) => r.auth)).toEqual(['basic']);
    // A store that takes Basic leaves nothing new behind.
    expect(JSON.parse(ports.saved.positions.get(KEY_DELIVERY_STREAM) ?? '{}').address).toBe('http://127.0.0.1:1');
  });
});
