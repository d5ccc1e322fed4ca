import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import type { CartRow } from '../../../../../main/engine/store/repositories/carts-repo.js';
import { getOrderDetail, listOrders } from '../../../../../main/engine/store/repositories/orders-repo.js';
import { sampleOrder } from '../../csv/sample-orders.js';
import { addDemoCart, downloadInto } from './demo-cart-orders.js';

const NOW = '2026-12-06T08:00:00.000Z';
const WITHHELD = "Amazon did not give the buyer's name and street address.";

describe('what the cart could not give about an order', () => {
  let dir: string;
  let store: OpenedStore;
  let cart: CartRow;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dockhand-order-gaps-'));
    store = await openStore({ dir, migrations });
    cart = await addDemoCart(store, { merchant: 'Acme', code: 'ACME', cartName: 'Acme shop', rejectUnmapped: false, now: NOW });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is kept with the order, shown on its page and counted in the orders list', async () => {
    await downloadInto(store, cart, [sampleOrder({ cartOrderId: 'gap', orderNumber: '#1', gaps: [WITHHELD] }), sampleOrder({ cartOrderId: 'whole', orderNumber: '#2' })], NOW);
    const page = await store.read((db) => listOrders(db, { limit: 10, offset: 0 }));
    const byNumber = new Map(page.items.map((o) => [o.orderNumber, o]));
    expect(byNumber.get('#1')!.gaps).toBe(1);
    expect(byNumber.get('#2')!.gaps).toBe(0);
    const detail = await store.read((db) => getOrderDetail(db, byNumber.get('#1')!.id));
    expect(detail!.order.gaps).toEqual([WITHHELD]);
    expect(detail!.order.shippingInstructions).not.toBe(WITHHELD);
  });

  it('goes away when a later download of the order has everything', async () => {
    await downloadInto(store, cart, [sampleOrder({ cartOrderId: 'gap', orderNumber: '#1', gaps: [WITHHELD] })], NOW);
    await downloadInto(store, cart, [sampleOrder({ cartOrderId: 'gap', orderNumber: '#1', updatedAt: '2026-12-06T09:00:00.000Z' })], NOW);
    const page = await store.read((db) => listOrders(db, { limit: 10, offset: 0 }));
    expect(page.items).toHaveLength(1);
    expect(page.items[0].gaps).toBe(0);
  });
});
