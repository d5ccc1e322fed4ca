import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CanonicalOrder } from '../../../../../shared/domain.js';
import { ORDER_SORTS, orderSortSchema, type OrderSort } from '../../../../../shared/order-sort.js';
import { openStore, type OpenedStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { deleteCart, type CartRow } from '../../../../../main/engine/store/repositories/carts-repo.js';
import { listOrders, setStatus, type OrderFilter } from '../../../../../main/engine/store/repositories/orders-repo.js';
import type { SqlParams, SqlReader } from '../../../../../main/engine/store/sql.js';
import { sampleOrder } from '../../csv/sample-orders.js';
import { addDemoCart, downloadInto } from './demo-cart-orders.js';

const NOW = '2026-11-27T08:00:00.000Z';

describe('sorting the orders list', () => {
  let dir: string;
  let store: OpenedStore;
  const carts: Record<string, CartRow> = {};

  const addCart = (merchant: string, code: string, cartName: string) =>
    addDemoCart(store, { merchant, code, cartName, rejectUnmapped: false, now: NOW });
  const download = (cart: CartRow, orders: CanonicalOrder[]) => downloadInto(store, cart, orders, NOW);

  const order = (n: number, date: string, total: string) =>
    sampleOrder({ cartOrderId: `o${n}`, orderNumber: `#${n}`, orderDate: date, total });

  const list = (f: Partial<OrderFilter> = {}) => store.read((db) => listOrders(db, { limit: 50, offset: 0, ...f }));
  const numbers = async (f: Partial<OrderFilter> = {}) => (await list(f)).items.map((o) => o.orderNumber);

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dockhand-order-sort-'));
    store = await openStore({ dir, migrations });
    carts.zeta = await addCart('Zeta Goods', 'ZETA', 'Alpha Shop');
    carts.acme = await addCart('Acme', 'ACME', 'Zulu Shop');
    // Arrival order (id): #3, #1, #4 at Zeta; #2, #5 at Acme.
    await download(carts.zeta, [order(3, '2026-11-03T00:00:00Z', '9.50'), order(1, '2026-11-01T00:00:00Z', '100.00'), order(4, '2026-11-04T00:00:00Z', '20')]);
    await download(carts.acme, [order(2, '2026-11-02T00:00:00Z', '5'), order(5, '2026-11-05T00:00:00Z', '1000.01')]);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists newest first without a sort, as before', async () => {
    expect(await numbers()).toEqual(['#5', '#2', '#4', '#1', '#3']);
  });

  it('sorts by date, number and total (as a number, not as text) both ways', async () => {
    expect(await numbers({ sort: 'date:asc' })).toEqual(['#1', '#2', '#3', '#4', '#5']);
    expect(await numbers({ sort: 'date:desc' })).toEqual(['#5', '#4', '#3', '#2', '#1']);
    expect(await numbers({ sort: 'number:asc' })).toEqual(['#1', '#2', '#3', '#4', '#5']);
    expect(await numbers({ sort: 'total:desc' })).toEqual(['#5', '#1', '#4', '#3', '#2']);
    expect(await numbers({ sort: 'total:asc' })).toEqual(['#2', '#3', '#4', '#1', '#5']);
  });

  it('sorts by merchant and by store name, ties in arrival order the same way round, across pages', async () => {
    expect(await numbers({ sort: 'merchant:asc' })).toEqual(['#2', '#5', '#3', '#1', '#4']);
    expect(await numbers({ sort: 'merchant:desc' })).toEqual(['#4', '#1', '#3', '#5', '#2']);
    expect(await numbers({ sort: 'store:asc' })).toEqual(['#3', '#1', '#4', '#2', '#5']);
    const page2 = await list({ sort: 'store:asc', limit: 2, offset: 2 });
    expect(page2.items.map((o) => o.orderNumber)).toEqual(['#4', '#2']);
    expect(page2.total).toBe(5);
  });

  it('sorts by status, and a sort narrows with the filters', async () => {
    const second = (await list({ sort: 'number:asc' })).items[1];
    await store.write((db) => setStatus(db, second.id, 'new', 'on_hold', 'held', NOW));
    expect(await numbers({ sort: 'status:asc' })).toEqual(['#3', '#1', '#4', '#5', '#2']);
    expect(await numbers({ sort: 'merchant:asc', status: 'new' })).toEqual(['#5', '#3', '#1', '#4']);
    expect((await list({ sort: 'store:desc', merchantId: carts.zeta.merchantId })).total).toBe(3);
    expect(await numbers({ sort: 'total:desc', search: '#', cartId: carts.acme.id })).toEqual(['#5', '#2']);
  });

  it('names each order\'s merchant and store, and a removed cart by its id', async () => {
    const first = (await list({ sort: 'number:asc', limit: 1 })).items[0];
    expect(first).toMatchObject({ orderNumber: '#1', merchantName: 'Zeta Goods', cartName: 'Alpha Shop' });
    await store.write((db) => deleteCart(db, carts.acme.id));
    const orphan = (await list({ sort: 'number:asc' })).items.find((o) => o.orderNumber === '#2');
    expect(orphan?.cartName).toBe(`cart ${carts.acme.id}`);
    expect((await numbers({ sort: 'store:asc' }))[0]).toBe('#3');
  });

  it('reads every sort off an index: no sort of all the matching orders for one page', async () => {
    const plans: string[] = [];
    const explaining = (db: SqlReader): SqlReader => ({
      get: <T,>(sql: string, params?: SqlParams) => db.get<T>(sql, params),
      all: <T,>(sql: string, params?: SqlParams) => {
        if (/ORDER BY/.test(sql)) {
          const plan = db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params).map((r) => r.detail).join(' | ');
          plans.push(plan);
        }
        return db.all<T>(sql, params);
      },
    });
    for (const sort of ORDER_SORTS) await store.read((db) => listOrders(explaining(db), { sort, limit: 50, offset: 0 }));
    expect(plans.length).toBeGreaterThanOrEqual(ORDER_SORTS.length);
    for (const plan of plans) expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('refuses a sort it does not know, in words', () => {
    expect(orderSortSchema.safeParse('total:desc').success).toBe(true);
    const refused = orderSortSchema.safeParse('price:up' as OrderSort);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toMatch(/^Sort by one of date, number, merchant, store, status, total/);
  });
});
