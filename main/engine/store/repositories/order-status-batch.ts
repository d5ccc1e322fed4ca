import type { OrderStatus } from '../../../../shared/domain.js';
import type { SqlRunner, SqlValue } from '../sql.js';
import { tallyKnownStatusChange, type TallyKeys } from './order-tallies.js';
import { numberedRows, runInRowBatches, statementsBySize } from './row-batches.js';

/** One status move of an order, as setStatus makes it: `keys` are the order's tally keys before the move. */
export interface StatusChange {
  id: number;
  from: OrderStatus;
  to: OrderStatus;
  reason: string | null;
  keys: TallyKeys;
}

/**
 * setStatus (orders-repo.ts) for each change in turn, in a few statements: the status changes of a chunk
 * of a confirmation file (one per shipment) were three statements each, most of the pickup's time. An
 * order moved twice (two shipments of it in one chunk) ends in its last status and reason, and its
 * history gets both entries, in order; the `keys` of its second change carry the status the first left
 * it in (the caller keeps them current, as it does for setStatus's `known`).
 */
export function setStatuses(db: SqlRunner, changes: readonly StatusChange[], now: string): void {
  if (changes.length === 0) return;
  const last = new Map<number, StatusChange>();
  for (const c of changes) {
    tallyKnownStatusChange(db, { ...c.keys, status: c.from }, c.to, now);
    last.set(c.id, c);
  }
  runInRowBatches(db, [...last.values()], UPDATE_STATUSES, (batch) => paramsOf(batch, now, (c) => [c.id, c.to, c.reason]));
  runInRowBatches(db, changes, INSERT_HISTORY, (batch) => paramsOf(batch, now, (c) => [c.id, c.from, c.to, c.reason]));
}

/** The time, then each change's own values, in one array (no array per change and copy of them all). */
function paramsOf(batch: readonly StatusChange[], now: string, row: (c: StatusChange) => readonly SqlValue[]): SqlValue[] {
  const out: SqlValue[] = [now];
  for (const c of batch) for (const v of row(c)) out.push(v);
  return out;
}

/**
 * n orders' new status and reason, as CASE expressions SQLite and PostgreSQL both read (an UPDATE ... FROM
 * (VALUES ...) would need its types spelt out for PostgreSQL). Parameters: the time (?1), then (id,
 * status, reason) n times; each is bound once and named where it is needed (numberedRows).
 */
const UPDATE_STATUSES = statementsBySize((n) => {
  const statuses = numberedRows(n, 1, 3, ' ', (p) => `WHEN ${p(0)} THEN ${p(1)}`);
  const reasons = numberedRows(n, 1, 3, ' ', (p) => `WHEN ${p(0)} THEN ${p(2)}`);
  const ids = numberedRows(n, 1, 3, ', ', (p) => p(0));
  return `UPDATE orders SET status = CASE id ${statuses} END, status_reason = CASE id ${reasons} END, updated_at = ?1 WHERE id IN (${ids})`;
});

/** Parameters: the time (?1), then (order, from, to, note) n times. */
const INSERT_HISTORY = statementsBySize(
  (n) => `INSERT INTO order_history (order_id, at, from_status, to_status, note) VALUES ${numberedRows(n, 1, 4, ', ', (p) => `(${p(0)}, ?1, ${p(1)}, ${p(2)}, ${p(3)})`)}`,
);
