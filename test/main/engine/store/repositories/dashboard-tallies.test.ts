import { afterEach, describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from '../../../../../shared/domain.js';
import { seededRandom } from '../../../../../shared/seeded-random.js';
import { openStore, type SqlReader, type SqlRunner } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { SHIP_TIME_SPAN_HOURS } from '../../../../../main/engine/store/migrations/008-dashboard-tallies.js';
import { orderTallies, ordersPerDay, shipTimesSince, statusFlowsAfter } from '../../../../../main/engine/store/repositories/dashboard-repo.js';
import { deleteMerchant } from '../../../../../main/engine/store/repositories/merchants-repo.js';
import { markDeliveredIfNew, setStatus } from '../../../../../main/engine/store/repositories/orders-repo.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

const DAY_MS = 86_400_000;
const START = Date.parse('2026-10-01T00:00:00.000Z');
const SHIPPED = new Set<OrderStatus>(['shipped', 'confirmed']);

function directCounts(db: SqlReader): Map<string, number> {
  const rows = db.all<{ merchant_id: number; cart_id: number; status: string; n: number }>(
    'SELECT merchant_id, cart_id, status, COUNT(*) AS n FROM orders GROUP BY merchant_id, cart_id, status',
  );
  return new Map(rows.map((r) => [`${r.merchant_id}/${r.cart_id}/${r.status}`, r.n]));
}

function directStatusCounts(db: SqlReader): Map<string, number> {
  const rows = db.all<{ merchant_id: number; status: string; n: number }>('SELECT merchant_id, status, COUNT(*) AS n FROM orders GROUP BY merchant_id, status');
  return new Map(rows.map((r) => [`${r.merchant_id}/${r.status}`, r.n]));
}

function spanOf(hours: number): number {
  const i = SHIP_TIME_SPAN_HOURS.findIndex((bound) => hours < bound);
  return i < 0 ? SHIP_TIME_SPAN_HOURS.length : i;
}

function addMerchant(db: SqlRunner, id: number): void {
  db.run(`INSERT INTO merchants (id, name, code, created_at, updated_at) VALUES (?, ?, ?, '2026-10-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z')`, [
    id,
    `M${id}`,
    `m${id}`,
  ]);
}

describe('dashboard tallies', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('answer as a direct count of the orders after random inserts, status changes and deletes, and give back each past day', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const store = await openStore({ dir, migrations });
    const random = seededRandom(8);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const carts: Record<number, number[]> = { 1: [11, 12], 2: [21], 3: [31] };
    await store.write((db) => [1, 2, 3].forEach((m) => addMerchant(db, m)));
    let nextOrder = 1;
    /** Expected ship times: merchant/day/span -> n, from the moves this test made. */
    const shipTimes = new Map<string, number>();
    /** Direct counts per merchant/status at the end of each day. */
    const endOfDay = new Map<string, Map<string, number>>();
    const days = 12;
    /** A deleted order leaves the past days' counts on the day of its last update (it has no delete time). */
    const deleted: { key: string; lastUpdateDay: string; deletedDay: string }[] = [];
    for (let d = 0; d < days; d++) {
      const day = new Date(START + d * DAY_MS).toISOString().slice(0, 10);
      await store.write((db) => {
        for (let op = 0; op < 60; op++) {
          const now = new Date(START + d * DAY_MS + op * 60_000).toISOString();
          const ids = db.all<{ id: number; status: OrderStatus; merchant_id: number; order_date: string }>(
            'SELECT id, status, merchant_id, order_date FROM orders',
          );
          const roll = random();
          if (roll < 0.45 || ids.length === 0) {
            const merchant = pick([1, 2, 3].filter((m) => carts[m]));
            const ordered = new Date(START + d * DAY_MS - Math.floor(random() * 4 * DAY_MS)).toISOString();
            const status = random() < 0.9 ? 'new' : pick(ORDER_STATUSES);
            db.run(
              `INSERT INTO orders (cart_id, merchant_id, cart_order_id, order_number, status, ship_code, cart_updated_at, order_date, data_json, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, 'STD', ?, ?, '{}', ?, ?)`,
              [pick(carts[merchant]), merchant, `c${nextOrder}`, `#${nextOrder}`, status, now, ordered, now, now],
            );
            nextOrder++;
            if (SHIPPED.has(status)) {
              const key = `${merchant}/${day}/${spanOf((Date.parse(now) - Date.parse(ordered)) / 3_600_000)}`;
              shipTimes.set(key, (shipTimes.get(key) ?? 0) + 1);
            }
          } else if (roll < 0.93) {
            const o = pick(ids);
            const to = random() < 0.2 && o.status === 'new' ? 'at_wms' : pick(ORDER_STATUSES);
            if (to === 'at_wms' && o.status === 'new') markDeliveredIfNew(db, o.id, 'file.csv', now);
            else setStatus(db, o.id, o.status, to, null, now);
            if (SHIPPED.has(to) && !SHIPPED.has(o.status)) {
              const key = `${o.merchant_id}/${day}/${spanOf((Date.parse(now) - Date.parse(o.order_date)) / 3_600_000)}`;
              shipTimes.set(key, (shipTimes.get(key) ?? 0) + 1);
            }
          } else if (roll < 0.99) {
            const o = pick(ids);
            const { updated_at } = db.get<{ updated_at: string }>('SELECT updated_at FROM orders WHERE id = ?', [o.id])!;
            deleted.push({ key: `${o.merchant_id}/${o.status}`, lastUpdateDay: updated_at.slice(0, 10), deletedDay: day });
            db.run('DELETE FROM orders WHERE id = ?', [o.id]);
          } else {
            // An order date the cart changed (the day tally moves with it).
            db.run('UPDATE orders SET order_date = ? WHERE id = ?', [new Date(START + d * DAY_MS - 5 * DAY_MS).toISOString(), pick(ids).id]);
          }
        }
        if (d === 7) {
          deleteMerchant(db, 3);
          delete carts[3];
          for (const key of [...shipTimes.keys()]) if (key.startsWith('3/')) shipTimes.delete(key);
        }
      });
      endOfDay.set(day, await store.read(directStatusCounts));
    }

    const tallied = await store.read((db) => ({
      status: orderTallies(db),
      perDay: ordersPerDay(db, '0000-00-00'),
      flows: statusFlowsAfter(db, '0000-00-00'),
      ship: shipTimesSince(db, '0000-00-00'),
      directStatus: directCounts(db),
      directDays: db.all<{ merchant_id: number; day: string; n: number }>(
        'SELECT merchant_id, substr(order_date, 1, 10) AS day, COUNT(*) AS n FROM orders GROUP BY 1, 2',
      ),
    }));
    expect(new Map(tallied.status.map((t) => [`${t.merchantId}/${t.cartId}/${t.status}`, t.n]))).toEqual(tallied.directStatus);
    expect(tallied.perDay.map((t) => `${t.merchantId}/${t.day}=${t.n}`).sort()).toEqual(
      tallied.directDays.map((r) => `${r.merchant_id}/${r.day}=${r.n}`).sort(),
    );
    expect(new Map(tallied.ship.map((t) => [`${t.merchantId}/${t.day}/${t.span}`, t.n]))).toEqual(shipTimes);

    // Each past day's counts: today's less the flows after that day.
    const today = new Map<string, number>();
    for (const t of tallied.status) today.set(`${t.merchantId}/${t.status}`, (today.get(`${t.merchantId}/${t.status}`) ?? 0) + t.n);
    for (const [day, expected] of endOfDay) {
      const counts = new Map(today);
      for (const f of tallied.flows.filter((x) => x.day > day)) {
        const key = `${f.merchantId}/${f.status}`;
        counts.set(key, (counts.get(key) ?? 0) - f.net);
      }
      const wanted = new Map(expected);
      for (const o of deleted) if (o.lastUpdateDay <= day && day < o.deletedDay) wanted.set(o.key, (wanted.get(o.key) ?? 0) - 1);
      // Merchant 3's past went with it (its tallies are deleted with the merchant).
      const got = new Map([...counts].filter(([, n]) => n !== 0));
      expect(got, day).toEqual(new Map([...wanted].filter(([key, n]) => !key.startsWith('3/') && n !== 0)));
    }
    await store.close();
  });
});
