import { parseJson } from '../repositories/json-column.js';
import { searchTextOf, type SearchableOrder } from '../repositories/order-search-text.js';
import type { SqlRunner } from '../sql.js';

/** Orders read per step of the backfill: bounds memory on a big database (payloads are kilobytes each). */
const BACKFILL_CHUNK = 1000;

/**
 * A narrow side table for the Orders search: per order, only the values the search promises (number,
 * PO, names, companies, e-mails, SKUs), lower-cased. Searching it instead of every payload is an order
 * of magnitude less to scan, and no longer matches prices, ids or field names.
 * The backfill computes the text in JS with the same function the live writes use, so both agree
 * (SQLite's lower() folds ASCII only). Its inserts are journaled like any write, so replay is exact.
 */
export const orderSearch = {
  version: 4,
  name: 'order search',
  up(db: SqlRunner): void {
    db.run(
      `CREATE TABLE order_search (
        order_id INTEGER PRIMARY KEY,
        text TEXT NOT NULL
      )`,
    );
    let after = 0;
    for (;;) {
      const rows = db.all<{ id: number; data_json: string }>(
        'SELECT id, data_json FROM orders WHERE id > ? ORDER BY id LIMIT ?',
        [after, BACKFILL_CHUNK],
      );
      if (rows.length === 0) break;
      for (const r of rows) {
        const text = searchTextOf(parseJson<SearchableOrder | null>(r.data_json, null) ?? {});
        db.run('INSERT INTO order_search (order_id, text) VALUES (?, ?)', [r.id, text]);
      }
      after = rows[rows.length - 1].id;
    }
  },
};
