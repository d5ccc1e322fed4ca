import type { SqlReader, SqlRunner } from '../sql.js';
import { parseJson } from './json-column.js';

/** One engine setting by key; undefined when never saved (or unreadable). */
export function getSetting<T>(db: SqlReader, key: string): T | undefined {
  const row = db.get<{ value_json: string }>('SELECT value_json FROM settings WHERE setting_key = ?', [key]);
  return row ? parseJson<T | undefined>(row.value_json, undefined) : undefined;
}

export function putSetting(db: SqlRunner, key: string, value: unknown, now: string): void {
  db.run(
    `INSERT INTO settings (setting_key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (setting_key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    [key, JSON.stringify(value), now],
  );
}
