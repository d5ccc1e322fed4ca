import type { SqlRunner } from '../sql.js';

/**
 * The Dashboard's tallies (migration 008) are kept by the repository functions that write orders
 * (repositories/order-tallies.ts, summed per write transaction) instead of by triggers. Any trigger on `orders` makes SQLite keep a
 * statement journal for every INSERT/UPDATE of an order, copying each 64 KiB page the statement touches;
 * measured with bench/tally-write-cost.ts, a trigger that does nothing at all cost more per write than
 * the tallies' upserts. CPU ms per 5000 orders (insert / deliver / ship, best of 3): no tallies at all
 * 259 / 65 / 60, the triggers 574 / 226 / 343, a do-nothing trigger 478 / 155 / 215, the repository's
 * summed upserts 248 / 101 / 125. On the 20k-order loop (bench/run.ts --skip-throttled, Dockhand CPU s,
 * download / delivery / pickup / upload, runs back to back): triggers 8.1-8.2 / 2.9-3.0 / 3.4-3.5 /
 * 3.2-3.4, these 6.4-7.6 / 2.1-2.3 / 2.2-2.3 / 2.4-2.9, no tallies 5.9-7.2 / 1.9-2.2 / 2.1-2.2 / 2.6-2.7.
 * The tallies are right as they stand (the triggers kept them up to the moment they
 * are dropped, in the same transaction), so nothing is recounted.
 */
export const talliesWithoutTriggers = {
  version: 10,
  name: 'tallies without triggers',
  up(db: SqlRunner): void {
    for (const trigger of ['orders_tally_insert', 'orders_tally_update', 'orders_tally_delete', 'merchants_tally_delete']) {
      db.run(`DROP TRIGGER IF EXISTS ${trigger}`);
    }
  },
};
