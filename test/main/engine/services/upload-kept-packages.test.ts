import { describe, expect, it } from 'vitest';
import type { CartConnector, ShipmentToUpload, TrackingToAdd } from '../../../../main/engine/connectors/carts/cart-connector.js';
import { insertShipmentOnce } from '../../../../main/engine/store/repositories/shipments-repo.js';
import { useShippingWorld, type ShippingWorld } from '../../../support/shipping-world.js';
import { PACKAGE_HEADER, usePackageFormat } from './package-format.js';
import { scriptedWorld, type ScriptedWorld } from './scripted-cart.js';

const line = (sku: string, quantity: number) => ({ sku, quantity });
const HEADER = PACKAGE_HEADER;

const numbersAtShopify = (w: ShippingWorld, n: string) => w.carts[0].shop.state.fulfillmentsOf(n).map((f) => f.trackingInfo.map((t) => t.number));

describe('the upload of a box with no lines of its own, to Shopify', () => {
  const world = useShippingWorld();

  it('adds the second box’s tracking number to the fulfillment of the first, and a second run adds nothing', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 2), line('DH-1002', 1)]);
    await usePackageFormat(w);
    await w.confirm('packages.csv', [`${n};JJD1;2026-11-27`, `${n};JJD2;2026-11-27`], { header: HEADER });
    await w.pickup();

    const upload = await w.upload(0);

    expect(upload.errors).toEqual([]);
    expect(upload.counts.trackingAdded).toBe(1);
    expect(numbersAtShopify(w, n)).toEqual([['JJD1', 'JJD2']]);
    const order = await w.detail(0, n);
    expect(order.status).toBe('confirmed');
    expect(order.shipments.map((s) => [s.trackingNumber, s.status])).toEqual([
      ['JJD1', 'uploaded'],
      ['JJD2', 'uploaded'],
    ]);
    expect(order.history.map((h) => h.note).join('\n')).toMatch(/Package JJD2 added to Acme Shopify beside tracking JJD1/);

    const again = await w.upload(0);
    expect(again.errors).toEqual([]);
    expect(again.counts.trackingAdded ?? 0).toBe(0);
    expect(numbersAtShopify(w, n)).toEqual([['JJD1', 'JJD2']]);
  });

  it('adds a box of a later file to the fulfillment uploaded on an earlier run', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 1)]);
    await usePackageFormat(w);
    await w.confirm('monday.csv', [`${n};JJD1;2026-11-27`], { header: HEADER });
    await w.pickup();
    await w.upload(0);
    await w.confirm('tuesday.csv', [`${n};JJD2;2026-11-28`], { header: HEADER });
    await w.pickup();

    expect((await w.upload(0)).errors).toEqual([]);

    expect(numbersAtShopify(w, n)).toEqual([['JJD1', 'JJD2']]);
    expect((await w.detail(0, n)).shipments.map((s) => [s.trackingNumber, s.status])).toEqual([
      ['JJD1', 'uploaded'],
      ['JJD2', 'uploaded'],
    ]);
  });

  it('leaves a box kept on the order, with Shopify’s reason, when the fulfillment it joins was canceled there', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 1)]);
    await usePackageFormat(w);
    await w.confirm('monday.csv', [`${n};JJD1;2026-11-27`], { header: HEADER });
    await w.pickup();
    await w.upload(0);
    w.carts[0].shop.state.updateOrder(n, (o) => (o.fulfillments[0].status = 'CANCELLED'));
    await w.confirm('tuesday.csv', [`${n};JJD2;2026-11-28`], { header: HEADER });
    await w.pickup();

    const upload = await w.upload(0);

    expect(upload.errors.map((e) => e.message).join('\n')).toMatch(/JJD1.*JJD2/);
    const order = await w.detail(0, n);
    expect(order.status).toBe('confirmed');
    expect(order.shipments.map((s) => [s.trackingNumber, s.status])).toEqual([
      ['JJD1', 'uploaded'],
      ['JJD2', 'kept'],
    ]);
    expect(order.history.map((h) => h.note).join('\n')).toMatch(/Package JJD2 stays on the order only/);
    // Refused once: not sent again on every run.
    expect((await w.upload(0)).errors).toEqual([]);
  });
});

