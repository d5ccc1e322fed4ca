import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CanonicalOrder } from '../../../../../../shared/domain.js';
import { packageReferenceId } from '../../../../../../main/engine/connectors/carts/amazon/shipment-upload.js';
import { amazonWorld, downloadAll, type AmazonWorld } from './amazon-world.js';

describe('Amazon shipment confirmation and listing quantities', () => {
  let w: AmazonWorld;
  beforeEach(async () => {
    w = await amazonWorld();
  });
  afterEach(() => w.close());

  async function oneOrder(seed: Parameters<AmazonWorld['fake']['state']['addOrder']>[0] = {}): Promise<CanonicalOrder> {
    w.fake.state.addOrder(seed);
    await w.indexed();
    const { orders } = await downloadAll(w.connect());
    return orders.at(-1)!;
  }

  const shipment = (order: CanonicalOrder, carrier: string, trackingNumber = '1Z999AA10123456784') => ({
    cartOrderId: order.cartOrderId,
    orderNumber: order.orderNumber,
    carrier,
    service: 'Ground',
    trackingNumber,
    shipDate: '2026-11-20',
    items: order.lines.map((l) => ({ cartLineId: l.cartLineId, sku: l.sku, quantity: l.quantity })),
  });

  it("confirms a package per order item with Amazon's carrier code, and an unlisted carrier as Other with its name", async () => {
    const order = await oneOrder();
    const ups = await w.connect().uploadShipment!(shipment(order, 'UPS'));
    expect(ups).toMatchObject({ outcome: 'accepted', alreadyExisted: false });
    const [pkg] = w.fake.state.packages;
    expect(pkg).toMatchObject({ carrierCode: 'UPS', trackingNumber: '1Z999AA10123456784', shippingMethod: 'Ground', packageReferenceId: packageReferenceId('1Z999AA10123456784') });
    expect(pkg.items).toEqual(order.lines.map((l) => ({ orderItemId: l.cartLineId, quantity: l.quantity })));

    const other = await oneOrder();
    await w.connect().uploadShipment!(shipment(other, "Bob's Courier", 'BOB-1'));
    expect(w.fake.state.packages[1]).toMatchObject({ carrierCode: 'Other', carrierName: "Bob's Courier" });
  });

  it('gives a package reference that is a positive number and the same for the same tracking number', () => {
    expect(packageReferenceId('1z999aa1')).toBe(packageReferenceId('1Z999AA1'));
    expect(packageReferenceId('A')).not.toBe(packageReferenceId('B'));
    expect(packageReferenceId('anything')).toMatch(/^[1-9]\d*$/);
  });

  it("refuses as bad data what Amazon refuses, with Amazon's words", async () => {
    const order = await oneOrder();
    const result = await w.connect().uploadShipment!({ ...shipment(order, 'UPS'), items: [{ cartLineId: '99999999999999', sku: 'X', quantity: 1 }] });
    expect(result).toMatchObject({ outcome: 'refused', reason: expect.stringContaining('is not an item of order') });
  });

  it("asks getOrder for the order's marketplace when the seller sells in several", async () => {
    w.fake.state.addOrder({ marketplaceId: 'A2EUQ1WTGCTBG2' });
    await w.indexed();
    const connector = w.connect({ settings: { marketplaceIds: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2'] } });
    const { orders } = await downloadAll(connector);
    expect(orders[0].customFields).toEqual(['A2EUQ1WTGCTBG2']);
    const result = await connector.uploadShipment!(shipment(orders[0], 'USPS'));
    expect(result.outcome).toBe('accepted');
    expect(w.fake.requests.filter((r) => r.operation === 'getOrder')).toHaveLength(1);
    expect(w.fake.requests.find((r) => r.operation === 'confirmShipment')?.body).toMatchObject({ marketplaceId: 'A2EUQ1WTGCTBG2' });
  });

  it('sets quantities through the Listings Items API: accepted, refused with the issue, unknown SKU', async () => {
    w.fake.state.addListing('AZ-MUG', 3);
    w.fake.state.addListing('AZ-BROKEN', 3, 'The product type does not allow an offer in this marketplace.');
    const result = await w.connect({ settings: { marketplaceIds: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2'] } }).pushInventory!([
      { sku: 'AZ-MUG', quantity: 12 },
      { sku: 'AZ-BROKEN', quantity: 5 },
      { sku: 'NOT-LISTED', quantity: 1 },
    ]);
    expect(result.updated).toBe(1);
    expect(result.unknownSkus).toEqual(['NOT-LISTED']);
    expect(result.failed).toEqual([{ sku: 'AZ-BROKEN', reason: expect.stringContaining('does not allow an offer') }]);
    expect(w.fake.state.inventoryWrites).toEqual([{ sku: 'AZ-MUG', quantity: 12, marketplaceIds: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2'] }]);
    const patch = w.fake.requests.find((r) => r.operation === 'patchListingsItem');
    expect(patch?.path).toBe(`/listings/2021-08-01/items/${w.fake.sellerId}/AZ-MUG`);
  });

  it('asks for the seller id before pushing quantities without one', async () => {
    const err = await w.connect({ credentials: { sellingPartnerId: undefined } }).pushInventory!([{ sku: 'AZ-MUG', quantity: 1 }]).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'config', message: expect.stringContaining('Merchant Token') });
  });
});
