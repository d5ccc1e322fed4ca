import type { SqlRunner } from '../sql.js';

/**
 * Small engine settings that belong to no other table, one JSON value per key (the demo warehouse's
 * on/off state is the first). A key-value table keeps such settings from each needing a migration.
 */
export const settingsTable = {
  version: 3,
  name: 'settings',
  up(db: SqlRunner): void {
    db.run(
      `CREATE TABLE settings (
        setting_key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
    );
  },
};
