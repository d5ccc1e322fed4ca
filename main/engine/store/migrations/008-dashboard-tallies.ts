import type { SqlRunner } from '../sql.js';

/**
 * Upper bounds (hours, exclusive) of the spans "order to shipped" is counted in; the last span is open.
 * Frozen with this migration: its triggers and backfill sort by them. Changing them takes a new migration.
 */
export const SHIP_TIME_SPAN_HOURS = [4, 12, 24, 48, 72, 120, 168] as const;

/** The span index of an order shipped at `shipped` (SQL expression over two ISO UTC times). */
function spanOf(shipped: string, ordered: string): string {
  const hours = `((julianday(${shipped}) - julianday(${ordered})) * 24)`;
  const whens = SHIP_TIME_SPAN_HOURS.map((h, i) => `WHEN ${hours} < ${h} THEN ${i}`).join(' ');
  return `CASE WHEN julianday(${shipped}) IS NULL OR julianday(${ordered}) IS NULL THEN NULL ${whens} ELSE ${SHIP_TIME_SPAN_HOURS.length} END`;
}

const day = (iso: string) => `substr(${iso}, 1, 10)`;

function bump(table: string, key: Record<string, string>, column: string, by: string): string {
  const cols = Object.keys(key);
  return `INSERT INTO ${table} (${cols.join(', ')}, ${column}) VALUES (${Object.values(key).join(', ')}, ${by})
    ON CONFLICT (${cols.join(', ')}) DO UPDATE SET ${column} = ${column} + excluded.${column};`;
}

/**
 * The same, only when `when` holds. A trigger has one WHEN, and merely firing one costs each row it fires
 * on (measured in sql.js: ~25 µs per inserted row for a trigger whose WHEN is false), so each event has one
 * trigger and its conditional parts are these. A key that comes out NULL (the span of an unreadable date)
 * counts nothing. The WHERE also tells SQLite's parser that ON CONFLICT belongs to the INSERT.
 */
function bumpIf(when: string, table: string, key: Record<string, string>, column: string, by: string): string {
  const cols = Object.keys(key);
  const values = Object.values(key);
  return `INSERT INTO ${table} (${cols.join(', ')}, ${column}) SELECT ${values.join(', ')}, ${by}
    WHERE (${when}) AND ${values.map((v) => `(${v}) IS NOT NULL`).join(' AND ')}
    ON CONFLICT (${cols.join(', ')}) DO UPDATE SET ${column} = ${column} + excluded.${column};`;
}

const SHIPPED = `('shipped', 'confirmed')`;
const MOVED = 'OLD.status IS NOT NEW.status OR OLD.merchant_id IS NOT NEW.merchant_id OR OLD.cart_id IS NOT NEW.cart_id';
const REDATED = `${day('OLD.order_date')} IS NOT ${day('NEW.order_date')} OR OLD.merchant_id IS NOT NEW.merchant_id`;

/**
 * The Dashboard's figures, kept up to date by triggers on `orders` instead of counted over 100k rows on
 * every look (dashboard.summary took 105-135 ms at 100k orders; a tally read is a few hundred rows).
 *
 * - order_tally: orders per merchant, cart and status (buckets are mapped from statuses when read, so a
 *   change of which bucket a status belongs to needs no migration).
 * - order_day_tally: orders per merchant and day ordered (UTC day of order_date).
 * - status_flow_tally: per merchant, day and status, orders that entered it minus orders that left it
 *   that day. The count at the end of any past day is today's count less the flows after it: "what waits
 *   for whom over time" without a snapshot per day. A deleted order leaves on the day of its last update.
 * - ship_time_tally: per merchant and day shipped, orders by how long they took from order date to
 *   shipped (span index, SHIP_TIME_SPAN_HOURS). Counted each time an order enters shipped or confirmed
 *   from another status; not undone when an order is deleted (it did ship).
 *
 * The price is paid by every write of an order: a statement on a table with triggers needs SQLite's
 * statement journal, which copies each 64 KiB page the statement touches. Measured on the 20k-order loop
 * (bench/run.ts, CPU of Dockhand): download 7.4 -> 10 s, delivery 2.2 -> 3.1 s, pickup 2.2 -> 3.6 s.
 * Keeping the same tallies from the repository functions that write orders would avoid that.
 *
 * Triggers use only values of the rows (never the database clock), so a journal replay, which re-runs
 * the statements, writes the same tallies. The triggers are SQLite's; PostgreSQL would take the same
 * bodies as trigger functions. Deleting a merchant deletes its tallies.
 * The backfill takes flows from order_history (the past 30 days of the chart are as good as the history)
 * and the shipped time of shipped orders from their first history entry into shipped/confirmed.
 */
