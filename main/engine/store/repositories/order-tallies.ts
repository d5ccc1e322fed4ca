import type { OrderStatus } from '../../../../shared/domain.js';
import { SHIP_TIME_SPAN_HOURS } from '../migrations/008-dashboard-tallies.js';
import { atTransactionEnd } from '../before-commit.js';
import type { SqlRunner, SqlValue } from '../sql.js';

/**
 * Keeps the Dashboard's tallies (tables of migration 008, read by dashboard-repo.ts) in step with the
 * orders. Called by the repository functions that write orders, in the same transaction. Migration 008
 * kept them by triggers, but any trigger on `orders` makes SQLite keep a statement journal for every
 * write of an order (a copy of each 64 KiB page the statement touches), which cost more than the
 * tallies themselves (bench/tally-write-cost.ts); migration 010 dropped the triggers.
 *
 * The same goes for an INSERT ... SELECT: it may write many rows, so SQLite journals it too. Hence every
 * tally write here is a one-row INSERT ... VALUES upsert with values JavaScript already holds (one point
 * read of the order where it does not), never a SELECT that feeds an INSERT. And the +1/-1 of each order
 * are added up in memory and written once per tally row at the end of the write transaction
 * (before-commit.ts): a delivery of 5000 orders writes a handful of upserts, not 20000.
 *
 * The triggers' rules hold: values come from the order's row and the caller's `now` (the updated_at the
 * write gives the order), never the database clock, so a journal replay (which re-runs these statements
 * like any other) writes the same tallies. Days and spans are computed by SQLite as the triggers and the
 * backfill of 008 computed them (substr of the ISO time, julianday), so they agree to the last odd date.
 */

const SHIPPED: readonly OrderStatus[] = ['shipped', 'confirmed'];

const ADD_ORDER = `INSERT INTO order_tally (merchant_id, cart_id, status, n) VALUES (?, ?, ?, ?)
  ON CONFLICT (merchant_id, cart_id, status) DO UPDATE SET n = n + excluded.n`;
const ADD_DAY = `INSERT INTO order_day_tally (merchant_id, day, n) VALUES (?, substr(?, 1, 10), ?)
  ON CONFLICT (merchant_id, day) DO UPDATE SET n = n + excluded.n`;
const ADD_FLOW = `INSERT INTO status_flow_tally (merchant_id, day, status, net) VALUES (?, substr(?, 1, 10), ?, ?)
  ON CONFLICT (merchant_id, day, status) DO UPDATE SET net = net + excluded.net`;
const ADD_SHIP_TIME = `INSERT INTO ship_time_tally (merchant_id, day, span, n) VALUES (?, substr(?, 1, 10), ?, ?)
  ON CONFLICT (merchant_id, day, span) DO UPDATE SET n = n + excluded.n`;

/** The span index of an order shipped at ?1 and ordered at ?2; NULL when either time is unreadable. */
const SPAN = (() => {
  const hours = '((julianday(?1) - julianday(?2)) * 24)';
  const whens = SHIP_TIME_SPAN_HOURS.map((h, i) => `WHEN ${hours} < ${h} THEN ${i}`).join(' ');
  return `SELECT CASE WHEN julianday(?1) IS NULL OR julianday(?2) IS NULL THEN NULL ${whens} ELSE ${SHIP_TIME_SPAN_HOURS.length} END AS span`;
})();

/**
 * SPAN worked out in JavaScript for the times Dockhand writes (toISOString's "2026-11-20T09:30:00.000Z",
 * or a plain "2026-11-20"), the same double arithmetic SQLite does: julianday is the time in whole
 * milliseconds since the Julian epoch divided by 86,400,000. A statement per shipped order was a tenth
 * of a confirmation pickup. Undefined for any other text: SQLite reads it, as before.
 */
export function spanOf(shippedAt: string, orderedAt: string): number | undefined {
  const shipped = julianDay(shippedAt);
  const ordered = julianDay(orderedAt);
  if (shipped === undefined || ordered === undefined) return undefined;
  const hours = (shipped - ordered) * 24;
  const i = SHIP_TIME_SPAN_HOURS.findIndex((h) => hours < h);
  return i >= 0 ? i : SHIP_TIME_SPAN_HOURS.length;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\.\d{3}Z)?$/;
/** Milliseconds from the Julian epoch (noon, 24 November 4714 BC) to 1970-01-01. */
const UNIX_EPOCH_JD_MS = 210_866_760_000_000;

/**
 * Days read so far: a chunk of shipments shares its "now", and orders of one day often share their date
 * (reading one back through Date was a few percent of a pickup). Cleared when full.
 */
const julianDays = new Map<string, number | undefined>();
const JULIAN_DAYS_KEPT = 4096;

function julianDay(iso: string): number | undefined {
  if (julianDays.has(iso)) return julianDays.get(iso);
  if (julianDays.size >= JULIAN_DAYS_KEPT) julianDays.clear();
  const day = readJulianDay(iso);
  julianDays.set(iso, day);
  return day;
}

