import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderStatus } from '../../../../shared/domain.js';
import { ordersHandlers } from '../../../../main/engine/api/orders-handlers.js';
import type { EngineContext } from '../../../../main/engine/api/engine-context.js';
import { applyDownloadedOrder, pageLookup } from '../../../../main/engine/services/download-orders.js';
import { RunReport, type RunContext } from '../../../../main/engine/services/run-context.js';
import { openStore, type OpenedStore } from '../../../../main/engine/store/index.js';
import { migrations } from '../../../../main/engine/store/migrations/index.js';
import { getCart, insertCart, type CartRow } from '../../../../main/engine/store/repositories/carts-repo.js';
import { openAlerts } from '../../../../main/engine/store/repositories/alerts-repo.js';
import { insertMerchant } from '../../../../main/engine/store/repositories/merchants-repo.js';
import { getOrderDetail, getOrderState, ordersForDelivery, setStatus } from '../../../../main/engine/store/repositories/orders-repo.js';
import { sampleLine, sampleOrder } from '../csv/sample-orders.js';

const NOW = '2026-11-27T08:00:00.000Z';

describe('applying a downloaded page of orders', () => {
  let dir: string;
  let store: OpenedStore;
  let cart: CartRow;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dockhand-download-'));
    store = await openStore({ dir, migrations });
    cart = await store.write((db) => {
      const merchantId = insertMerchant(db, { name: 'Acme', code: 'ACME', folders: null, errorContacts: [] }, NOW);
      const id = insertCart(
        db,
        { merchantId, platform: 'demo', name: 'Shop', orderSource: 'shop', settings: {}, credentialsSealed: null, earliestOrderDate: '2026-11-01', rejectUnmapped: true, minInventoryLevel: 0 },
        NOW,
      );
      return getCart(db, id)!;
    });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const applyPage = (report: RunReport, orders: ReturnType<typeof sampleOrder>[]) =>
    store.write((db) => {
      const rc = { report } as unknown as RunContext;
      const lookup = pageLookup(db, cart, orders, NOW);
      for (const order of orders) applyDownloadedOrder(db, rc, cart, order, NOW, lookup);
    });

  it('keeps one order when a page names it twice, and applies the newer version as an update', async () => {
    const report = new RunReport();
    const first = sampleOrder({ cartOrderId: 'o1', orderNumber: '#1', shipCode: 'Fast', updatedAt: '2026-11-27T07:00:00.000Z' });
    const newer = { ...first, poNumber: 'PO-2', updatedAt: '2026-11-27T07:30:00.000Z' };
    await applyPage(report, [first, newer, first]);
    const rows = await store.read((db) => db.all<{ data_json: string }>('SELECT data_json FROM order_payloads'));
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].data_json).poNumber).toBe('PO-2');
    expect(report.counts).toMatchObject({ downloaded: 3, held: 1, updated: 1, unchanged: 1 });
  });

  it('records an unmapped ship code once for a page and holds every order that uses it', async () => {
    const report = new RunReport();
    const orders = [1, 2, 3].map((n) => sampleOrder({ cartOrderId: `o${n}`, orderNumber: `#${n}`, shipCode: 'Overnight' }));
    await applyPage(report, orders);
    const { codes, held } = await store.read((db) => ({
      codes: db.all<{ cart_code: string; wms_code: string | null }>('SELECT cart_code, wms_code FROM ship_code_map'),
      held: db.all<{ status: string; status_reason: string }>('SELECT status, status_reason FROM orders'),
    }));
    expect(codes).toEqual([{ cart_code: 'Overnight', wms_code: null }]);
    expect(held).toEqual(orders.map(() => ({ status: 'error', status_reason: 'Ship code not mapped: Overnight' })));
    expect(report.counts).toMatchObject({ downloaded: 3, held: 3 });
  });

  const later = (order: ReturnType<typeof sampleOrder>, minutes = 30) => ({
    ...order,
    updatedAt: new Date(Date.parse(order.updatedAt) + minutes * 60_000).toISOString(),
  });

  /** An order downloaded, then moved to `status` (as delivery and pickup would), with its id. */
  async function heldAt(status: OrderStatus, order = sampleOrder({ cartOrderId: 'o1', orderNumber: '#1' })) {
    await applyPage(new RunReport(), [order]);
    return store.write((db) => {
      const state = getOrderState(db, 1)!;
      setStatus(db, state.id, state.status, status, `moved to ${status} by the test`, NOW);
      return state.id;
    });
  }

  const detail = (id: number) => store.read((db) => getOrderDetail(db, id)!);
  // Alerts about orders (the unmapped ship code of the setup raises one about the cart).
  const alerts = () => store.read((db) => openAlerts(db).filter((a) => a.targetType === 'order'));

  it('skips an order whose every line the cart already fulfilled, saying so', async () => {
    const report = new RunReport();
    const done = sampleOrder({
      cartOrderId: 'o1',
      orderNumber: '#1',
      lines: [sampleLine(1, { quantity: 0, orderedQuantity: 2 }), sampleLine(2, { quantity: 0, orderedQuantity: 1 })],
    });
    const empty = sampleOrder({ cartOrderId: 'o2', orderNumber: '#2', lines: [] });
    await applyPage(report, [done, empty]);
    const rows = await store.read((db) => db.all<{ status: string; status_reason: string }>('SELECT status, status_reason FROM orders ORDER BY id'));
    expect(rows).toEqual([
      { status: 'skipped', status_reason: 'Nothing left to ship: the cart already fulfilled every line' },
      { status: 'skipped', status_reason: 'Nothing to ship: the order has no lines' },
    ]);
    expect(report.counts).toMatchObject({ downloaded: 2, skipped: 2 });
  });

  it('skips a new order once the cart fulfilled all of it before delivery', async () => {
    const id = await heldAt('new');
    const fulfilled = later(sampleOrder({ cartOrderId: 'o1', orderNumber: '#1' }));
    fulfilled.lines = fulfilled.lines.map((l) => ({ ...l, orderedQuantity: l.quantity, quantity: 0 }));
    await applyPage(new RunReport(), [fulfilled]);
    expect(await detail(id)).toMatchObject({ status: 'skipped', statusReason: 'Nothing left to ship: the cart already fulfilled every line' });
  });

  it('keeps an address changed after delivery, records what changed and tells the warehouse through an alert', async () => {
    const id = await heldAt('at_wms');
    const moved = later(sampleOrder({ cartOrderId: 'o1', orderNumber: '#1' }));
    moved.shipTo = { ...moved.shipTo, address1: '9 Elm St', city: 'Chicago' };
    const report = new RunReport();
    await applyPage(report, [moved]);

    const order = await detail(id);
    expect(order.status).toBe('at_wms');
    expect(order.changedAfterDelivery).toBe(true);
    expect(order.order.shipTo).toMatchObject({ address1: '9 Elm St', city: 'Chicago' });
    expect(order.history.at(-1)).toMatchObject({
      fromStatus: 'at_wms',
      toStatus: 'at_wms',
      note: 'Changed in the cart after delivery: ship-to address: address 1 "12 Main St" → "9 Elm St", city "Springfield" → "Chicago"',
    });
    expect(await alerts()).toEqual([
      expect.objectContaining({
        key: `changed-after-delivery:${id}`,
        targetType: 'order',
        targetId: id,
        message:
          'Order #1 (Shop) changed in the cart after it reached the WMS (ship-to address: address 1 "12 Main St" → "9 Elm St", city "Springfield" → "Chicago"): tell the warehouse, or Resend to WMS to send what the cart now says',
      }),
    ]);
    expect(report.counts).toMatchObject({ changedAfterDelivery: 1 });
  });

  it('lets Resend send what the cart now says, and clears the change once resent', async () => {
    const id = await heldAt('at_wms');
    const moved = later(sampleOrder({ cartOrderId: 'o1', orderNumber: '#1' }));
    moved.shipTo = { ...moved.shipTo, city: 'Chicago' };
    moved.lines = [...moved.lines, sampleLine(3)];
    await applyPage(new RunReport(), [moved]);

    const ctx = { store, nowIso: () => NOW } as unknown as EngineContext;
    const resent = await ordersHandlers['orders.resend']({ id }, ctx);
    expect(resent).toMatchObject({ status: 'new', changedAfterDelivery: false, batchId: null });
    const [sent] = await store.read((db) => ordersForDelivery(db, [id]));
    expect(sent.data.shipTo.city).toBe('Chicago');
    expect(sent.data.lines.map((l) => l.sku)).toEqual(['SKU-1', 'SKU-2', 'SKU-3']);
    expect(await alerts()).toEqual([]);
  });

  it('takes the alert about a change away when the order is canceled in Dockhand', async () => {
    const id = await heldAt('at_wms');
    await applyPage(new RunReport(), [later(sampleOrder({ cartOrderId: 'o1', orderNumber: '#1', giftMessage: 'Congrats' }))]);
    expect(await alerts()).toHaveLength(1);
    await ordersHandlers['orders.cancel']({ id }, { store, nowIso: () => NOW } as unknown as EngineContext);
    expect(await alerts()).toEqual([]);
  });

  it('records a change to an order already shipped, without asking anyone to tell the warehouse', async () => {
    for (const status of ['shipped', 'confirmed'] as const) {
      await store.write((db) => db.run('DELETE FROM orders'));
      const id = await heldAt(status, sampleOrder({ cartOrderId: `o-${status}`, orderNumber: '#1' }));
      const edited = later(sampleOrder({ cartOrderId: `o-${status}`, orderNumber: '#1', shippingInstructions: 'Leave with the neighbour' }));
      await applyPage(new RunReport(), [edited]);
      const order = await detail(id);
      expect(order.history.at(-1)?.note).toBe('Changed in the cart after delivery: shipping instructions (none) → "Leave with the neighbour"');
      expect(order.order.shippingInstructions).toBe('Leave with the neighbour');
      expect(order.status).toBe(status);
    }
    expect(await alerts()).toEqual([]);
  });

  it('takes our own fulfillment coming back from the cart as no change, keeping the quantities delivered', async () => {
    const id = await heldAt('shipped');
    const before = await detail(id);
    const echoed = later(sampleOrder({ cartOrderId: 'o1', orderNumber: '#1' }));
    echoed.cartState = { canceled: false, fulfillmentStatus: 'FULFILLED' };
    echoed.lines = echoed.lines.map((l) => ({ ...l, orderedQuantity: l.quantity, quantity: 0 }));
    const report = new RunReport();
    await applyPage(report, [echoed]);
    const after = await detail(id);
    expect(report.counts).toMatchObject({ unchanged: 1 });
    expect(after.changedAfterDelivery).toBe(false);
    expect(after.history).toEqual(before.history);
    expect(after.order.lines.map((l) => l.quantity)).toEqual([1, 2]);
    expect(await alerts()).toEqual([]);
  });

  it('tells the warehouse when units were fulfilled in the cart while it still holds the whole order', async () => {
    const id = await heldAt('at_wms');
    const partly = later(sampleOrder({ cartOrderId: 'o1', orderNumber: '#1' }));
    partly.lines = [partly.lines[0], { ...partly.lines[1], orderedQuantity: 2, quantity: 1 }];
    await applyPage(new RunReport(), [partly]);
    const order = await detail(id);
    expect(order.history.at(-1)?.note).toBe('Changed in the cart after delivery: lines: SKU-2 1 of 2 fulfilled in the cart, 1 left to ship');
    expect(order.order.lines.map((l) => l.quantity)).toEqual([1, 1]);
    expect((await alerts()).map((a) => a.key)).toEqual([`changed-after-delivery:${id}`]);
  });
});
