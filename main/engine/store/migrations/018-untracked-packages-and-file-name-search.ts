import { DockhandError } from '../../../../shared/errors.js';
import { insertNameWords } from '../repositories/kept-file-words.js';
import type { SqlRunner } from '../sql.js';

/**
 * Two changes under one number (one number was given to this work):
 *
 * - `shipments.package_key`: what tells apart two shipments of one order that have no tracking number
 *   (confirmation formats may leave it out). A shipment was unique on (order, tracking number), so a
 *   real second package without tracking was taken for the first. Now it is unique on (order, tracking
 *   number, package key): '' for a shipment with a tracking number (the tracking number is its identity,
 *   as before), and for one without, the warehouse's shipment id or the file's content and line
 *   (confirmation-shipments.ts, packageKeyOf). SQLite cannot drop a table constraint, so the table is
 *   rebuilt from its own stored definition, which keeps columns and indexes other migrations added.
 * - `kept_file_words`: the words of each kept file's name, so the Files screen's name search walks an
 *   index instead of every name (kept-file-words.ts says what it serves). Backfilled here with the same
 *   function the live inserts use, so both agree; the inserts are journaled, so replay is exact.
 */
export const untrackedPackagesAndFileNameSearch = {
  version: 18,
  name: 'untracked packages and file name search',
  up(db: SqlRunner): void {
    rebuildShipmentsWithPackageKey(db);
    indexKeptFileNames(db);
  },
};

const OLD_UNIQUE = /UNIQUE\s*\(\s*order_id\s*,\s*tracking_number\s*\)/i;

function rebuildShipmentsWithPackageKey(db: SqlRunner): void {
  db.run(`ALTER TABLE shipments ADD COLUMN package_key TEXT NOT NULL DEFAULT ''`);
  const table = db.get<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'shipments'`);
  if (!table || !OLD_UNIQUE.test(table.sql)) throw new DockhandError('internal', 'migration 18: the shipments table is not in the shape it expects');
  const rebuilt = table.sql
    .replace(OLD_UNIQUE, 'UNIQUE (order_id, tracking_number, package_key)')
    .replace(/^CREATE TABLE\s+"?shipments"?/i, 'CREATE TABLE shipments_rebuilt');
  const dependents = db
    .all<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE tbl_name = 'shipments' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name`)
    .map((r) => r.sql);
  db.run(rebuilt);
  db.run('INSERT INTO shipments_rebuilt SELECT * FROM shipments');
  db.run('DROP TABLE shipments');
  db.run('ALTER TABLE shipments_rebuilt RENAME TO shipments');
  for (const sql of dependents) db.run(sql);
}

/** Kept files read per step of the backfill (names are short; this bounds one statement's result). */
const BACKFILL_CHUNK = 5000;

function indexKeptFileNames(db: SqlRunner): void {
  db.run(`CREATE TABLE kept_file_words (
    word TEXT NOT NULL,
    file_id INTEGER NOT NULL,
    PRIMARY KEY (word, file_id)
  )`);
  // Deleting a file's words (the daily sweep) finds them by file.
  db.run('CREATE INDEX kept_file_words_by_file ON kept_file_words (file_id)');
  let after = 0;
  for (;;) {
    const rows = db.all<{ id: number; name: string }>('SELECT id, name FROM kept_files WHERE id > ? ORDER BY id LIMIT ?', [after, BACKFILL_CHUNK]);
    if (rows.length === 0) break;
    for (const r of rows) insertNameWords(db, r.id, r.name);
    after = rows[rows.length - 1].id;
  }
}
