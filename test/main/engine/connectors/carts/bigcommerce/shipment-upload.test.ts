import { afterEach, describe, expect, it } from 'vitest';
import type { ShipmentToUpload } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { uploadShipment } from '../../../../../../main/engine/connectors/carts/bigcommerce/shipment-upload.js';
import { OutcomeUnknownError } from '../../../../../../main/engine/net/index.js';
import type { FakeBcOrder, FakeBigCommerce } from '../../../../../fakes/bigcommerce/index.js';
import { clientFor, fakeStore, virtualClock } from './helpers.js';

let fake: FakeBigCommerce | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function shipmentOf(order: FakeBcOrder, tracking: string, quantities?: number[], carrier = 'UPS'): ShipmentToUpload {
  return {
    cartOrderId: String(order.id),
    orderNumber: String(order.id),
    carrier,
    trackingNumber: tracking,
    shipDate: '2026-11-20T12:00:00Z',
    items: order.products.map((p, i) => ({ cartLineId: String(p.id), sku: p.sku, quantity: quantities?.[i] ?? p.quantity })),
  };
}

describe('BigCommerce shipment upload', () => {
  it('ships the whole order to its address with the lines and the carrier as shipping_provider', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1 });
    const order = fake.store.order(100);
    const { client } = clientFor(fake, vc);
    const result = await uploadShipment(client, shipmentOf(order, '1Z999'));
    expect(result).toEqual({ outcome: 'accepted', remoteId: String(order.shipments[0].id), alreadyExisted: false });
    expect(order.shipments[0]).toMatchObject({ order_address_id: order.addresses[0].id, tracking_number: '1Z999', shipping_provider: 'ups' });
    expect(order.status_id).toBe(2);
  });

  it('ships part of an order, leaving it Partially Shipped, then the rest', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc);
    const order = fake.store.addOrder({ lines: [['A', 3, 100], ['B', 1, 100]] });
    const { client } = clientFor(fake, vc);
    await uploadShipment(client, { ...shipmentOf(order, 'T1'), items: [{ cartLineId: String(order.products[0].id), sku: 'A', quantity: 2 }] });
    expect(order.status_id).toBe(3);
    await uploadShipment(client, shipmentOf(order, 'T2', [1, 1]));
    expect(order.status_id).toBe(2);
    expect(order.shipments.map((s) => s.items)).toEqual([
      [{ order_product_id: order.products[0].id, product_id: 0, quantity: 2 }],
      [
        { order_product_id: order.products[0].id, product_id: 0, quantity: 1 },
        { order_product_id: order.products[1].id, product_id: 0, quantity: 1 },
      ],
    ]);
  });

  it('does not create a shipment twice when it is sent again: the tracking number is found first', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1 });
    const order = fake.store.order(100);
    const { client } = clientFor(fake, vc);
    const first = await uploadShipment(client, shipmentOf(order, '1Z1'));
    const again = await uploadShipment(client, shipmentOf(order, '1Z1'));
    if (first.outcome !== 'accepted') throw new Error(`expected accepted, got ${first.outcome}`);
    expect(again).toEqual({ outcome: 'accepted', remoteId: first.remoteId, alreadyExisted: true });
    expect(order.shipments).toHaveLength(1);
  });

  it('settles a create whose outcome was unknown by finding it on the next try', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1 });
    const order = fake.store.order(100);
    const { client } = clientFor(fake, vc);
    // The store creates the shipment but the answer is lost on the way back.
    const realPost = client.post.bind(client);
    client.post = async (path, body) => {
      await realPost(path, body);
      throw new OutcomeUnknownError('connection dropped after sending');
    };
    await expect(uploadShipment(client, shipmentOf(order, '1Z7'))).rejects.toBeInstanceOf(OutcomeUnknownError);
    client.post = realPost;
    expect(await uploadShipment(client, shipmentOf(order, '1Z7'))).toMatchObject({ alreadyExisted: true });
    expect(order.shipments).toHaveLength(1);
  });

  it('refuses more than is left to ship as a data error, before asking the store', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc);
    const order = fake.store.addOrder({ lines: [['A', 1, 100]] });
    const { client } = clientFor(fake, vc);
    const err = await uploadShipment(client, shipmentOf(order, 'T', [2])).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'data', message: expect.stringContaining('1 left to ship, not 2') });
    expect(fake.store.stats.byRoute.get('POST /v2/orders/{id}/shipments')).toBeUndefined();
  });

  it('refuses a line that is not on the order', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1 });
    const { client } = clientFor(fake, vc);
    const shipment = { ...shipmentOf(fake.store.order(100), 'T'), items: [{ cartLineId: '999', sku: 'X', quantity: 1 }] };
    await expect(uploadShipment(client, shipment)).rejects.toMatchObject({ kind: 'data', message: expect.stringContaining('no line 999') });
  });

  it('says an order deleted from the store is gone, as a data error of that shipment', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1 });
    const shipment = shipmentOf(fake.store.order(100), 'T');
    fake.store.orders.delete(100);
    const { client } = clientFor(fake, vc);
    await expect(uploadShipment(client, shipment)).rejects.toMatchObject({ kind: 'data', message: expect.stringContaining('no longer in') });
  });

  it('sends an unknown carrier with its tracking link and name instead of failing', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 1 });
    const order = fake.store.order(100);
    const { client } = clientFor(fake, vc);
    await uploadShipment(client, { ...shipmentOf(order, 'LOC1', undefined, 'Bob’s Couriers'), trackingUrl: 'https://bob.example/t/LOC1' });
    expect(order.shipments[0]).toMatchObject({ shipping_provider: '', tracking_carrier: '', tracking_link: 'https://bob.example/t/LOC1', comments: 'Carrier: Bob’s Couriers' });
  });
});
