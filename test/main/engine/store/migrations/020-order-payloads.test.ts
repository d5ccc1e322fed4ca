import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { getOrderPayload, listOrders } from '../../../../../main/engine/store/repositories/orders-repo.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

describe('migration 020: order payloads in their own table', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('moves every payload of a version-19 database off the orders row, its lines apart, keeps the total as a number, and lists by it through its index', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const v19 = await openStore({ dir, migrations: migrations.filter((m) => m.version <= 19) });
    const payloads = [
      { orderNumber: '#1', total: '100.00', lines: [{ sku: 'A', quantity: 1 }] },
      { orderNumber: '#2', total: '9.5', lines: [{ sku: 'B', quantity: 2 }] },
      { orderNumber: '#3', lines: [] },
    ];
    await v19.write((db) => {
      const insert = `INSERT INTO orders (cart_id, merchant_id, cart_order_id, order_number, status, ship_code, cart_updated_at, order_date, data_json, created_at, updated_at)
        VALUES (1, 1, ?, ?, 'new', 'std', '2026-11-27', '2026-11-27', ?, '2026-11-27', '2026-11-27')`;
      payloads.forEach((p, i) => db.run(insert, [`c${i}`, p.orderNumber, JSON.stringify(p)]));
    });
    await v19.close();

    const store = await openStore({ dir, migrations });
    cleanups.push(() => store.close());
    expect(store.schemaVersion).toBe(20);
    const columns = await store.read((db) => db.all<{ name: string }>(`SELECT name FROM pragma_table_info('orders')`).map((c) => c.name));
    expect(columns).not.toContain('data_json');
    expect(columns).toContain('total');
    for (const [i, p] of payloads.entries()) expect(await store.read((db) => getOrderPayload(db, i + 1))).toEqual(p);
    // The lines apart from the rest, each stored once.
    const stored = await store.read((db) => db.all<{ lines: string | null; rest: string }>('SELECT lines_json AS lines, data_json AS rest FROM order_payloads ORDER BY order_id'));
    expect(stored[0]).toEqual({ lines: '[{"sku":"A","quantity":1}]', rest: '{"orderNumber":"#1","total":"100.00"}' });
    expect(stored[2]).toEqual({ lines: '[]', rest: '{"orderNumber":"#3"}' });
    const totals = await store.read((db) => db.all<{ n: string; total: number | null }>('SELECT order_number AS n, total FROM orders ORDER BY id'));
    expect(totals).toEqual([
      { n: '#1', total: 100 },
      { n: '#2', total: 9.5 },
      { n: '#3', total: null },
    ]);
    const plan = await store.read((db) => db.all<{ detail: string }>('EXPLAIN QUERY PLAN SELECT id FROM orders o ORDER BY o.total DESC, o.id DESC LIMIT 10'));
    expect(plan.map((r) => r.detail).join(' ')).toContain('orders_by_total');
    const page = await store.read((db) => listOrders(db, { limit: 10, offset: 0, sort: 'total:desc' } as never));
    expect(page.items.map((o) => o.orderNumber)).toEqual(['#1', '#2', '#3']);
  });
});
