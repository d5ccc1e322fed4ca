import { afterEach, describe, expect, it } from 'vitest';
import { DockhandError } from '../../../../shared/errors.js';
import type { ShipmentUploadResult, SubmittedShipment } from '../../../../main/engine/connectors/carts/cart-connector.js';
import { getOrderDetail } from '../../../../main/engine/store/repositories/orders-repo.js';
import { scriptedWorld, type ScriptedWorld } from './scripted-cart.js';

describe('shipment outcomes: accepted, submitted (checked later) and refused', () => {
  let w: ScriptedWorld;
  afterEach(async () => w.close());

  const shipmentsNow = () =>
    w.store.read((db) =>
      db.all<{ tracking_number: string; status: string; remote_id: string | null; error: string | null; submitted_at: string | null }>(
        'SELECT tracking_number, status, remote_id, error, submitted_at FROM shipments ORDER BY id',
      ),
    );
  const orderStatus = (id: number) => w.store.read((db) => getOrderDetail(db, id)!);

  /** Three shipped orders with one shipment each: T1, T2, T3. */
  async function threeShippedOrders(): Promise<number[]> {
    const ids: number[] = [];
    for (const n of [1, 2, 3]) {
      const id = await w.addOrder(n, 'shipped');
      await w.addShipment(id, `T${n}`, [1, 2]);
      ids.push(id);
    }
    return ids;
  }

  it('records a submitted shipment as such, checks it on later runs, and confirms, refuses or keeps waiting as the cart says', async () => {
    const checks: SubmittedShipment[][] = [];
    const later: Record<string, ShipmentUploadResult> = {
      T1: { outcome: 'accepted', remoteId: 'fulfillment-1', alreadyExisted: false },
      T2: { outcome: 'refused', reason: 'Invalid carrier code for this marketplace' },
      T3: { outcome: 'submitted', remoteId: 'feed-T3' },
    };
    w = await scriptedWorld({
      connector: () => ({
        testConnection: async () => ({ ok: true, message: 'ok' }),
        fetchOrders: async function* () {},
        uploadShipment: async (s) => ({ outcome: 'submitted', remoteId: `feed-${s.trackingNumber}` }),
        async checkSubmittedShipments(list) {
          checks.push(list);
          return list.map((s) => later[s.trackingNumber]);
        },
      }),
    });
    const [o1, o2, o3] = await threeShippedOrders();

    const first = await w.run('shipment_upload');
    expect(first.run.status).toBe('ok');
    expect(first.run.counts.submitted).toBe(3);
    expect(checks).toEqual([]); // nothing submitted before this run: nothing checked in it
    const submitted = await shipmentsNow();
    expect(submitted.map((s) => [s.status, s.remote_id])).toEqual([
      ['submitted', 'feed-T1'],
      ['submitted', 'feed-T2'],
      ['submitted', 'feed-T3'],
    ]);
    expect(submitted.every((s) => s.submitted_at !== null)).toBe(true);
    const waiting = await orderStatus(o1);
    expect(waiting.status).toBe('shipped');
    expect(waiting.history.at(-1)?.note).toMatch(/Tracking T1 submitted to Acme market, which processes it later/);
    expect(waiting.shipments[0]).toMatchObject({ status: 'submitted', remoteId: 'feed-T1' });

    const second = await w.run('shipment_upload');
    expect(checks).toHaveLength(1);
    expect(checks[0].map((s) => [s.trackingNumber, s.remoteId, s.orderNumber])).toEqual([
      ['T1', 'feed-T1', 'M1'],
      ['T2', 'feed-T2', 'M2'],
      ['T3', 'feed-T3', 'M3'],
    ]);
    expect(checks[0][0].submittedAt).toBe(submitted[0].submitted_at);
    expect(second.run.status).toBe('partial');
    expect(second.run.counts).toMatchObject({ acceptedLater: 1, refusedLater: 1, stillSubmitted: 1 });
    expect(second.run.errors).toEqual([{ message: 'Invalid carrier code for this marketplace', where: 'M2' }]);
    expect((await orderStatus(o1)).status).toBe('confirmed');
    const refusedOrder = await orderStatus(o2);
    expect(refusedOrder.status).toBe('error');
    expect(refusedOrder.statusReason).toBe('Tracking T2 refused by the cart: Invalid carrier code for this marketplace');
    expect((await orderStatus(o3)).status).toBe('shipped');
    expect((await shipmentsNow()).map((s) => s.status)).toEqual(['uploaded', 'error', 'submitted']);

    later.T3 = { outcome: 'accepted', remoteId: 'fulfillment-3', alreadyExisted: false };
    await w.run('shipment_upload');
    expect(checks[1].map((s) => s.trackingNumber)).toEqual(['T3']);
    expect((await orderStatus(o3)).status).toBe('confirmed');
  });

  it("records a returned refusal as that shipment's, with the platform's reason, while the others flow", async () => {
    w = await scriptedWorld({
      connector: () => ({
        testConnection: async () => ({ ok: true, message: 'ok' }),
        fetchOrders: async function* () {},
        uploadShipments: async (list) =>
          list.map((s) =>
            s.trackingNumber === 'T2'
              ? { ok: { outcome: 'refused', reason: 'Tracking number already used on another order' } }
              : { ok: { outcome: 'accepted', remoteId: `f-${s.trackingNumber}`, alreadyExisted: false } },
          ),
      }),
    });
    const [o1, o2, o3] = await threeShippedOrders();
    const result = await w.run('shipment_upload');
    expect(result.run.status).toBe('partial');
    expect(result.run.counts).toMatchObject({ uploaded: 2, failed: 1 });
    expect((await shipmentsNow()).map((s) => [s.status, s.error])).toEqual([
      ['uploaded', null],
      ['error', 'Tracking number already used on another order'],
      ['uploaded', null],
    ]);
    expect([(await orderStatus(o1)).status, (await orderStatus(o2)).status, (await orderStatus(o3)).status]).toEqual(['confirmed', 'error', 'confirmed']);
  });

  it('says so on the run when shipments wait as submitted and the connector cannot check them', async () => {
    w = await scriptedWorld({
      connector: () => ({
        testConnection: async () => ({ ok: true, message: 'ok' }),
        fetchOrders: async function* () {},
        uploadShipment: async (s) => ({ outcome: 'submitted', remoteId: `feed-${s.trackingNumber}` }),
      }),
    });
    await threeShippedOrders();
    await w.run('shipment_upload');
    const next = await w.run('shipment_upload');
    expect(next.run.status).toBe('partial');
    expect(next.run.errors[0].message).toMatch(/cannot check them/);
  });

  it('keeps them submitted when the check fails for the whole run (a refused token), to be checked next time', async () => {
    let failChecks = true;
    w = await scriptedWorld({
      connector: () => ({
        testConnection: async () => ({ ok: true, message: 'ok' }),
        fetchOrders: async function* () {},
        uploadShipment: async (s) => ({ outcome: 'submitted', remoteId: `feed-${s.trackingNumber}` }),
        async checkSubmittedShipments(list) {
          if (failChecks) throw new DockhandError('auth', 'The marketplace refused the access token');
          return list.map(() => ({ outcome: 'accepted', remoteId: 'f', alreadyExisted: false }) as const);
        },
      }),
    });
    await threeShippedOrders();
    await w.run('shipment_upload');
    const failed = await w.run('shipment_upload');
    expect(failed.errorKind).toBe('auth');
    expect((await shipmentsNow()).map((s) => s.status)).toEqual(['submitted', 'submitted', 'submitted']);
    failChecks = false;
    await w.run('shipment_upload');
    expect((await shipmentsNow()).map((s) => s.status)).toEqual(['uploaded', 'uploaded', 'uploaded']);
  });
});
