import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { findOrdersByNumbers, getOrderLines, orderLinesByOrder } from '../../../../../main/engine/store/repositories/orders-repo.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

describe('migration 025: order lines column', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('fills the lines column of the orders held before it from their payloads, and the readers give the same lines', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const old = await openStore({ dir, migrations: migrations.filter((m) => m.version < 25) });
    const lines = [
      { sku: 'MUG-1', quantity: 1, cartLineId: 'L1' },
      { sku: 'TEE-2', quantity: 2 },
    ];
    await old.write((db) => {
      const insert = `INSERT INTO orders (cart_id, merchant_id, cart_order_id, order_number, status, ship_code, cart_updated_at, order_date, data_json, created_at, updated_at)
        VALUES (1, 1, ?, ?, 'at_wms', 'std', '2026-11-27', '2026-11-27', ?, '2026-11-27', '2026-11-27')`;
      db.run(insert, ['a', 'A-1', JSON.stringify({ orderNumber: 'A-1', lines })]);
      db.run(insert, ['b', 'A-2', JSON.stringify({ orderNumber: 'A-2' })]);
    });
    await old.close();

    const store = await openStore({ dir, migrations });
    expect(store.schemaVersion).toBe(migrations.at(-1)!.version);
    const stored = await store.read((db) => db.all<{ order_number: string; lines_json: string | null }>('SELECT order_number, lines_json FROM orders ORDER BY id'));
    expect(stored.map((r) => [r.order_number, r.lines_json === null ? null : JSON.parse(r.lines_json)])).toEqual([
      ['A-1', lines],
      ['A-2', null],
    ]);
    const read = await store.read((db) => ({ one: getOrderLines(db, 1), many: orderLinesByOrder(db, [1, 2]), found: findOrdersByNumbers(db, 1, ['A-1', 'A-2']).lines }));
    expect(read.one).toEqual(lines);
    expect([...read.many]).toEqual([
      [1, lines],
      [2, []],
    ]);
    expect(read.found.get(1)).toEqual(lines);
    expect(read.found.get(2)).toEqual([]);
    await store.close();
  });

  it('reads the lines from the payload of an order written without the column (a direct insert)', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const store = await openStore({ dir, migrations });
    const lines = [{ sku: 'CAP-9', quantity: 3 }];
    await store.write((db) =>
      db.run(
        `INSERT INTO orders (cart_id, merchant_id, cart_order_id, order_number, status, ship_code, cart_updated_at, order_date, data_json, created_at, updated_at)
         VALUES (1, 1, 'c', 'C-1', 'at_wms', 'std', '2026-11-27', '2026-11-27', ?, '2026-11-27', '2026-11-27')`,
        [JSON.stringify({ orderNumber: 'C-1', lines })],
      ),
    );
    expect(await store.read((db) => getOrderLines(db, 1))).toEqual(lines);
    await store.close();
  });
});
