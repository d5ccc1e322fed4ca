import { afterEach, describe, expect, it } from 'vitest';
import type { ShipmentToUpload } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { etsyPlatform } from '../../../../../../shared/platforms/etsy.js';
import type { FakeReceipt } from '../../../../../fakes/etsy/index.js';
import { etsyWorld, type EtsyWorld } from './helpers.js';

let world: EtsyWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

function shipmentOf(receipt: FakeReceipt, trackingNumber: string, carrier = 'FDX'): ShipmentToUpload {
  return {
    cartOrderId: String(receipt.receipt_id),
    orderNumber: String(receipt.receipt_id),
    carrier,
    trackingNumber,
    shipDate: '2026-11-26',
    items: receipt.transactions.map((t) => ({ cartLineId: String(t.transaction_id), sku: t.sku, quantity: t.quantity })),
  };
}

describe('tracking numbers sent to Etsy receipts', () => {
  it('says tracking is per order: one number marks the whole receipt shipped', () => {
    expect(etsyPlatform.capabilities.tracking).toBe('per_order');
  });

  it('become a receipt shipment with the carrier under its Etsy name, marking the receipt shipped', async () => {
    world = await etsyWorld();
    const receipt = world.etsy.shop.addReceipt({ lines: [{ sku: 'MUG', quantity: 2, cents: 1250 }] });
    const result = await world.connect().uploadShipment!(shipmentOf(receipt, '7712 3456 7890', 'FedEx Ground'));
    expect(result).toMatchObject({ outcome: 'accepted', alreadyExisted: false });
    expect(receipt.shipments.map((s) => [s.tracking_code, s.carrier_name])).toEqual([['7712 3456 7890', 'fedex']]);
    expect(receipt.is_shipped).toBe(true);
    const post = world.etsy.requests.filter((r) => r.method === 'POST');
    expect(post.map((r) => r.path)).toEqual([`/shops/${world!.etsy.shop.shopId}/receipts/${receipt.receipt_id}/tracking`]);
  });

  it('are found, not sent again, when a receipt already carries the number (a resend after a crash)', async () => {
    world = await etsyWorld();
    const receipt = world.etsy.shop.addReceipt({ lines: [{ sku: 'MUG', quantity: 1, cents: 900 }] });
    const first = await world.connect().uploadShipment!(shipmentOf(receipt, '1Z999'));
    const again = await world.connect().uploadShipment!(shipmentOf(receipt, '1Z999'));
    expect(again).toEqual({ outcome: 'accepted', remoteId: first.outcome === 'accepted' ? first.remoteId : '', alreadyExisted: true });
    expect(receipt.shipments).toHaveLength(1);
  });

  it('add a second tracking number to a receipt that already has one (a second package)', async () => {
    world = await etsyWorld();
    const receipt = world.etsy.shop.addReceipt({ lines: [{ sku: 'MUG', quantity: 2, cents: 900 }] });
    await world.connect().uploadShipment!(shipmentOf(receipt, 'PKG-1', 'UPS'));
    await world.connect().uploadShipment!(shipmentOf(receipt, 'PKG-2', "Bob's Courier"));
    expect(receipt.shipments.map((s) => [s.tracking_code, s.carrier_name])).toEqual([
      ['PKG-1', 'ups'],
      ['PKG-2', "Bob's Courier"],
    ]);
  });

  it('are refused as the data of one shipment for a receipt the shop does not have, or lines it does not have', async () => {
    world = await etsyWorld();
    const receipt = world.etsy.shop.addReceipt({ lines: [{ sku: 'MUG', quantity: 1, cents: 900 }] });
    const connector = world.connect();
    const missing = await connector.uploadShipment!({ ...shipmentOf(receipt, 'X1'), cartOrderId: '999' });
    expect(missing).toEqual({ outcome: 'refused', reason: expect.stringContaining('Etsy has no receipt 999') });
    const stranger = await connector.uploadShipment!({ ...shipmentOf(receipt, 'X2'), items: [{ cartLineId: '42', sku: 'NOPE', quantity: 1 }] });
    expect(stranger).toEqual({ outcome: 'refused', reason: expect.stringContaining('has no line NOPE (42)') });
    expect(receipt.shipments).toHaveLength(0);
  });
});
