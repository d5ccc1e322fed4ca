import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { orderTallies, ordersPerDay } from '../../../../../main/engine/store/repositories/dashboard-repo.js';
import { insertOrder } from '../../../../../main/engine/store/repositories/orders-repo.js';
import type { SqlReader } from '../../../../../main/engine/store/sql.js';
import { sampleOrder } from '../../csv/sample-orders.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

const triggers = (db: SqlReader) => db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").map((t) => t.name);

describe('migration 010: tallies without triggers', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('drops the tally triggers, keeps the tallies they counted, and leaves the counting to the repository (once per order)', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const old = await openStore({ dir, migrations: migrations.filter((m) => m.version < 10) });
    expect(await old.read(triggers)).toEqual(['merchants_tally_delete', 'orders_tally_delete', 'orders_tally_insert', 'orders_tally_update']);
    await old.write((db) =>
      db.run(
        `INSERT INTO orders (cart_id, merchant_id, cart_order_id, order_number, status, ship_code, cart_updated_at, order_date, data_json, created_at, updated_at)
         VALUES (10, 1, 'a', '#1', 'new', 'STD', '2026-11-01T08:00:00Z', '2026-11-01T08:00:00Z', '{}', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z')`,
      ),
    );
    await old.close();

    const store = await openStore({ dir, migrations });
    expect(await store.read(triggers)).toEqual([]);
    expect(await store.read(orderTallies)).toEqual([{ merchantId: 1, cartId: 10, status: 'new', n: 1 }]);
    await store.write((db) =>
      insertOrder(
        db,
        { cartId: 10, merchantId: 1, order: sampleOrder({ cartOrderId: 'b', orderDate: '2026-11-01T10:00:00Z' }), status: 'new', reason: null, mappedShipCode: 'STD' },
        '2026-11-01T11:00:00.000Z',
      ),
    );
    expect(await store.read(orderTallies)).toEqual([{ merchantId: 1, cartId: 10, status: 'new', n: 2 }]);
    expect(await store.read((db) => ordersPerDay(db, '2026-11-01'))).toEqual([{ merchantId: 1, day: '2026-11-01', n: 2 }]);
    await store.close();
  });
});
