import type { SqlRunner } from '../sql.js';

/**
 * Indexes for the Orders table's sorts and filters (orders-repo.ts listOrders), so a page of 100,000
 * orders is read off an index instead of sorting or scanning them all:
 * - date, number, status and total: one index each (SQLite keeps the id in every index, so ties in id
 *   order come free). The total lives in the payload; the index holds it as a number, by the very
 *   expression the query sorts on (ORDER_TOTAL_SQL: SQLite only uses an expression index for the same text).
 * - merchant and store: the names live in other tables; the list reads each merchant's or cart's orders
 *   by id, which these two indexes give (the older ones are by status first).
 * - the search table's revision: each write of a search row takes the next one, so the engine's copy of
 *   the table (order-search-cache.ts) reads only what changed since it last looked. Rows held before
 *   stay at 0 (the copy reads them all once).
 * Creating them reads every order once; their upkeep is a few index entries per order written.
 */
export const ordersListSpeed = {
  version: 9,
  name: 'orders list speed',
  up(db: SqlRunner): void {
    db.run('CREATE INDEX IF NOT EXISTS orders_by_date ON orders (order_date)');
    db.run('CREATE INDEX IF NOT EXISTS orders_by_order_number ON orders (order_number)');
    db.run('CREATE INDEX IF NOT EXISTS orders_by_status ON orders (status)');
    db.run("CREATE INDEX IF NOT EXISTS orders_by_total ON orders (CAST(json_extract(data_json, '$.total') AS REAL))");
    db.run('CREATE INDEX IF NOT EXISTS orders_by_merchant ON orders (merchant_id)');
    db.run('CREATE INDEX IF NOT EXISTS orders_by_cart ON orders (cart_id)');
    db.run('ALTER TABLE order_search ADD COLUMN rev INTEGER NOT NULL DEFAULT 0');
    db.run('CREATE INDEX order_search_by_rev ON order_search (rev)');
  },
};
