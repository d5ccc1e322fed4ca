import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { orderTallies, ordersPerDay, shipTimesSince, statusFlowsAfter } from '../../../../../main/engine/store/repositories/dashboard-repo.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

describe('migration 008: dashboard tallies', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('back-fills the tallies from the orders and their history, and keeps them after a reopen (journal replay)', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const old = await openStore({ dir, migrations: migrations.filter((m) => m.version < 8) });
    await old.write((db) => {
      const order = `INSERT INTO orders (id, cart_id, merchant_id, cart_order_id, order_number, status, ship_code, cart_updated_at, order_date, data_json, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, 'STD', ?, ?, '{}', ?, ?)`;
      const history = 'INSERT INTO order_history (order_id, at, from_status, to_status) VALUES (?, ?, ?, ?)';
      // Ordered on the 1st at 08:00, downloaded at 09:00, at the WMS on the 2nd, shipped on the 3rd at 10:00 (50 h), confirmed.
      db.run(order, [1, 10, 1, 'a', '#1', 'confirmed', '2026-11-01T08:00:00Z', '2026-11-01T08:00:00Z', '2026-11-01T09:00:00Z', '2026-11-03T11:00:00Z']);
      db.run(history, [1, '2026-11-01T09:00:00Z', null, 'new']);
      db.run(history, [1, '2026-11-02T09:00:00Z', 'new', 'at_wms']);
      db.run(history, [1, '2026-11-03T10:00:00Z', 'at_wms', 'shipped']);
      db.run(history, [1, '2026-11-03T11:00:00Z', 'shipped', 'confirmed']);
      db.run(order, [2, 10, 1, 'b', '#2', 'new', '2026-11-02T08:00:00Z', '2026-11-02T08:00:00Z', '2026-11-02T09:00:00Z', '2026-11-02T09:00:00Z']);
      db.run(history, [2, '2026-11-02T09:00:00Z', null, 'new']);
      db.run(order, [3, 20, 2, 'c', '#3', 'at_wms', '2026-11-02T23:00:00Z', '2026-11-02T23:00:00Z', '2026-11-03T09:00:00Z', '2026-11-03T09:00:00Z']);
      db.run(history, [3, '2026-11-03T09:00:00Z', null, 'at_wms']);
    });
    await old.close();

    for (let open = 0; open < 2; open++) {
      const store = await openStore({ dir, migrations });
      const got = await store.read((db) => ({
        status: orderTallies(db),
        days: ordersPerDay(db, '2026-11-01'),
        flowsAfterThe2nd: statusFlowsAfter(db, '2026-11-02'),
        ship: shipTimesSince(db, '2026-11-01'),
      }));
      expect(got.status).toEqual([
        { merchantId: 1, cartId: 10, status: 'confirmed', n: 1 },
        { merchantId: 1, cartId: 10, status: 'new', n: 1 },
        { merchantId: 2, cartId: 20, status: 'at_wms', n: 1 },
      ]);
      expect(got.days).toEqual([
        { merchantId: 1, day: '2026-11-01', n: 1 },
        { merchantId: 1, day: '2026-11-02', n: 1 },
        { merchantId: 2, day: '2026-11-02', n: 1 },
      ]);
      // On the 3rd order 1 left at_wms for confirmed (through shipped) and order 3 arrived at the WMS.
      expect(got.flowsAfterThe2nd).toEqual(
        expect.arrayContaining([
          { merchantId: 1, day: '2026-11-03', status: 'at_wms', net: -1 },
          { merchantId: 1, day: '2026-11-03', status: 'confirmed', net: 1 },
          { merchantId: 2, day: '2026-11-03', status: 'at_wms', net: 1 },
        ]),
      );
      expect(got.flowsAfterThe2nd).toHaveLength(3);
      // 50 hours from order to shipped: the 48-72 h span (index 4).
      expect(got.ship).toEqual([{ merchantId: 1, day: '2026-11-03', span: 4, n: 1 }]);
      await store.close();
    }
  });
});
