import { WAREHOUSE_FORMAT_NAMES } from '../../../shared/format-presets.js';
import { FORMAT_KINDS, type FormatIds } from '../../../shared/schemas/file-format.js';
import type { CsvWmsSettings } from '../../../shared/schemas/wms.js';
import { insertFileFormat, listFileFormats, uniqueFormatName } from '../store/repositories/file-formats-repo.js';
import type { SqlRunner } from '../store/sql.js';
import { embeddedProfile, standardProfile } from './file-profiles.js';
import { checkFormatIds } from './format-ids.js';

/**
 * The WMS settings as they are stored: every kind names a saved format. A kind saved without an id (an
 * older client, a setup made in code such as the demo's) gets one: the saved format with exactly its
 * embedded profile (or the standard one), else a new record named like migration 013's. The embedded
 * profiles are not kept, so the setup has one place that says which format its files use.
 */
export function adoptFormats(db: SqlRunner, settings: CsvWmsSettings, now: string): CsvWmsSettings {
  const given = settings.formats ?? {};
  checkFormatIds(db, given, 'settings.formats');
  const formats: FormatIds = { ...given };
  for (const kind of FORMAT_KINDS) {
    if (formats[kind] !== undefined) continue;
    const profile = embeddedProfile(settings, kind) ?? standardProfile(kind);
    const json = JSON.stringify(profile);
    const same = listFileFormats(db, kind).find((f) => JSON.stringify(f.profile) === json);
    formats[kind] = same?.id ?? insertFileFormat(db, { kind, name: uniqueFormatName(db, kind, WAREHOUSE_FORMAT_NAMES[kind]), profile }, now);
  }
  const { orderProfile: _o, confirmationProfile: _c, inventoryProfile: _i, ...rest } = settings;
  return { ...rest, formats };
}
