import { afterEach, describe, expect, it } from 'vitest';
import type { ShipmentToUpload } from '../../../../../main/engine/connectors/carts/cart-connector.js';
import { uploadShipment as uploadBigCommerce } from '../../../../../main/engine/connectors/carts/bigcommerce/shipment-upload.js';
import { buildConfirmation } from '../../../../../main/engine/connectors/carts/amazon/shipment-upload.js';
import { buildFulfillmentRequest } from '../../../../../main/engine/connectors/carts/ebay/shipment-upload.js';
import { trackingFileName } from '../../../../../main/engine/connectors/carts/csv/tracking-file.js';
import { buildShipRequest, uploadShipment as uploadMagento } from '../../../../../main/engine/connectors/carts/magento/shipment-upload.js';
import { mapMagentoOrder } from '../../../../../main/engine/connectors/carts/magento/order-mapper.js';
import { findByTracking, trackingInfoOf } from '../../../../../main/engine/connectors/carts/shopify/shipment-upload.js';
import { listTrackingProviders } from '../../../../../main/engine/connectors/carts/woocommerce/orders-api.js';
import { uploadWooPackage } from '../../../../../main/engine/connectors/carts/woocommerce/package-upload.js';
import { createFakeMagento, type FakeMagento } from '../../../../fakes/magento/index.js';
import { createFakeWooCommerce, type FakeWooCommerce } from '../../../../fakes/woocommerce/index.js';
import type { FakeBigCommerce } from '../../../../fakes/bigcommerce/index.js';
import { clientFor as bigCommerceClient, fakeStore, virtualClock } from './bigcommerce/helpers.js';
import { clientFor as magentoClient } from './magento/helpers.js';
import { clientFor as wooClient } from './woocommerce/helpers.js';

