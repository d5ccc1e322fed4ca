import { describe, expect, it } from 'vitest';
import { rejection } from '../../../support/rejection.js';
import { useShippingWorld } from '../../../support/shipping-world.js';

const lines = [
  { sku: 'DH-1001', quantity: 2 },
  { sku: 'DH-1002', quantity: 1 },
];

/** What a person can do with a partially shipped order, through the API. */
describe('a partially shipped order in the Orders screen', () => {
  const world = useShippingWorld();

  it('is confirmed by Cancel the rest once its shipments are uploaded, with the history saying what happened', async () => {
    const w = world();
    const n = await w.order(0, lines);
    await w.confirm('ship-1.csv', [`${n},DH-1001,2,UPS,Ground,1ZC1,2026-11-26`]);
    await w.pickup();
    await w.upload(0);
    const partial = await w.detail(0, n);
    expect(partial.status).toBe('partially_shipped');

    const after = await w.t.call('orders.cancelRest', { id: partial.id });

    expect(after.status).toBe('confirmed');
    expect(after.restCanceledAt).not.toBeNull();
    expect(after.history.slice(-2).map((h) => [h.fromStatus, h.toStatus])).toEqual([
      ['partially_shipped', 'shipped'],
      ['shipped', 'confirmed'],
    ]);
    expect(after.history.at(-2)?.note).toMatch(/^The rest was canceled by a person: 1 unit of 1 line will not be shipped/);
    expect((await w.t.call('dashboard.summary', {})).totals).toMatchObject({ at_warehouse: 0, done: 1 });
  });

  it('is Shipped after Cancel the rest while a shipment still waits, and a late shipment of the rest is still taken', async () => {
    const w = world();
    const merchant = await w.t.call('merchants.get', { id: w.merchantId });
    await w.t.call('merchants.update', { id: w.merchantId, merchant: { name: merchant.name, code: merchant.code, partialShipments: 'when_complete' } });
    const n = await w.order(0, lines);
    await w.confirm('ship-1.csv', [`${n},DH-1001,2,UPS,Ground,1ZC2,2026-11-26`]);
    await w.pickup();
    const { id } = await w.detail(0, n);

    expect((await w.t.call('orders.cancelRest', { id })).status).toBe('shipped');
    await w.upload(0);
    expect((await w.detail(0, n)).status).toBe('confirmed');

    // The warehouse shipped the rest after all: its tracking still reaches the cart.
    await w.confirm('ship-2.csv', [`${n},DH-1002,1,UPS,Ground,1ZC3,2026-11-27`]);
    expect((await w.pickup()).errors).toEqual([]);
    expect((await w.detail(0, n)).status).toBe('shipped');
    await w.upload(0);
    expect((await w.detail(0, n)).status).toBe('confirmed');
  });

  it('refuses Cancel the rest on an order that is not partially shipped', async () => {
    const w = world();
    const n = await w.order(0, lines);
    const { id } = await w.detail(0, n);

    const err = await rejection(w.t.call('orders.cancelRest', { id }));
    expect(err.kind).toBe('conflict');
    expect(err.message).toContain('this one is at_wms');
    expect((await w.detail(0, n)).status).toBe('at_wms');
  });

  it('goes back to Partially shipped, not Shipped, when released after the cart refused its shipment', async () => {
    const w = world();
    const n = await w.order(0, lines);
    await w.confirm('ship-1.csv', [`${n},DH-1001,2,UPS,Ground,1ZC4,2026-11-26`]);
    await w.pickup();
    // Someone fulfilled a unit in the Shopify admin: the cart refuses 2.
    w.carts[0].shop.state.updateOrder(n, (o) => {
      o.fulfillmentOrders[0].lines[0].remainingQuantity = 1;
      o.fulfillmentOrders[0].status = 'IN_PROGRESS';
    });
    await w.upload(0);
    const failed = await w.detail(0, n);
    expect(failed.status).toBe('error');
    w.carts[0].shop.state.updateOrder(n, (o) => {
      o.fulfillmentOrders[0].lines[0].remainingQuantity = 2;
    });

    const released = await w.t.call('orders.release', { id: failed.id });

    expect(released.status).toBe('partially_shipped');
    await w.upload(0);
    const after = await w.detail(0, n);
    expect(after.status).toBe('partially_shipped');
    expect(after.shipments.map((s) => s.status)).toEqual(['uploaded']);
  });
});
