import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrackingToAdd } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { mapMagentoOrder } from '../../../../../../main/engine/connectors/carts/magento/order-mapper.js';
import { uploadShipment } from '../../../../../../main/engine/connectors/carts/magento/shipment-upload.js';
import { addTrack } from '../../../../../../main/engine/connectors/carts/magento/track-add.js';
import { createFakeMagento, type FakeMagento } from '../../../../../fakes/magento/index.js';
import { clientFor } from './helpers.js';

let fake: FakeMagento;
let box2: TrackingToAdd;

/** An order shipped whole in box JJD1 (Magento shipment 1); box JJD2 has no lines of its own. */
beforeEach(async () => {
  fake = await createFakeMagento();
  const order = fake.state.addOrder({ lines: [{ sku: 'A', qty: 1, price: 1 }] });
  const mapped = mapMagentoOrder(fake.state.view(order));
  if (!mapped.ok) throw new Error(mapped.reason);
  const { cartOrderId, orderNumber } = mapped.order;
  const lines = mapped.order.lines.map((l) => ({ cartLineId: l.cartLineId, sku: l.sku, quantity: l.quantity }));
  const first = await uploadShipment(clientFor(fake), { cartOrderId, orderNumber, carrier: 'UPS', trackingNumber: 'JJD1', shipDate: '2026-11-27', items: lines });
  if (first.outcome !== 'accepted') throw new Error('the first box was not shipped');
  box2 = { cartOrderId, orderNumber, carrier: 'UPS', trackingNumber: 'JJD2', shipDate: '2026-11-27', joinsTrackingNumber: 'JJD1', joinsRemoteId: first.remoteId };
});

afterEach(async () => {
  await fake.close();
});

const numbers = () => fake.state.shipments.map((s) => s.tracks.map((t) => t.track_number));

describe('Magento adding a package’s tracking number to a shipment', () => {
  it('adds a track to the shipment of the lines, beside its own, under Magento’s carrier code', async () => {
    const result = await addTrack(clientFor(fake), box2);
    expect(result).toEqual({ outcome: 'accepted', remoteId: '1', alreadyExisted: false });
    expect(numbers()).toEqual([['JJD1', 'JJD2']]);
    expect(fake.state.shipments[0].tracks[1]).toEqual({ track_number: 'JJD2', title: 'United Parcel Service', carrier_code: 'ups' });
  });

  it('adds nothing for a number a shipment of the order carries already', async () => {
    await addTrack(clientFor(fake), box2);
    expect(await addTrack(clientFor(fake), box2)).toEqual({ outcome: 'accepted', remoteId: '1', alreadyExisted: true });
    expect(numbers()).toEqual([['JJD1', 'JJD2']]);
  });

  it('looks again after an add whose answer was lost instead of adding it twice', async () => {
    fake.failNext(1, { status: 502, page: 'nginx', method: 'POST', path: '/V1/shipment/track', afterApplying: true });
    expect(await addTrack(clientFor(fake), box2)).toEqual({ outcome: 'accepted', remoteId: '1', alreadyExisted: false });
    expect(numbers()).toEqual([['JJD1', 'JJD2']]);
  });

  it('refuses, naming the order and both boxes, when the order has no such shipment', async () => {
    const result = await addTrack(clientFor(fake), { ...box2, joinsRemoteId: '99' });
    expect(result.outcome).toBe('refused');
    expect(result.outcome === 'refused' && result.reason).toMatch(new RegExp(`${box2.orderNumber}.*JJD1.*JJD2`));
    expect(numbers()).toEqual([['JJD1']]);
  });
});

describe('the fake Magento’s POST /V1/shipment/track', () => {
  it('refuses a track for a shipment of another order', () => {
    expect(() => fake.state.addTrack({ order_id: 2, parent_id: 1, track_number: 'X', title: 'X', carrier_code: 'custom' })).toThrow('Could not save the shipment tracking.');
  });
});
