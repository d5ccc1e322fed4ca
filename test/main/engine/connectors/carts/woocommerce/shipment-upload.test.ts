import { afterEach, describe, expect, it } from 'vitest';
import type { ShipmentToUpload } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { listTrackingProviders } from '../../../../../../main/engine/connectors/carts/woocommerce/orders-api.js';
import { uploadWooShipment } from '../../../../../../main/engine/connectors/carts/woocommerce/shipment-upload.js';
import { createFakeWooCommerce, type FakeWooCommerce, type FakeWooOptions } from '../../../../../fakes/woocommerce/index.js';
import { clientFor, failureOf } from './helpers.js';

let fake: FakeWooCommerce | undefined;

async function start(options: FakeWooOptions = {}): Promise<FakeWooCommerce> {
  fake = await createFakeWooCommerce(options);
  return fake;
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const shipmentOf = (orderId: number, trackingNumber = '1Z999', carrier = 'UPS'): ShipmentToUpload => ({
  cartOrderId: String(orderId),
  orderNumber: String(orderId),
  carrier,
  trackingNumber,
  trackingUrl: carrier === 'UPS' ? undefined : 'https://acme.example/t/AC1',
  shipDate: '2026-11-21T15:00:00.000Z',
  items: [],
});

describe('WooCommerce shipment upload', () => {
  it('adds a tracking item, then completes the order, and adds nothing when the shipment is sent again', async () => {
    const shop = await start({ shipmentTracking: true });
    const [order] = shop.store.seedOrders(1);
    const { client } = clientFor(shop);
    const providers = await listTrackingProviders(client);
    const first = await uploadWooShipment(client, shipmentOf(order.id), { providers, completesOrder: true });
    expect(first.alreadyExisted).toBe(false);
    expect(shop.store.trackingsOf(order.id)).toMatchObject([{ tracking_provider: 'UPS', tracking_number: '1Z999', date_shipped: '2026-11-21' }]);
    expect(shop.store.orders.get(order.id)?.status).toBe('completed');
    const again = await uploadWooShipment(client, shipmentOf(order.id), { providers, completesOrder: true });
    expect(again).toEqual({ remoteId: first.remoteId, alreadyExisted: true });
    expect(shop.store.trackingsOf(order.id)).toHaveLength(1);
  });

  it('sends a carrier the store does not list as a custom provider, and leaves a partial shipment’s order open', async () => {
    const shop = await start({ shipmentTracking: true });
    const [order] = shop.store.seedOrders(1);
    const { client } = clientFor(shop);
    await uploadWooShipment(client, shipmentOf(order.id, 'AC1', 'Acme Courier'), { providers: ['UPS'], completesOrder: false });
    expect(shop.store.trackingsOf(order.id)).toMatchObject([{ custom_tracking_provider: 'Acme Courier', custom_tracking_link: 'https://acme.example/t/AC1' }]);
    expect(shop.store.orders.get(order.id)?.status).toBe('processing');
  });

  it('without the extension, leaves one customer note with the tracking number and completes the order', async () => {
    const shop = await start({ shipmentTracking: false });
    const [order] = shop.store.seedOrders(1);
    const { client } = clientFor(shop);
    const providers = await listTrackingProviders(client);
    expect(providers).toBeUndefined();
    await uploadWooShipment(client, shipmentOf(order.id), { providers, completesOrder: true });
    const again = await uploadWooShipment(client, shipmentOf(order.id), { providers, completesOrder: true });
    expect(again.alreadyExisted).toBe(true);
    expect(shop.store.notesOf(order.id)).toMatchObject([{ note: 'Your order has shipped with UPS. Tracking number 1Z999', customer_note: true }]);
    expect(shop.store.orders.get(order.id)?.status).toBe('completed');
  });

  it('classes an order the store does not have as data', async () => {
    const shop = await start({ shipmentTracking: false });
    const { client } = clientFor(shop);
    const err = await failureOf(uploadWooShipment(client, shipmentOf(424242), { providers: undefined, completesOrder: true }));
    expect(err.kind).toBe('data');
  });
});
