import type { OrderStatus } from '../../../../shared/domain.js';
import type { SqlReader } from '../sql.js';

/**
 * Reads of the Dashboard's tallies (migration 008), kept by the functions that write orders
 * (order-tallies.ts; by triggers on `orders` before migration 010): a few hundred rows
 * however many orders are held, so the Dashboard answers in a millisecond or two while a sync writes.
 */

export interface StatusTally {
  merchantId: number;
  cartId: number;
  status: OrderStatus;
  n: number;
}

/** Orders per merchant, cart and status (only counts above zero). */
export function orderTallies(db: SqlReader): StatusTally[] {
  return db.all<StatusTally>(
    'SELECT merchant_id AS merchantId, cart_id AS cartId, status, n FROM order_tally WHERE n > 0 ORDER BY merchant_id, cart_id, status',
  );
}

export interface DayTally {
  merchantId: number;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  n: number;
}

/** Orders per merchant and UTC day ordered, from `fromDay` (inclusive) on. */
export function ordersPerDay(db: SqlReader, fromDay: string): DayTally[] {
  return db.all<DayTally>(
    'SELECT merchant_id AS merchantId, day, n FROM order_day_tally WHERE day >= ? AND n > 0 ORDER BY day, merchant_id',
    [fromDay],
  );
}

export interface StatusFlow {
  merchantId: number;
  day: string;
  status: OrderStatus;
  /** Orders that entered the status that day less those that left it. */
  net: number;
}

/** Status flows of the days after `afterDay` (exclusive): subtracted from today's counts they give past days'. */
export function statusFlowsAfter(db: SqlReader, afterDay: string): StatusFlow[] {
  return db.all<StatusFlow>(
    'SELECT merchant_id AS merchantId, day, status, net FROM status_flow_tally WHERE day > ? AND net <> 0 ORDER BY day',
    [afterDay],
  );
}

export interface ShipTimeTally {
  merchantId: number;
  /** UTC day the order shipped. */
  day: string;
  /** Index into SHIP_TIME_SPAN_HOURS (the last index: longer than its last bound). */
  span: number;
  n: number;
}

/** Orders shipped from `fromDay` (inclusive) on, by how long they took from order to shipped. */
export function shipTimesSince(db: SqlReader, fromDay: string): ShipTimeTally[] {
  return db.all<ShipTimeTally>(
    'SELECT merchant_id AS merchantId, day, span, n FROM ship_time_tally WHERE day >= ? AND n > 0 ORDER BY day, span',
    [fromDay],
  );
}
