import { afterEach, describe, expect, it } from 'vitest';
import type { ShipmentToUpload, TrackingGranularity } from '../../../../main/engine/connectors/carts/cart-connector.js';
import { getOrderDetail } from '../../../../main/engine/store/repositories/orders-repo.js';
import { scriptedWorld, type ScriptedWorld } from './scripted-cart.js';

describe("the shipment upload honours the cart's tracking granularity", () => {
  let w: ScriptedWorld;
  afterEach(async () => w.close());

  /**
   * A batched cart of the given granularity, and: order M1 partially shipped (T1A sent for line 1),
   * order M2 shipped whole in two packages (T2A, T2B). Returns the calls the cart received.
   */
  async function upload(tracking: TrackingGranularity) {
    const calls: ShipmentToUpload[][] = [];
    w = await scriptedWorld({
      capabilities: { shipments: true, inventory: false, tracking },
      connector: () => ({
        testConnection: async () => ({ ok: true, message: 'ok' }),
        fetchOrders: async function* () {},
        async uploadShipments(list) {
          calls.push(list);
          return list.map((s) => ({ ok: { outcome: 'accepted', remoteId: `f-${s.trackingNumber}`, alreadyExisted: false } as const }));
        },
      }),
    });
    const partial = await w.addOrder(1, 'partially_shipped');
    await w.addShipment(partial, 'T1A', [1]);
    const whole = await w.addOrder(2, 'shipped');
    await w.addShipment(whole, 'T2A', [1]);
    await w.addShipment(whole, 'T2B', [2]);
    const result = await w.run('shipment_upload');
    expect(result.run.status).toBe('ok');
    return { calls: calls.map((c) => c.map((s) => s.trackingNumber)), whole };
  }

  it('per line: uploads each package as it ships, partial orders too, both packages of an order in one call', async () => {
    const { calls, whole } = await upload('per_line');
    expect(calls).toEqual([['T1A', 'T2A', 'T2B']]);
    expect((await w.store.read((db) => getOrderDetail(db, whole)!)).status).toBe('confirmed');
  });

  it('per order: holds a partially shipped order whatever the merchant chose, and sends one tracking number of an order per call', async () => {
    const { calls, whole } = await upload('per_order');
    expect(calls).toEqual([['T2A'], ['T2B']]);
    expect((await w.store.read((db) => getOrderDetail(db, whole)!)).status).toBe('confirmed');
    const held = await w.store.read((db) => db.get<{ status: string }>(`SELECT status FROM shipments WHERE tracking_number = 'T1A'`)!);
    expect(held.status).toBe('pending');
  });
});
