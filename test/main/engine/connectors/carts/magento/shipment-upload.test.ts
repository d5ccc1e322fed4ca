import { afterEach, describe, expect, it } from 'vitest';
import type { ShipmentToUpload } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { mapMagentoOrder } from '../../../../../../main/engine/connectors/carts/magento/order-mapper.js';
import { buildShipRequest, uploadShipment } from '../../../../../../main/engine/connectors/carts/magento/shipment-upload.js';
import { OutcomeUnknownError } from '../../../../../../main/engine/net/index.js';
import { createFakeMagento, type FakeMagento, type OrderSeed } from '../../../../../fakes/magento/index.js';
import { clientFor } from './helpers.js';

let fake: FakeMagento;

afterEach(async () => {
  await fake.close();
});

/** An order seeded in the fake, downloaded through the mapper, and a shipment of the given lines of it. */
function shipmentOf(seed: OrderSeed, pick: (lines: { sku: string; cartLineId: string; quantity: number }[]) => ShipmentToUpload['items'], carrier = 'UPS'): ShipmentToUpload {
  const order = fake.state.addOrder(seed);
  const mapped = mapMagentoOrder(fake.state.view(order));
  if (!mapped.ok) throw new Error(mapped.reason);
  return {
    cartOrderId: mapped.order.cartOrderId,
    orderNumber: mapped.order.orderNumber,
    carrier,
    trackingNumber: '1Z999AA10123456784',
    shipDate: '2026-11-21T09:00:00.000Z',
    items: pick(mapped.order.lines),
  };
}

describe('uploadShipment', () => {
  it('ships the lines with a UPS track under Magento\'s carrier code and title', async () => {
    fake = await createFakeMagento();
    const shipment = shipmentOf({ lines: [{ sku: 'A', qty: 2, price: 1 }, { sku: 'B', qty: 1, price: 1 }] }, (lines) => [
      { cartLineId: lines[0].cartLineId, sku: 'A', quantity: 1 },
    ]);
    const result = await uploadShipment(clientFor(fake), shipment);
    expect(result).toEqual({ outcome: 'accepted', remoteId: '1', alreadyExisted: false });
    expect(fake.state.shipments[0]).toMatchObject({
      items: [{ order_item_id: 1, qty: 1 }],
      tracks: [{ track_number: '1Z999AA10123456784', title: 'United Parcel Service', carrier_code: 'ups' }],
    });
    expect(fake.state.orders.get(1)?.state).toBe('processing');
  });

  it('ships a configurable product by its parent item, which completes the order', async () => {
    fake = await createFakeMagento();
    const shipment = shipmentOf({ lines: [{ sku: 'MH01-XS-Black', qty: 1, price: 52, configurable: { parentSku: 'MH01' } }] }, (lines) =>
      lines.map((l) => ({ cartLineId: l.cartLineId, sku: l.sku, quantity: l.quantity })),
    );
    await uploadShipment(clientFor(fake), shipment);
    const order = fake.state.orders.get(1)!;
    expect(fake.state.shipments[0].items).toEqual([{ order_item_id: order.items[0].item_id, qty: 1 }]);
    expect(order.state).toBe('complete');
  });

  it('does not ship twice when the same tracking number is sent again', async () => {
    fake = await createFakeMagento();
    const shipment = shipmentOf({ lines: [{ sku: 'A', qty: 3, price: 1 }] }, (lines) => [{ cartLineId: lines[0].cartLineId, sku: 'A', quantity: 1 }]);
    await uploadShipment(clientFor(fake), shipment);
    const again = await uploadShipment(clientFor(fake), shipment);
    expect(again).toEqual({ outcome: 'accepted', remoteId: '1', alreadyExisted: true });
    expect(fake.state.shipments).toHaveLength(1);
  });

  it('finds the shipment a gateway error hid: created, then 502, then looked up and not sent again', async () => {
    fake = await createFakeMagento();
    const shipment = shipmentOf({ lines: [{ sku: 'A', qty: 1, price: 1 }] }, (lines) => [{ cartLineId: lines[0].cartLineId, sku: 'A', quantity: 1 }]);
    fake.failNext(1, { status: 502, page: 'nginx', method: 'POST', path: '/V1/order/1/ship', afterApplying: true });
    const result = await uploadShipment(clientFor(fake), shipment);
    expect(result).toEqual({ outcome: 'accepted', remoteId: '1', alreadyExisted: false });
    expect(fake.state.shipments).toHaveLength(1);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /V1/shipments', 'POST /V1/order/1/ship', 'GET /V1/shipments']);
  });

  it('reports an unknown outcome when the create failed and no shipment is there, without sending it again', async () => {
    fake = await createFakeMagento();
    const shipment = shipmentOf({ lines: [{ sku: 'A', qty: 1, price: 1 }] }, (lines) => [{ cartLineId: lines[0].cartLineId, sku: 'A', quantity: 1 }]);
    fake.failNext(1, { status: 503, page: 'magento-maintenance', method: 'POST', path: '/V1/order/1/ship' });
    await expect(uploadShipment(clientFor(fake), shipment)).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(fake.state.shipments).toHaveLength(0);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('refuses a shipment of an order Magento will not ship as data, naming the order', async () => {
    fake = await createFakeMagento();
    const shipment = shipmentOf({ lines: [{ sku: 'A', qty: 1, price: 1 }], state: 'complete', status: 'complete' }, (lines) => [
      { cartLineId: lines[0].cartLineId, sku: 'A', quantity: 1 },
    ]);
    const err = await uploadShipment(clientFor(fake), shipment).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'data' });
    expect((err as Error).message).toContain(`shipping order ${shipment.orderNumber}`);
    expect((err as Error).message).toContain('does not allow a shipment');
  });
});

describe('buildShipRequest', () => {
  const base: ShipmentToUpload = {
    cartOrderId: '7',
    orderNumber: '000000007',
    carrier: 'UPS',
    trackingNumber: 'T1',
    shipDate: '2026-11-21T09:00:00.000Z',
    items: [{ cartLineId: '12', sku: 'A', quantity: 2 }],
  };

  it('sends an unknown carrier as custom with its name as the title', () => {
    expect(buildShipRequest({ ...base, carrier: "Bob's Courier" }).tracks).toEqual([{ track_number: 'T1', title: "Bob's Courier", carrier_code: 'custom' }]);
  });

  it('reads the warehouse\'s carrier spellings and honours a per-cart override', () => {
    expect(buildShipRequest({ ...base, carrier: 'FedEx Ground' }).tracks[0]).toMatchObject({ carrier_code: 'fedex', title: 'Federal Express' });
    expect(buildShipRequest({ ...base, carrier: 'DHLEC' }, { DHLEC: 'dhl' }).tracks[0]).toMatchObject({ carrier_code: 'dhl' });
  });

  it('refuses lines without a Magento item id or with no units, as data', () => {
    expect(() => buildShipRequest({ ...base, items: [{ cartLineId: 'gid://x', sku: 'A', quantity: 1 }] })).toThrow(/no Magento order item id/);
    expect(() => buildShipRequest({ ...base, items: [{ cartLineId: '12', sku: 'A', quantity: 0 }] })).toThrow(/cannot be shipped/);
  });
});