export const dashboardTallies = {
  version: 8,
  name: 'dashboard tallies',
  up(db: SqlRunner): void {
    const statements = [
      `CREATE TABLE order_tally (
        merchant_id INTEGER NOT NULL,
        cart_id INTEGER NOT NULL,
        status TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (merchant_id, cart_id, status)
      )`,
      `CREATE TABLE order_day_tally (
        merchant_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (merchant_id, day)
      )`,
      `CREATE TABLE status_flow_tally (
        merchant_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        status TEXT NOT NULL,
        net INTEGER NOT NULL,
        PRIMARY KEY (merchant_id, day, status)
      )`,
      `CREATE TABLE ship_time_tally (
        merchant_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        span INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (merchant_id, day, span)
      )`,
      `INSERT INTO order_tally (merchant_id, cart_id, status, n)
         SELECT merchant_id, cart_id, status, COUNT(*) FROM orders GROUP BY merchant_id, cart_id, status`,
      `INSERT INTO order_day_tally (merchant_id, day, n)
         SELECT merchant_id, ${day('order_date')}, COUNT(*) FROM orders GROUP BY merchant_id, ${day('order_date')}`,
      `INSERT INTO status_flow_tally (merchant_id, day, status, net)
         SELECT merchant_id, d, status, SUM(net) FROM (
           SELECT o.merchant_id AS merchant_id, ${day('h.at')} AS d, h.to_status AS status, 1 AS net
             FROM order_history h JOIN orders o ON o.id = h.order_id
           UNION ALL
           SELECT o.merchant_id, ${day('h.at')}, h.from_status, -1
             FROM order_history h JOIN orders o ON o.id = h.order_id WHERE h.from_status IS NOT NULL
         ) AS moves GROUP BY merchant_id, d, status`,
      `INSERT INTO ship_time_tally (merchant_id, day, span, n)
         SELECT merchant_id, ${day('shipped_at')}, ${spanOf('shipped_at', 'order_date')} AS span, COUNT(*) FROM (
           SELECT o.merchant_id AS merchant_id, o.order_date AS order_date,
             COALESCE((SELECT MIN(h.at) FROM order_history h WHERE h.order_id = o.id AND h.to_status IN ${SHIPPED}), o.updated_at) AS shipped_at
           FROM orders o WHERE o.status IN ${SHIPPED}
         ) AS shipped WHERE ${spanOf('shipped_at', 'order_date')} IS NOT NULL
         GROUP BY merchant_id, ${day('shipped_at')}, span`,

      `CREATE TRIGGER orders_tally_insert AFTER INSERT ON orders BEGIN
        ${bump('order_tally', { merchant_id: 'NEW.merchant_id', cart_id: 'NEW.cart_id', status: 'NEW.status' }, 'n', '1')}
        ${bump('order_day_tally', { merchant_id: 'NEW.merchant_id', day: day('NEW.order_date') }, 'n', '1')}
        ${bump('status_flow_tally', { merchant_id: 'NEW.merchant_id', day: day('NEW.created_at'), status: 'NEW.status' }, 'net', '1')}
        ${bumpIf(`NEW.status IN ${SHIPPED}`, 'ship_time_tally', { merchant_id: 'NEW.merchant_id', day: day('NEW.updated_at'), span: spanOf('NEW.updated_at', 'NEW.order_date') }, 'n', '1')}
      END`,
      `CREATE TRIGGER orders_tally_delete AFTER DELETE ON orders BEGIN
        ${bump('order_tally', { merchant_id: 'OLD.merchant_id', cart_id: 'OLD.cart_id', status: 'OLD.status' }, 'n', '-1')}
        ${bump('order_day_tally', { merchant_id: 'OLD.merchant_id', day: day('OLD.order_date') }, 'n', '-1')}
        ${bump('status_flow_tally', { merchant_id: 'OLD.merchant_id', day: day('OLD.updated_at'), status: 'OLD.status' }, 'net', '-1')}
      END`,
      `CREATE TRIGGER orders_tally_update AFTER UPDATE OF status, merchant_id, cart_id, order_date ON orders
        WHEN ${MOVED} OR ${REDATED} BEGIN
        ${bumpIf(MOVED, 'order_tally', { merchant_id: 'OLD.merchant_id', cart_id: 'OLD.cart_id', status: 'OLD.status' }, 'n', '-1')}
        ${bumpIf(MOVED, 'order_tally', { merchant_id: 'NEW.merchant_id', cart_id: 'NEW.cart_id', status: 'NEW.status' }, 'n', '1')}
        ${bumpIf(MOVED, 'status_flow_tally', { merchant_id: 'OLD.merchant_id', day: day('NEW.updated_at'), status: 'OLD.status' }, 'net', '-1')}
        ${bumpIf(MOVED, 'status_flow_tally', { merchant_id: 'NEW.merchant_id', day: day('NEW.updated_at'), status: 'NEW.status' }, 'net', '1')}
        ${bumpIf(`NEW.status IN ${SHIPPED} AND OLD.status NOT IN ${SHIPPED}`, 'ship_time_tally', { merchant_id: 'NEW.merchant_id', day: day('NEW.updated_at'), span: spanOf('NEW.updated_at', 'NEW.order_date') }, 'n', '1')}
        ${bumpIf(REDATED, 'order_day_tally', { merchant_id: 'OLD.merchant_id', day: day('OLD.order_date') }, 'n', '-1')}
        ${bumpIf(REDATED, 'order_day_tally', { merchant_id: 'NEW.merchant_id', day: day('NEW.order_date') }, 'n', '1')}
      END`,
      `CREATE TRIGGER merchants_tally_delete AFTER DELETE ON merchants BEGIN
        DELETE FROM order_tally WHERE merchant_id = OLD.id;
        DELETE FROM order_day_tally WHERE merchant_id = OLD.id;
        DELETE FROM status_flow_tally WHERE merchant_id = OLD.id;
        DELETE FROM ship_time_tally WHERE merchant_id = OLD.id;
      END`,
    ];
    for (const sql of statements) db.run(sql);
  },
};
