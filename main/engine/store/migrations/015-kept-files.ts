import type { SqlRunner } from '../sql.js';

/**
 * Files kept (main/engine/kept-files): one row per file Dockhand sent to or picked up from the WMS (and
 * per CSV order-source file read), with a copy of its bytes in `<dataDir>/files/`. The copy lives outside
 * the database on purpose: a 10 MB file in sql.js would be in every snapshot and in the journal. The row
 * is written after the copy is on disk, so a row always names a file (the daily sweep tidies either half
 * a crash left alone). The index on created_at serves the Files screen's newest-first pages; the one on
 * (merchant_id, created_at) its per-merchant filter.
 */
export const keptFiles = {
  version: 15,
  name: 'kept files',
  up(db: SqlRunner): void {
    db.run(`CREATE TABLE kept_files (
      id INTEGER PRIMARY KEY,
      merchant_id INTEGER,
      cart_id INTEGER,
      direction TEXT NOT NULL,
      kind TEXT NOT NULL,
      remote_path TEXT NOT NULL,
      name TEXT NOT NULL,
      size INTEGER NOT NULL,
      rows_count INTEGER NOT NULL,
      errors_count INTEGER NOT NULL,
      first_errors TEXT NOT NULL DEFAULT '',
      sha256 TEXT NOT NULL,
      kept_path TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
    db.run('CREATE INDEX kept_files_by_time ON kept_files (created_at, id)');
    db.run('CREATE INDEX kept_files_by_merchant ON kept_files (merchant_id, created_at)');
  },
};
