import type { WmsSettings } from '../../../../shared/schemas/wms.js';
import type { SqlReader, SqlRunner } from '../sql.js';
import { adoptFormats } from '../../formats/adopt-formats.js';
import { parseJson } from './json-column.js';

export interface WmsRow {
  kind: string;
  settings: WmsSettings;
  secretsSealed: string | null;
  updatedAt: string;
}

export function getWms(db: SqlReader): WmsRow | undefined {
  const r = db.get<{ kind: string; settings_json: string; secrets_sealed: string | null; updated_at: string }>(
    'SELECT * FROM wms WHERE id = 1',
  );
  if (!r) return undefined;
  return {
    kind: r.kind,
    settings: parseJson(r.settings_json, null as unknown as WmsSettings),
    secretsSealed: r.secrets_sealed,
    updatedAt: r.updated_at,
  };
}

/** Saves the setup with every file format a saved record (formats/adopt-formats.ts); returns what was stored. */
export function saveWms(db: SqlRunner, given: WmsSettings, secretsSealed: string | null, now: string): WmsSettings {
  const settings = adoptFormats(db, given, now);
  db.run(
    `INSERT INTO wms (id, kind, settings_json, secrets_sealed, updated_at) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, settings_json = excluded.settings_json,
       secrets_sealed = excluded.secrets_sealed, updated_at = excluded.updated_at`,
    [settings.kind, JSON.stringify(settings), secretsSealed, now],
  );
  return settings;
}
