import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from '../../../../../shared/domain.js';
import { seededRandom } from '../../../../../shared/seeded-random.js';
import { openStore, type SqlReader, type SqlRunner } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { SHIP_TIME_SPAN_HOURS } from '../../../../../main/engine/store/migrations/008-dashboard-tallies.js';
import { orderTallies, ordersPerDay, shipTimesSince, statusFlowsAfter } from '../../../../../main/engine/store/repositories/dashboard-repo.js';
import { deleteMerchant } from '../../../../../main/engine/store/repositories/merchants-repo.js';
import {
  confirmIfAllShipmentsUploaded,
  getOrderPayload,
  insertOrder,
  markDeliveredIfNew,
  setStatus,
  updateOrderPayload,
} from '../../../../../main/engine/store/repositories/orders-repo.js';
import { sampleOrder } from '../../csv/sample-orders.js';
import { crashImage, tempStoreDir } from '../fixtures/store-fixtures.js';

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

  it('answer as a direct count of the orders after random inserts, status changes, new order dates and a merchant deleted, and give back each past day', async () => {
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
    const countShipped = (merchant: number, day: string, now: string, ordered: string) => {
      const key = `${merchant}/${day}/${spanOf((Date.parse(now) - Date.parse(ordered)) / 3_600_000)}`;
      shipTimes.set(key, (shipTimes.get(key) ?? 0) + 1);
    };
    // Through the repository functions that write orders: they keep the tallies (migration 010).
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
            const merchantId = pick([1, 2, 3].filter((m) => carts[m]));
            const ordered = new Date(START + d * DAY_MS - Math.floor(random() * 4 * DAY_MS)).toISOString();
            const status = random() < 0.9 ? 'new' : pick(ORDER_STATUSES);
            const order = sampleOrder({ cartOrderId: `c${nextOrder}`, orderNumber: `#${nextOrder}`, orderDate: ordered });
            insertOrder(db, { cartId: pick(carts[merchantId]), merchantId, order, status, reason: null, mappedShipCode: 'STD' }, now);
            nextOrder++;
            if (SHIPPED.has(status)) countShipped(merchantId, day, now, ordered);
          } else if (roll < 0.93) {
            const o = pick(ids);
            const to = random() < 0.2 && o.status === 'new' ? 'at_wms' : pick(ORDER_STATUSES);
            if (to === 'at_wms' && o.status === 'new') markDeliveredIfNew(db, o.id, 'file.csv', now);
            else if (to === 'confirmed' && o.status === 'shipped') confirmIfAllShipmentsUploaded(db, o.id, 'uploaded', now);
            // A stale "from", as a caller may hold: the tallies go by the row.
            else setStatus(db, o.id, random() < 0.1 ? pick(ORDER_STATUSES) : o.status, to, null, now);
            if (SHIPPED.has(to) && !SHIPPED.has(o.status)) countShipped(o.merchant_id, day, now, o.order_date);
          } else {
            // A new payload from the cart; sometimes with another order date (the day tally moves with it).
            const o = pick(ids);
            const payload = getOrderPayload(db, o.id)!;
            const orderDate = random() < 0.5 ? new Date(START + d * DAY_MS - 5 * DAY_MS).toISOString() : payload.orderDate;
            updateOrderPayload(db, o.id, { ...payload, orderDate }, 'STD', now);
          }
          // A status move to where the order already is, or a delivery of an order no longer new, counts nothing.
          if (op % 20 === 0 && ids.length > 0) {
            const o = pick(ids);
            setStatus(db, o.id, o.status, o.status, null, now);
            if (o.status !== 'new') markDeliveredIfNew(db, o.id, 'again.csv', now);
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
      // Merchant 3's past went with it (its tallies are deleted with the merchant).
      const got = new Map([...counts].filter(([, n]) => n !== 0));
      expect(got, day).toEqual(new Map([...wanted].filter(([key, n]) => !key.startsWith('3/') && n !== 0)));
    }

    // A replay of the journal (opening what a crash leaves) writes the same tallies: no database clock in them.
    const tables = (db: SqlReader) =>
      ['order_tally', 'order_day_tally', 'status_flow_tally', 'ship_time_tally'].map((t) => db.all(`SELECT * FROM ${t} ORDER BY 1, 2, 3`));
    const before = await store.read(tables);
    const image = await crashImage(dir);
    cleanups.push(() => rm(image, { recursive: true, force: true }));
    await store.close();
    const replayed = await openStore({ dir: image, migrations });
    expect(await replayed.read(tables)).toEqual(before);
    await replayed.close();
  });
});
