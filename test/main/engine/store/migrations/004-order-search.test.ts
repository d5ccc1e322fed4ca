import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { searchTextOf } from '../../../../../main/engine/store/repositories/order-search-text.js';
import type { SqlRunner } from '../../../../../main/engine/store/sql.js';
import { sampleLine, sampleOrder } from '../../csv/sample-orders.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

const AT = '2026-11-27T00:00:00.000Z';

function insertRawOrder(db: SqlRunner, cartOrderId: string, dataJson: string): void {
  db.run(
    `INSERT INTO orders (cart_id, merchant_id, cart_order_id, order_number, status, ship_code, cart_updated_at, order_date, data_json, created_at, updated_at)
     VALUES (1, 1, ?, ?, 'new', 'Std', ?, ?, ?, ?, ?)`,
    [cartOrderId, cartOrderId, AT, AT, dataJson, AT, AT],
  );
}

describe('migration 004: order search', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('backfills the search text of every order of a version-3 database, as live writes compute it, and keeps it over a reopen', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const orders = Array.from({ length: 1200 }, (_, i) =>
      sampleOrder({ cartOrderId: `o${i}`, orderNumber: `#${1000 + i}`, lines: [sampleLine(1, { sku: `SKU-${i}` })] }),
    );
    const v3 = await openStore({ dir, migrations: migrations.slice(0, 3) });
    await v3.write((db) => {
      for (const o of orders) insertRawOrder(db, o.cartOrderId, JSON.stringify(o));
      // Damaged or partial payloads still get a row, so every order keeps being listable by search.
      insertRawOrder(db, 'broken', '{not json');
      insertRawOrder(db, 'partial', JSON.stringify({ orderNumber: 'P-1' }));
    });
    await v3.close();

    const v4 = await openStore({ dir, migrations: migrations.slice(0, 4) });
    expect(v4.schemaVersion).toBe(4);
    const rows = await v4.read((db) =>
      db.all<{ cart_order_id: string; text: string }>(
        'SELECT o.cart_order_id, s.text FROM orders o LEFT JOIN order_search s ON s.order_id = o.id ORDER BY o.id',
      ),
    );
    expect(rows).toHaveLength(orders.length + 2);
    orders.forEach((o, i) => expect(rows[i]).toEqual({ cart_order_id: o.cartOrderId, text: searchTextOf(o) }));
    expect(rows.at(-2)).toEqual({ cart_order_id: 'broken', text: '' });
    expect(rows.at(-1)).toEqual({ cart_order_id: 'partial', text: 'p-1' });
    await v4.close();

    const again = await openStore({ dir, migrations: migrations.slice(0, 4) });
    const n = await again.read((db) => db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM order_search WHERE text LIKE '%sku-1199%'`));
    expect(n).toEqual({ n: 1 });
    await again.close();
  });

  it('gives a fresh database an empty search table', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    // As 004 made it (009 adds a revision column: see its test).
    const store = await openStore({ dir, migrations: migrations.filter((m) => m.version <= 4) });
    expect(store.schemaVersion).toBe(4);
    const columns = await store.read((db) => db.all<{ name: string; pk: number }>(`SELECT name, pk FROM pragma_table_info('order_search')`));
    expect(columns).toEqual([
      { name: 'order_id', pk: 1 },
      { name: 'text', pk: 0 },
    ]);
    expect(await store.read((db) => db.get<{ n: number }>('SELECT COUNT(*) AS n FROM order_search'))).toEqual({ n: 0 });
    await store.close();
  });
});
