import { afterEach, describe, expect, it } from 'vitest';
import { mapWooOrder } from '../../../../../../main/engine/connectors/carts/woocommerce/order-mapper.js';
import {
  addOrderNote,
  addTracking,
  completeOrder,
  fetchOrdersPage,
  listOrderNotes,
  listTrackings,
} from '../../../../../../main/engine/connectors/carts/woocommerce/orders-api.js';
import { createFakeWooCommerce, type FakeWooCommerce, type FakeWooOptions } from '../../../../../fakes/woocommerce/index.js';
import { clientFor } from './helpers.js';

let fake: FakeWooCommerce | undefined;

async function start(options: FakeWooOptions = {}): Promise<FakeWooCommerce> {
  fake = await createFakeWooCommerce(options);
  return fake;
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('WooCommerce orders: the download page', () => {
  it('asks for orders changed after a UTC instant on GMT dates, oldest change first, in a shop west of Greenwich', async () => {
    const shop = await start({ timeZone: 'America/Chicago', startMs: Date.UTC(2026, 10, 20, 12, 0, 0) });
    const orders = shop.store.seedOrders([{ status: 'processing' }, { status: 'processing' }, { status: 'on-hold' }, { status: 'processing' }]);
    shop.store.modifyOrder(orders[1].id);
    const { client } = clientFor(shop);
    const page = await fetchOrdersPage(client, { modifiedAfter: '2026-11-20T12:00:01.000Z', statuses: ['processing'], offset: 0 });
    const ids = page.items.map((o) => (o as { id: number }).id);
    // Order 0 was changed at 12:00:01, not after it; order 1 moved to the end when it was modified.
    expect(ids).toEqual([orders[3].id, orders[1].id]);
    const query = shop.store.requests.at(-1)!.query;
    expect(query.get('modified_after')).toBe('2026-11-20T12:00:01');
    expect(query.get('dates_are_gmt')).toBe('true');
    expect(query.get('orderby')).toBe('modified');
    expect(page.items.map((o) => mapWooOrder(o).ok)).toEqual([true, true]);
  });

  it('pages by offset with the total the store reports', async () => {
    const shop = await start();
    shop.store.seedOrders(7);
    const { client } = clientFor(shop);
    const first = await fetchOrdersPage(client, { statuses: ['processing'], offset: 0, perPage: 3 });
    const third = await fetchOrdersPage(client, { statuses: ['processing'], offset: 6, perPage: 3 });
    expect(first).toMatchObject({ total: 7, totalPages: 3 });
    expect(third.items).toHaveLength(1);
  });
});

describe('WooCommerce orders: telling the store an order shipped', () => {
  it('completes the order and leaves a customer note when there is no tracking extension', async () => {
    const shop = await start({ shipmentTracking: false });
    const [order] = shop.store.seedOrders(1);
    const { client } = clientFor(shop);
    expect(await addTracking(client, String(order.id), { provider: 'UPS', trackingNumber: '1Z999' })).toBeUndefined();
    await completeOrder(client, String(order.id));
    await addOrderNote(client, String(order.id), 'Shipped with UPS, tracking 1Z999', true);
    expect(shop.store.orders.get(order.id)?.status).toBe('completed');
    expect(shop.store.notesOf(order.id)).toMatchObject([{ note: 'Shipped with UPS, tracking 1Z999', customer_note: true }]);
    expect((await listOrderNotes(client, String(order.id))).map((n) => n.note)).toEqual(['Shipped with UPS, tracking 1Z999']);
    expect(await listTrackings(client, String(order.id))).toBeUndefined();
  });

  it('adds tracking through the Shipment Tracking extension, with a custom provider for an unknown carrier', async () => {
    const shop = await start({ shipmentTracking: true });
    const [order] = shop.store.seedOrders(1);
    const { client } = clientFor(shop);
    const ups = await addTracking(client, String(order.id), { provider: 'UPS', trackingNumber: '1Z999', dateShipped: '2026-11-21' });
    expect(ups).toMatchObject({ tracking_provider: 'UPS', tracking_number: '1Z999', date_shipped: '2026-11-21' });
    const custom = await addTracking(client, String(order.id), { customProvider: 'Acme Courier', customLink: 'https://acme.example/t/%1$s', trackingNumber: 'AC1' });
    expect(custom?.tracking_link).toBe('https://acme.example/t/AC1');
    expect((await listTrackings(client, String(order.id)))?.map((t) => t.tracking_number)).toEqual(['1Z999', 'AC1']);
  });
});
