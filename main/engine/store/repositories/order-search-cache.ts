import type { SqlReader } from '../sql.js';

/**
 * The search table held in the engine's memory, so a search (each keystroke in the Orders box) is a
 * scan of JS strings (a few ms for 100,000 orders) instead of a pass of SQLite's LIKE over every row
 * (150-300 ms on a busy machine, while a sync waits behind it).
 *
 * It stays in step without any hook in the writes: every write of a search row gives it the next
 * revision (`rev`, migration 009, indexed), so before each search the rows written since are read by
 * that index. A removed row (a merchant deleted) is noticed because the cache then holds more rows than
 * the table (every row the table holds was read at some point, so the cache holds a superset), and the
 * cache is read again whole. Reads only ever see committed state (the store runs a read and a write
 * transaction never interleaved), so a rolled-back revision is never seen. One cache per reader: the
 * store makes a new reader whenever it rebuilds its state from disk, which drops what it held.
 */
interface SearchCache {
  texts: Map<number, string>;
  rev: number;
}

const caches = new WeakMap<SqlReader, SearchCache>();

function load(db: SqlReader): SearchCache {
  const cache: SearchCache = { texts: new Map(), rev: -1 };
  catchUp(db, cache);
  return cache;
}

function catchUp(db: SqlReader, cache: SearchCache): void {
  const rows = db.all<{ id: number; text: string; rev: number }>(
    'SELECT order_id AS id, text, rev FROM order_search WHERE rev > ? ORDER BY rev',
    [cache.rev],
  );
  for (const r of rows) {
    cache.texts.set(r.id, r.text);
    if (r.rev > cache.rev) cache.rev = r.rev;
  }
}

/** The cache of `db`, caught up with every committed write. */
function current(db: SqlReader): SearchCache {
  let cache = caches.get(db);
  if (cache) catchUp(db, cache);
  const held = db.get<{ n: number }>('SELECT COUNT(*) AS n FROM order_search')?.n ?? 0;
  if (!cache || cache.texts.size !== held) {
    cache = load(db);
    caches.set(db, cache);
  }
  return cache;
}

/** Ids of the orders whose search text holds `needle` (already lower-cased), newest (highest id) first. */
export function searchOrderIds(db: SqlReader, needle: string): number[] {
  const found: number[] = [];
  for (const [id, text] of current(db).texts) if (text.includes(needle)) found.push(id);
  return Array.from(Float64Array.from(found).sort().reverse());
}
