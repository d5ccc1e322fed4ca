import { afterEach, describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from '../../../../../shared/domain.js';
import { seededRandom } from '../../../../../shared/seeded-random.js';
import { openStore, type SqlReader, type SqlRunner } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { setStatuses, type StatusChange } from '../../../../../main/engine/store/repositories/order-status-batch.js';
import { insertOrder, setStatus } from '../../../../../main/engine/store/repositories/orders-repo.js';
import { sampleOrder } from '../../csv/sample-orders.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

const NOW = '2026-11-21T10:00:00.000Z';

/** Everything a status change writes: the orders, their history, the four dashboard tallies. */
function written(db: SqlReader): unknown {
  return {
    orders: db.all('SELECT id, status, status_reason, updated_at FROM orders ORDER BY id'),
    history: db.all('SELECT id, order_id, at, from_status, to_status, note FROM order_history ORDER BY id'),
    tallies: ['order_tally', 'order_day_tally', 'status_flow_tally', 'ship_time_tally'].map((t) => db.all(`SELECT * FROM ${t} ORDER BY 1, 2, 3`)),
  };
}

describe('status changes written together', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('leave orders, history and tallies as setStatus one change at a time does, orders moved twice and odd batch sizes included', async () => {
    const random = seededRandom(17);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    // 150 changes over 100 orders: some orders move two or three times, and the batches are not all full.
    const plan: { order: number; to: OrderStatus; reason: string | null }[] = [];
    for (let i = 0; i < 150; i++) plan.push({ order: 1 + Math.floor(random() * 100), to: pick(ORDER_STATUSES), reason: random() < 0.2 ? null : `note ${i}` });

    const results: unknown[] = [];
    for (const batched of [false, true]) {
      const { dir, cleanup } = await tempStoreDir();
      cleanups.push(cleanup);
      const store = await openStore({ dir, migrations });
      await store.write((db: SqlRunner) => {
        db.run(`INSERT INTO merchants (id, name, code, created_at, updated_at) VALUES (1, 'M', 'm', ?, ?)`, [NOW, NOW]);
        for (let i = 1; i <= 100; i++) {
          const order = sampleOrder({ cartOrderId: `c${i}`, orderNumber: `#${i}`, orderDate: `2026-11-${String(10 + (i % 10)).padStart(2, '0')}T0${i % 10}:00:00.000Z` });
          insertOrder(db, { cartId: 1 + (i % 2), merchantId: 1, order, status: i % 3 === 0 ? 'new' : 'at_wms', reason: null, mappedShipCode: 'STD' }, NOW);
        }
      });
      await store.write((db) => {
        const state = new Map(db.all<{ id: number; status: OrderStatus; cart_id: number; order_date: string }>('SELECT id, status, cart_id, order_date FROM orders').map((o) => [o.id, o]));
        const changes: StatusChange[] = [];
        for (const p of plan) {
          const o = state.get(p.order)!;
          const keys = { merchantId: 1, cartId: o.cart_id, status: o.status, orderDate: o.order_date };
          if (batched) changes.push({ id: o.id, from: o.status, to: p.to, reason: p.reason, keys });
          else setStatus(db, o.id, o.status, p.to, p.reason, NOW, keys);
          o.status = p.to;
        }
        setStatuses(db, changes, NOW);
      });
      results.push(await store.read(written));
      await store.close();
    }
    // 100 entries of the orders coming in, then one per change.
    expect((results[1] as { history: unknown[] }).history).toHaveLength(250);
    expect(results[1]).toEqual(results[0]);
  });
});