/** A package the warehouse confirmed without a tracking number (the format has no tracking column). */
const untracked = (over: Partial<ShipmentToUpload>): ShipmentToUpload => ({
  cartOrderId: '',
  orderNumber: '',
  carrier: 'UPS',
  trackingNumber: '',
  shipDate: '2026-11-21T09:00:00.000Z',
  items: [],
  ...over,
});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('a shipment without a tracking number, uploaded to each cart', () => {
  it('Shopify: the fulfillment’s tracking info carries the carrier and no number, and finds no other fulfillment as its own', () => {
    expect(trackingInfoOf(untracked({}))).toEqual({ company: 'UPS' });
    const state = { name: '#1001', openFulfillmentOrders: [], fulfillments: [{ id: 'gid://shopify/Fulfillment/1', status: 'SUCCESS', trackingNumbers: [''] }] };
    expect(findByTracking(state, '')).toBeUndefined();
  });

  it('BigCommerce: two packages of one order are two shipments, and neither sends a tracking number', async () => {
    const vc = virtualClock();
    const fake: FakeBigCommerce = await fakeStore(vc);
    closers.push(() => fake.close());
    const order = fake.store.addOrder({ lines: [['A', 1, 100], ['B', 1, 100]] });
    const { client } = bigCommerceClient(fake, vc);
    const bodies: unknown[] = [];
    const post = client.post.bind(client);
    client.post = (path: string, body: unknown) => (bodies.push(body), post(path, body));
    const line = (k: number) => ({ cartLineId: String(order.products[k].id), sku: order.products[k].sku, quantity: 1 });

    const first = await uploadBigCommerce(client, untracked({ cartOrderId: String(order.id), orderNumber: String(order.id), items: [line(0)] }));
    const second = await uploadBigCommerce(client, untracked({ cartOrderId: String(order.id), orderNumber: String(order.id), items: [line(1)] }));

    expect([first, second].map((r) => r.outcome === 'accepted' && r.alreadyExisted)).toEqual([false, false]);
    expect(order.shipments).toHaveLength(2);
    expect(order.status_id).toBe(2);
    expect(bodies).toHaveLength(2);
    for (const body of bodies) expect(body).not.toHaveProperty('tracking_number');
  });

  it('Magento: the shipment goes without a track, and a second package ships too', async () => {
    const fake: FakeMagento = await createFakeMagento();
    closers.push(() => fake.close());
    const seeded = fake.state.addOrder({ lines: [{ sku: 'A', qty: 1, price: 1 }, { sku: 'B', qty: 1, price: 1 }] });
    const mapped = mapMagentoOrder(fake.state.view(seeded));
    if (!mapped.ok) throw new Error(mapped.reason);
    const ship = (k: number) =>
      untracked({ cartOrderId: mapped.order.cartOrderId, orderNumber: mapped.order.orderNumber, items: [{ cartLineId: mapped.order.lines[k].cartLineId!, sku: mapped.order.lines[k].sku, quantity: 1 }] });
    expect(buildShipRequest(ship(0)).tracks).toEqual([]);

    await uploadMagento(magentoClient(fake), ship(0));
    await uploadMagento(magentoClient(fake), ship(1));

    expect(fake.state.shipments.map((s) => s.tracks)).toEqual([[], []]);
    expect(fake.state.orders.get(seeded.entity_id)?.state).toBe('complete');
  });

  it('WooCommerce: no tracking item, a note that says it shipped, and two packages complete the order; a re-send adds nothing', async () => {
    const fake: FakeWooCommerce = await createFakeWooCommerce({ shipmentTracking: true });
    closers.push(() => fake.close());
    const [order] = fake.store.seedOrders([{ lines: [{ sku: 'A', quantity: 1, price: '1.00' }, { sku: 'B', quantity: 1, price: '1.00' }] }]);
    const { client } = wooClient(fake);
    const providers = listTrackingProviders(client);
    const ship = (k: number, packageRef: string) =>
      untracked({ cartOrderId: String(order.id), orderNumber: order.number, packageRef, items: [{ cartLineId: String(order.line_items[k].id), sku: order.line_items[k].sku, quantity: 1 }] });

    const first = await uploadWooPackage(client, ship(0, '11'), () => providers);
    expect(fake.store.orders.get(order.id)?.status).toBe('processing');
    const second = await uploadWooPackage(client, ship(1, '12'), () => providers);
    const again = await uploadWooPackage(client, ship(1, '12'), () => providers);

    expect([first.outcome, second.outcome, again.outcome]).toEqual(['accepted', 'accepted', 'accepted']);
    expect(again.outcome === 'accepted' && again.alreadyExisted).toBe(true);
    expect(fake.store.trackingsOf(order.id)).toEqual([]);
    expect(fake.store.orders.get(order.id)?.status).toBe('completed');
    const customerNotes = fake.store.notesOf(order.id).filter((n) => n.customer_note).map((n) => n.note);
    expect(customerNotes).toEqual(['Your order has shipped with UPS.', 'Your order has shipped with UPS.']);
  });

  it('CSV cart: two packages of one order are two tracking files', () => {
    expect(trackingFileName(untracked({ orderNumber: '1001', packageRef: '11' }))).not.toBe(trackingFileName(untracked({ orderNumber: '1001', packageRef: '12' })));
  });

  it('eBay: the fulfillment names its lines and sends neither a carrier nor an empty tracking number', () => {
    const request = buildFulfillmentRequest(untracked({ orderNumber: '12-0001', items: [{ cartLineId: '900', sku: 'A', quantity: 1 }] }));
    expect(request.lineItems).toEqual([{ lineItemId: '900', quantity: 1 }]);
    expect(request).not.toHaveProperty('trackingNumber');
    expect(request).not.toHaveProperty('shippingCarrierCode');
  });

  it('Amazon: a package without a tracking number is refused with the reason, since Amazon requires one', () => {
    expect(() => buildConfirmation(untracked({ orderNumber: '111-1', items: [{ cartLineId: 'OI1', sku: 'A', quantity: 1 }] }), 'ATVPDKIKX0DER')).toThrow(/Amazon needs a tracking number/);
  });
});
