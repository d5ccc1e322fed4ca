import type { SqlRunner } from '../sql.js';

/**
 * The Dashboard's tallies (migration 008) are kept by the repository functions that write orders
 * (repositories/order-tallies.ts, summed per write transaction) instead of by triggers. Any trigger on `orders` makes SQLite keep a
 * statement journal for every INSERT/UPDATE of an order, copying each 64 KiB page the statement touches;
 * measured with bench/tally-write-cost.ts, a trigger that does nothing at all cost more per write than
 * the tallies' upserts. The tallies are right as they stand (the triggers kept them up to the moment they
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
