import { DockhandError } from '../../../shared/errors.js';
import { FORMAT_KIND_WORDS, FORMAT_KINDS, type FormatKind, type FormatProfiles } from '../../../shared/schemas/file-format.js';
import type { CsvWmsSettings } from '../../../shared/schemas/wms.js';
import { listFileFormats, listMerchantFormatIds, type FileFormatRow } from '../store/repositories/file-formats-repo.js';
import type { SqlReader } from '../store/sql.js';
import { embeddedProfile, profileOf, standardProfile, type FileProfiles, type ProfilesFor } from './file-profiles.js';

/**
 * Which profile each merchant's files use: the merchant's override, else the warehouse's chosen format,
 * else (settings from before formats were records) the profile the settings embed, else the standard one.
 * Reads every format and override once, so a run resolves its merchants without going back to the store.
 */
export function profilesResolver(db: SqlReader, settings: CsvWmsSettings): ProfilesFor {
  const byId = new Map<number, FileFormatRow>(listFileFormats(db).map((f) => [f.id, f]));
  const overrides = listMerchantFormatIds(db);

  function pick<K extends FormatKind>(kind: K, merchantId: number): FormatProfiles[K] {
    const id = overrides.get(merchantId)?.[kind] ?? settings.formats?.[kind];
    if (id === undefined) return embeddedProfile(settings, kind) ?? standardProfile(kind);
    const row = byId.get(id);
    if (!row || row.kind !== kind) {
      throw new DockhandError('config', `The ${FORMAT_KIND_WORDS[kind].noun} format chosen for this merchant no longer exists: choose another in WMS setup or on the merchant`);
    }
    return profileOf(row as FileFormatRow & { kind: K });
  }

  // Each profile is resolved when it is used: a damaged inventory format must not stop order delivery.
  return (merchantId) => {
    const profiles = {};
    for (const kind of FORMAT_KINDS) Object.defineProperty(profiles, kind, { get: () => pick(kind, merchantId), enumerable: true });
    return profiles as FileProfiles;
  };
}
