import type { Store } from './sql.js';

/** `PRAGMA integrity_check` of the live database: "ok", or SQLite's list of problems joined by newlines. */
export function runIntegrityCheck(store: Store): Promise<string> {
  return store.read((db) =>
    db
      .all<Record<string, unknown>>('PRAGMA integrity_check')
      .map((row) => String(Object.values(row)[0]))
      .join('\n'),
  );
}