function readJulianDay(iso: string): number | undefined {
  if (!ISO_UTC.test(iso)) return undefined;
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00.000Z` : iso);
  // A date that does not exist (February 30th) or is not read back the same: left to SQLite.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, iso.length) !== iso) return undefined;
  return (ms + UNIX_EPOCH_JD_MS) / 86_400_000;
}

/** What the tallies key an order by. */
export interface TallyKeys {
  merchantId: number;
  cartId: number;
  status: OrderStatus;
  orderDate: string;
}

function keysOf(db: SqlRunner, id: number): TallyKeys | undefined {
  return db.get<TallyKeys>('SELECT merchant_id AS merchantId, cart_id AS cartId, status, order_date AS orderDate FROM orders WHERE id = ?', [id]);
}

/**
 * The day of an ISO time as SQLite's substr(x, 1, 10) has it (characters, not UTF-16 units): the key the
 * sums are added up by, so that the orders of one day share one upsert.
 */
function dayOf(iso: string): string {
  const head = iso.slice(0, 10);
  // Ten UTF-16 units that are no surrogate halves are ten characters.
  return /[\ud800-\udfff]/.test(head) ? [...iso].slice(0, 10).join('') : head;
}

/**
 * Upserts waiting for the end of the write transaction: statement -> key -> the sum to add (by statement
 * first: a key string that held the statement's text cost a tenth of a 50,000-shipment pickup).
 */
interface Pending {
  db: SqlRunner;
  sums: Map<string, Map<string, { key: SqlValue[]; by: number }>>;
}
let pending: Pending | null = null;

/** Add `by` to the tally row `key` of `sql` (an upsert whose last parameter is the amount). */
function add(db: SqlRunner, sql: string, key: SqlValue[], by: number): void {
  if (!pending || pending.db !== db) {
    const mine: Pending = { db, sums: new Map() };
    if (!atTransactionEnd(mine, () => flush(mine))) {
      db.run(sql, [...key, by]);
      return;
    }
    pending = mine;
  }
  let ofSql = pending.sums.get(sql);
  if (!ofSql) {
    ofSql = new Map();
    pending.sums.set(sql, ofSql);
  }
  const id = key.join('\u0000');
  const sum = ofSql.get(id);
  if (sum) sum.by += by;
  else ofSql.set(id, { key, by });
}

/**
 * Writes the sums (a sum of 0 too: the row it touches exists afterwards, as it did when each +1/-1 was
 * written at once, so the tables come out the same).
 */
function flush(p: Pending): void {
  if (pending === p) pending = null;
  for (const [sql, ofSql] of p.sums) for (const { key, by } of ofSql.values()) p.db.run(sql, [...key, by]);
  p.sums.clear();
}

/** Counted in span and day shipped, when an order enters shipped or confirmed from another status. */
function countShipped(db: SqlRunner, merchantId: number, orderDate: string, now: string): void {
  const known = spanOf(now, orderDate);
  const span = known !== undefined ? known : (db.get<{ span: number | null }>(SPAN, [now, orderDate])?.span ?? null);
  if (span !== null) add(db, ADD_SHIP_TIME, [merchantId, dayOf(now), span], 1);
}

/** A new order: counted in its status and day ordered, as a flow into its status today, and shipped if so. */
export function tallyInsertedOrder(db: SqlRunner, o: TallyKeys, now: string): void {
  add(db, ADD_ORDER, [o.merchantId, o.cartId, o.status], 1);
  add(db, ADD_DAY, [o.merchantId, dayOf(o.orderDate)], 1);
  add(db, ADD_FLOW, [o.merchantId, dayOf(now), o.status], 1);
  if (SHIPPED.includes(o.status)) countShipped(db, o.merchantId, o.orderDate, now);
}

function move(db: SqlRunner, o: TallyKeys, from: OrderStatus, to: OrderStatus, now: string): void {
  if (from === to) return;
  add(db, ADD_ORDER, [o.merchantId, o.cartId, from], -1);
  add(db, ADD_ORDER, [o.merchantId, o.cartId, to], 1);
  add(db, ADD_FLOW, [o.merchantId, dayOf(now), from], -1);
  add(db, ADD_FLOW, [o.merchantId, dayOf(now), to], 1);
  if (SHIPPED.includes(to) && !SHIPPED.includes(from)) countShipped(db, o.merchantId, o.orderDate, now);
}

/** Call right BEFORE the UPDATE that sets order `id` to status `to` at `now`: what it leaves is read from its row. */
export function tallyStatusChange(db: SqlRunner, id: number, to: OrderStatus, now: string): void {
  const o = keysOf(db, id);
  if (o) move(db, o, o.status, to, now);
}

/**
 * tallyStatusChange for a caller that already holds the order's tally keys, read in the same transaction
 * and kept current (a confirmation chunk reads its orders up front): no statement per order to find them.
 */
export function tallyKnownStatusChange(db: SqlRunner, o: TallyKeys, to: OrderStatus, now: string): void {
  move(db, o, o.status, to, now);
}

/** Call right AFTER an UPDATE moved order `id` from `from` to `to` at `now` (one whose WHERE decided it moved). */
export function tallyStatusChanged(db: SqlRunner, id: number, from: OrderStatus, to: OrderStatus, now: string): void {
  const o = keysOf(db, id);
  if (o) move(db, o, from, to, now);
}

/** Call right BEFORE the UPDATE that gives order `id` the order date `orderDate`: it leaves its old day for the new one. */
export function tallyOrderDateChange(db: SqlRunner, id: number, orderDate: string): void {
  const o = keysOf(db, id);
  if (!o || dayOf(o.orderDate) === dayOf(orderDate)) return;
  add(db, ADD_DAY, [o.merchantId, dayOf(o.orderDate)], -1);
  add(db, ADD_DAY, [o.merchantId, dayOf(orderDate)], 1);
}

/** A merchant's tallies go with it (its orders are deleted with it, so nothing else is counted down). */
export function deleteMerchantTallies(db: SqlRunner, merchantId: number): void {
  // What this transaction counted so far is written first, so that it goes too.
  if (pending) flush(pending);
  for (const table of ['order_tally', 'order_day_tally', 'status_flow_tally', 'ship_time_tally']) {
    db.run(`DELETE FROM ${table} WHERE merchant_id = ?`, [merchantId]);
  }
}
