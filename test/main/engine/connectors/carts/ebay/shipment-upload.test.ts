import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFulfillmentRequest, fulfillmentIdOf } from '../../../../../../main/engine/connectors/carts/ebay/shipment-upload.js';
import { clearCachedTokens } from '../../../../../../main/engine/connectors/carts/kit/token-source.js';
import { clearShopLimiters } from '../../../../../../main/engine/connectors/carts/kit/shop-limiters.js';
import type { ShipmentToUpload } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { startEbayWorld, type EbayWorld } from './helpers.js';

/** Shipping fulfillments per line item, with eBay's carrier codes, never created twice. */

let world: EbayWorld;
beforeEach(() => {
  clearCachedTokens();
  clearShopLimiters();
});
afterEach(() => world?.close());

function shipmentOf(w: EbayWorld, carrier: string, tracking: string): ShipmentToUpload {
  const order = w.fake.state.addOrder();
  const line = order.lineItems[0];
  return { cartOrderId: order.orderId, orderNumber: order.orderId, carrier, trackingNumber: tracking, shipDate: '2026-11-20', items: [{ cartLineId: line.lineItemId, sku: line.sku, quantity: line.quantity }] };
}

describe('eBay shipment upload', () => {
  it("sends the warehouse's carrier as eBay's code, and one it does not list by its name", () => {
    const base = { cartOrderId: '1', orderNumber: '1', trackingNumber: 'T', shipDate: '2026-11-20', items: [{ cartLineId: '9', sku: 'A', quantity: 1 }] };
    expect(buildFulfillmentRequest({ ...base, carrier: 'FedEx Ground' }).shippingCarrierCode).toBe('FEDEX');
    expect(buildFulfillmentRequest({ ...base, carrier: 'usps' }).shippingCarrierCode).toBe('USPS');
    expect(buildFulfillmentRequest({ ...base, carrier: 'Canada Post' }).shippingCarrierCode).toBe('CANADA_POST');
    expect(buildFulfillmentRequest({ ...base, carrier: 'Acme Freight' }).shippingCarrierCode).toBe('Acme Freight');
    expect(buildFulfillmentRequest({ ...base, carrier: 'UPS' }).shippedDate).toBe('2026-11-20T12:00:00.000Z');
  });

  it("takes the new fulfillment's id from the Location header", () => {
    expect(fulfillmentIdOf('https://api.ebay.com/sell/fulfillment/v1/order/12-3/shipping_fulfillment/9405511899')).toBe('9405511899');
    expect(fulfillmentIdOf(null)).toBeUndefined();
  });

  it('finds the fulfillment after a 5xx whose create was applied, and creates none twice', async () => {
    world = await startEbayWorld();
    const shipment = shipmentOf(world, 'UPS', '1ZUNKNOWN');
    world.fake.failNext(1, { status: 502, method: 'POST', path: '/shipping_fulfillment', afterApplying: true });
    const result = await world.connect().uploadShipment!(shipment);
    expect(result).toMatchObject({ outcome: 'accepted', alreadyExisted: false });
    expect(world.fake.state.fulfillments.filter((f) => f.orderId === shipment.cartOrderId)).toHaveLength(1);
    expect(world.fake.state.fulfillments[0]).toMatchObject({ shipmentTrackingNumber: '1ZUNKNOWN', shippingCarrierCode: 'UPS' });
  });

  it('refuses, as this shipment\'s data, more units than the line has', async () => {
    world = await startEbayWorld();
    const shipment = shipmentOf(world, 'UPS', '1ZTOOMANY');
    const result = await world.connect().uploadShipment!({ ...shipment, items: [{ ...shipment.items[0], quantity: 99 }] });
    expect(result.outcome).toBe('refused');
    if (result.outcome === 'refused') expect(result.reason).toContain('left to ship');
  });
});