/** A cart that records what it was sent; `addTracking` only when given. */
function recordingCart(addTracking?: (t: TrackingToAdd) => Promise<{ outcome: 'accepted'; remoteId: string; alreadyExisted: boolean }>) {
  const sent: ShipmentToUpload[] = [];
  const added: TrackingToAdd[] = [];
  const connector = (): CartConnector => ({
    testConnection: async () => ({ ok: true, message: 'ok' }),
    fetchOrders: async function* () {},
    uploadShipment: async (s) => {
      sent.push(s);
      return { outcome: 'accepted', remoteId: `fulfillment-${s.trackingNumber}`, alreadyExisted: false };
    },
    ...(addTracking
      ? {
          addTracking: (t: TrackingToAdd) => {
            added.push(t);
            return addTracking(t);
          },
        }
      : {}),
  });
  return { sent, added, connector };
}

/** Order M1 shipped in two boxes: BOX1 carrying both lines (pending), BOX2 with none (kept). */
async function twoBoxes(w: ScriptedWorld): Promise<number> {
  const orderId = await w.addOrder(1, 'shipped');
  await w.addShipment(orderId, 'BOX1', [1, 2]);
  const now = new Date().toISOString();
  await w.store.write((db) =>
    insertShipmentOnce(
      db,
      { orderId, cartId: w.cartId, trackingNumber: 'BOX2', carrier: 'UPS', service: null, trackingUrl: null, shipDate: '2026-11-28', items: [], sourceFile: 'ship.csv', status: 'kept' },
      now,
    ),
  );
  return orderId;
}

const shipmentsOf = (w: ScriptedWorld, orderId: number) =>
  w.store.read((db) => db.all<{ tracking_number: string; status: string; remote_id: string | null }>('SELECT tracking_number, status, remote_id FROM shipments WHERE order_id = ? ORDER BY id', [orderId]));

describe('the upload of a box with no lines of its own, to other carts', () => {
  it('keeps it on the order, unsent, where the cart cannot add a tracking number to a shipment', async () => {
    const cart = recordingCart();
    const w = await scriptedWorld({ connector: cart.connector });
    try {
      const orderId = await twoBoxes(w);
      await w.run('shipment_upload');
      expect(cart.sent.map((s) => s.trackingNumber)).toEqual(['BOX1']);
      expect(await shipmentsOf(w, orderId)).toEqual([
        { tracking_number: 'BOX1', status: 'uploaded', remote_id: 'fulfillment-BOX1' },
        { tracking_number: 'BOX2', status: 'kept', remote_id: null },
      ]);
      const status = await w.store.read((db) => db.get<{ status: string }>('SELECT status FROM orders WHERE id = ?', [orderId]));
      expect(status?.status).toBe('confirmed');
    } finally {
      await w.close();
    }
  });

  it('sends it once the box with the lines is uploaded, naming that box and its id at the cart, and marks it uploaded there', async () => {
    const cart = recordingCart(async () => ({ outcome: 'accepted', remoteId: 'fulfillment-BOX1', alreadyExisted: false }));
    const w = await scriptedWorld({ connector: cart.connector });
    try {
      const orderId = await twoBoxes(w);
      await w.run('shipment_upload');
      expect(cart.added).toEqual([
        expect.objectContaining({ cartOrderId: 'market-order-1', orderNumber: 'M1', trackingNumber: 'BOX2', joinsTrackingNumber: 'BOX1', joinsRemoteId: 'fulfillment-BOX1' }),
      ]);
      expect(await shipmentsOf(w, orderId)).toEqual([
        { tracking_number: 'BOX1', status: 'uploaded', remote_id: 'fulfillment-BOX1' },
        { tracking_number: 'BOX2', status: 'uploaded', remote_id: 'fulfillment-BOX1' },
      ]);
      await w.run('shipment_upload');
      expect(cart.added).toHaveLength(1);
    } finally {
      await w.close();
    }
  });

  it('holds it back while a box of its order with lines is not uploaded', async () => {
    const cart = recordingCart(async () => ({ outcome: 'accepted', remoteId: 'x', alreadyExisted: false }));
    const w = await scriptedWorld({ connector: cart.connector });
    try {
      const orderId = await twoBoxes(w);
      await w.store.write((db) => db.run(`UPDATE shipments SET status = 'error', error = 'refused' WHERE tracking_number = 'BOX1'`));
      await w.run('shipment_upload');
      expect(cart.added).toEqual([]);
      expect((await shipmentsOf(w, orderId)).map((s) => s.status)).toEqual(['error', 'kept']);
    } finally {
      await w.close();
    }
  });
});
