import { DockhandError } from '../../../shared/errors.js';
import { FORMAT_PRESETS, STANDARD_PRESET_KEY, presetProfile } from '../../../shared/format-presets.js';
import { PLAIN } from '../../../shared/plain-messages.js';
import { FORMAT_KIND_WORDS, FORMAT_PROFILE_SCHEMAS, type FormatKind, type FormatProfiles } from '../../../shared/schemas/file-format.js';
import type { CsvWmsSettings } from '../../../shared/schemas/wms.js';
import type { FileFormatRow } from '../store/repositories/file-formats-repo.js';

/** The three profiles one merchant's files are written and read with. */
export type FileProfiles = FormatProfiles;

/** The profiles of a merchant's files, resolved when the connector is built (its overrides over the warehouse's). */
export type ProfilesFor = (merchantId: number) => FileProfiles;

const EMBEDDED_KEY = { order: 'orderProfile', confirmation: 'confirmationProfile', inventory: 'inventoryProfile' } as const;

/** The standard profile of a kind (the layout every install started with). */
export function standardProfile<K extends FormatKind>(kind: K): FormatProfiles[K] {
  const preset = FORMAT_PRESETS.find((p) => p.key === STANDARD_PRESET_KEY[kind]);
  if (!preset) throw new Error(`No standard preset for ${kind}`);
  return presetProfile(preset) as FormatProfiles[K];
}

/** The profile settings from before migration 013 carry for a kind, if any. */
export function embeddedProfile<K extends FormatKind>(settings: CsvWmsSettings, kind: K): FormatProfiles[K] | undefined {
  return settings[EMBEDDED_KEY[kind]] as FormatProfiles[K] | undefined;
}

/**
 * The profiles settings carry themselves (old settings, a Test of a setup not saved yet), else the
 * standard ones: what a connector built without saved formats uses.
 */
export function embeddedProfiles(settings: CsvWmsSettings): FileProfiles {
  return {
    order: embeddedProfile(settings, 'order') ?? standardProfile('order'),
    confirmation: embeddedProfile(settings, 'confirmation') ?? standardProfile('confirmation'),
    inventory: embeddedProfile(settings, 'inventory') ?? standardProfile('inventory'),
  };
}

/**
 * A saved format's profile as its kind's schema reads it today. A record that no longer parses (a
 * damaged row) stops the run with words that name it, rather than writing a file in a guessed layout.
 */
export function profileOf<K extends FormatKind>(row: FileFormatRow & { kind: K }): FormatProfiles[K] {
  const parsed = FORMAT_PROFILE_SCHEMAS[row.kind].safeParse(row.profile, PLAIN);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
    throw new DockhandError('config', `The ${FORMAT_KIND_WORDS[row.kind].noun} format "${row.name}" cannot be used: ${issue?.message ?? 'it is not valid'}${where}. Open Formats and save it again`);
  }
  return parsed.data as FormatProfiles[K];
}
