import type { SqlRunner } from '../sql.js';

/**
 * `orders.lines_json`: an order's lines (its payload's `lines`) in a column of their own. A confirmation
 * file reads the lines of every order it ships (50,000 orders in a 100,000-row file), and extracting them
 * from the whole payload with json_extract was about 2 µs of SQLite's time per order, close to half of
 * reading the order. Written with the payload (orders-repo.ts: insertOrder, updateOrderPayload); a row
 * written by anything else (NULL here) is read from the payload instead (orderLinesSql). Backfilled
 * from the payloads in SQL, so replaying the journal gives the same column.
 */
export const orderLinesColumn = {
  version: 25,
  name: 'order lines column',
  up(db: SqlRunner): void {
    db.run('ALTER TABLE orders ADD COLUMN lines_json TEXT');
    db.run("UPDATE orders SET lines_json = json_extract(data_json, '$.lines')");
  },
};
