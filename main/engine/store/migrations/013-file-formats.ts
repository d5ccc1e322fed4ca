import { DEFAULT_CONFIRMATION_PROFILE, DEFAULT_INVENTORY_PROFILE, DEFAULT_ORDER_PROFILE } from '../../../../shared/csv-defaults.js';
import type { SqlRunner } from '../sql.js';

/**
 * File formats become records of their own (issue 11): several per installation, chosen by the WMS
 * setup and overridable per merchant. The WMS setup's embedded profiles become three records, copied
 * byte for byte so an existing install keeps writing and reading identical files, and the setup keeps
 * only their ids. Names and times are literal or come from the row itself: a migration is replayed
 * from the journal and must do the same thing every time.
 */

const KINDS = [
  { kind: 'order', key: 'orderProfile', name: 'Warehouse order file', fallback: DEFAULT_ORDER_PROFILE },
  { kind: 'confirmation', key: 'confirmationProfile', name: 'Warehouse confirmation file', fallback: DEFAULT_CONFIRMATION_PROFILE },
  { kind: 'inventory', key: 'inventoryProfile', name: 'Warehouse inventory file', fallback: DEFAULT_INVENTORY_PROFILE },
] as const;

export const fileFormats = {
  version: 13,
  name: 'file formats',
  up(db: SqlRunner): void {
    db.run(`CREATE TABLE file_formats (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('order', 'confirmation', 'inventory')),
      name TEXT NOT NULL,
      profile_json TEXT NOT NULL,
      preset TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    // Names are told apart without case ("Acme orders" and "ACME orders" read as one to a person).
    db.run('CREATE UNIQUE INDEX file_formats_kind_name ON file_formats (kind, lower(name))');
    // A merchant's overrides; a format in use cannot go (no cascade on format_id), a merchant's go with it.
    db.run(`CREATE TABLE merchant_file_formats (
      merchant_id INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('order', 'confirmation', 'inventory')),
      format_id INTEGER NOT NULL REFERENCES file_formats(id),
      PRIMARY KEY (merchant_id, kind)
    )`);

    const wms = db.get<{ settings_json: string; updated_at: string }>('SELECT settings_json, updated_at FROM wms WHERE id = 1');
    if (!wms) return;
    let settings: Record<string, unknown>;
    try {
      settings = JSON.parse(wms.settings_json) as Record<string, unknown>;
    } catch {
      // Unreadable settings are reported where they are read (WMS setup); nothing to convert here.
      return;
    }
    const formats: Record<string, number> = {};
    for (const k of KINDS) {
      const embedded = settings[k.key] ?? k.fallback;
      formats[k.kind] = db.run(
        'INSERT INTO file_formats (kind, name, profile_json, preset, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)',
        [k.kind, k.name, JSON.stringify(embedded), wms.updated_at, wms.updated_at],
      ).lastInsertRowid;
      delete settings[k.key];
    }
    settings.formats = formats;
    db.run('UPDATE wms SET settings_json = ? WHERE id = 1', [JSON.stringify(settings)]);
  },
};
