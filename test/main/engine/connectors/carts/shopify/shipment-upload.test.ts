import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DockhandError } from '../../../../../../shared/errors.js';
import type { ShipmentToUpload, ShipmentUploadResult } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { createFakeShopify, type FakeOrder, type FakeShopify } from '../../../../../fakes/shopify/index.js';
import { connectTo } from './helpers.js';

let fake: FakeShopify;
let order: FakeOrder;

beforeEach(async () => {
  fake = await createFakeShopify({ orders: 3 });
  order = fake.state.addOrder({
    lines: [
      { sku: 'DH-1001', quantity: 3 },
      { sku: 'DH-1002', quantity: 1 },
    ],
  });
});

afterEach(async () => {
  await fake.close();
});

function shipment(tracking: string, items: [number, number][]): ShipmentToUpload {
  return {
    cartOrderId: order.id,
    orderNumber: order.name,
    carrier: 'UPS',
    service: 'Ground',
    trackingNumber: tracking,
    trackingUrl: `https://www.ups.com/track?tracknum=${tracking}`,
    shipDate: '2026-11-22T15:00:00.000Z',
    items: items.map(([line, quantity]) => ({
      cartLineId: order.lineItems[line].id,
      sku: order.lineItems[line].sku ?? '',
      quantity,
    })),
  };
}

/** Shopify accepts a shipment at once (or refuses it by throwing): never 'submitted'. */
function accepted(result: ShipmentUploadResult) {
  if (result.outcome !== 'accepted') throw new Error(`expected accepted, got ${result.outcome}`);
  return result;
}

const remaining = () => fake.state.order(order.id)!.fulfillmentOrders[0].lines.map((l) => l.remainingQuantity);

describe('Shopify shipment upload', () => {
  it('creates a fulfillment with tracking for part of the order', async () => {
    const { connector } = connectTo(fake);
    const result = accepted(await connector.uploadShipment!(shipment('1Z999AA10123456784', [[0, 2]])));
    expect(result.alreadyExisted).toBe(false);
    const [fulfillment] = fake.state.fulfillmentsOf(order.id);
    expect(result.remoteId).toBe(fulfillment.id);
    expect(fulfillment.trackingInfo).toEqual([
      { company: 'UPS', number: '1Z999AA10123456784', url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' },
    ]);
    expect(fulfillment.lines).toEqual([expect.objectContaining({ lineItemId: order.lineItems[0].id, quantity: 2 })]);
    expect(remaining()).toEqual([1, 1]);
    expect(fake.state.order(order.id)!.fulfillmentStatus).toBe('PARTIALLY_FULFILLED');
  });

  it('returns the existing fulfillment when the same tracking number is uploaded again', async () => {
    const { connector } = connectTo(fake);
    const first = accepted(await connector.uploadShipment!(shipment('1Z999AA10123456784', [[0, 2]])));
    const again = await connector.uploadShipment!(shipment('1z999aa1 0123456784', [[0, 2]]));
    expect(again).toEqual({ outcome: 'accepted', remoteId: first.remoteId, alreadyExisted: true });
    expect(fake.state.fulfillmentsOf(order.id)).toHaveLength(1);
    expect(remaining()).toEqual([1, 1]);
  });

  it('fulfils the rest with a second shipment and closes the order', async () => {
    const { connector } = connectTo(fake);
    await connector.uploadShipment!(shipment('TRACK-1', [[0, 2]]));
    await connector.uploadShipment!(shipment('TRACK-2', [[0, 1], [1, 1]]));
    expect(remaining()).toEqual([0, 0]);
    expect(fake.state.order(order.id)!.fulfillmentStatus).toBe('FULFILLED');
    expect(fake.state.fulfillmentsOf(order.id).map((f) => f.trackingInfo[0].number)).toEqual(['TRACK-1', 'TRACK-2']);
  });

  it('refuses to ship more than is left to fulfil, as a data error', async () => {
    const { connector } = connectTo(fake);
    const err = await connector.uploadShipment!(shipment('TRACK-9', [[1, 2]])).catch((e) => e);
    expect(err).toBeInstanceOf(DockhandError);
    expect(err.kind).toBe('data');
    expect(err.message).toContain('DH-1002');
    expect(fake.state.fulfillmentsOf(order.id)).toHaveLength(0);
  });

  it("reports Shopify's userErrors as a data error", async () => {
    const { connector } = connectTo(fake);
    const refusal = {
      data: {
        fulfillmentCreate: {
          fulfillment: null,
          userErrors: [{ field: ['fulfillment'], message: 'Fulfillment order 1 has an unfulfillable status= closed.' }],
        },
      },
    };
    fake.state.malformNext(1, { when: 'fulfillmentCreate', body: JSON.stringify(refusal) });
    const err = await connector.uploadShipment!(shipment('TRACK-3', [[0, 1]])).catch((e) => e);
    expect(err).toBeInstanceOf(DockhandError);
    expect(err.kind).toBe('data');
    expect(err.message).toBe(
      `Shopify refused the shipment TRACK-3 for order ${order.name}: Fulfillment order 1 has an unfulfillable status= closed.`,
    );
  });

  it('looks the fulfillment up after a create that timed out instead of creating it twice', async () => {
    const { connector } = connectTo(fake, { options: { timeoutMs: 300 } });
    fake.state.delayNext(1, 800, { when: 'fulfillmentCreate', after: true });
    const result = await connector.uploadShipment!(shipment('TRACK-SLOW', [[0, 3], [1, 1]]));
    const fulfillments = fake.state.fulfillmentsOf(order.id);
    expect(fulfillments).toHaveLength(1);
    expect(result).toEqual({ outcome: 'accepted', remoteId: fulfillments[0].id, alreadyExisted: false });
  });

  it('says which order was not found', async () => {
    const { connector } = connectTo(fake);
    const err = await connector
      .uploadShipment!({ ...shipment('T', [[0, 1]]), cartOrderId: 'gid://shopify/Order/1', orderNumber: '#9999' })
      .catch((e) => e);
    expect(err.kind).toBe('data');
    expect(err.message).toContain('#9999');
  });
});
