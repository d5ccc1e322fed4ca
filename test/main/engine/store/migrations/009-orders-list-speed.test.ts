import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

describe('migration 009: orders list speed', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('indexes the orders held before it for each sort, total as a number read from the payload', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const old = await openStore({ dir, migrations: migrations.filter((m) => m.version < 9) });
    await old.write((db) => {
      const insert = `INSERT INTO orders (cart_id, merchant_id, cart_order_id, order_number, status, ship_code, cart_updated_at, order_date, data_json, created_at, updated_at)
        VALUES (1, 1, ?, ?, 'new', 'std', '2026-11-27', '2026-11-27', ?, '2026-11-27', '2026-11-27')`;
      db.run(insert, ['a', '#1', JSON.stringify({ total: '100.00' })]);
      db.run(insert, ['b', '#2', JSON.stringify({ total: '9.5' })]);
    });
    await old.close();

    // Up to migration 19: migration 20 moves the payload off the row (its own test covers the total then).
    const store = await openStore({ dir, migrations: migrations.filter((m) => m.version < 20) });
    expect(store.schemaVersion).toBe(19);
    const names = await store.read((db) => db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' ORDER BY name"));
    expect(names.map((n) => n.name)).toEqual(expect.arrayContaining(['orders_by_cart', 'orders_by_date', 'orders_by_merchant', 'orders_by_order_number', 'orders_by_status', 'orders_by_total']));
    const searchColumns = await store.read((db) => db.all<{ name: string }>(`SELECT name FROM pragma_table_info('order_search')`));
    expect(searchColumns.map((c) => c.name)).toEqual(['order_id', 'text', 'rev']);
    const byTotal = await store.read((db) =>
      db.all<{ order_number: string }>("SELECT order_number FROM orders o INDEXED BY orders_by_total ORDER BY CAST(json_extract(o.data_json, '$.total') AS REAL)"),
    );
    expect(byTotal.map((r) => r.order_number)).toEqual(['#2', '#1']);
    await store.close();
  });
});
