import { z } from 'zod';
import {
  confirmationFileProfileSchema,
  inventoryFileProfileSchema,
  orderFileProfileSchema,
  type ConfirmationFileProfile,
  type InventoryFileProfile,
  type OrderFileProfile,
} from './csv-profile.js';

/**
 * File formats as saved records (issue 11, "Formats"): several per installation, chosen by the WMS setup
 * and overridable per merchant. A record's profile is whatever its kind's schema (csv-profile.ts) parses:
 * this file never looks inside one, so the profile schemas can grow without touching it.
 */

export const FORMAT_KINDS = ['order', 'confirmation', 'inventory'] as const;
export type FormatKind = (typeof FORMAT_KINDS)[number];
export const formatKindSchema = z.enum(FORMAT_KINDS);

/** What each kind's profile is. */
export interface FormatProfiles {
  order: OrderFileProfile;
  confirmation: ConfirmationFileProfile;
  inventory: InventoryFileProfile;
}
export type AnyFormatProfile = FormatProfiles[FormatKind];

/** What each kind's schema accepts (defaults left out): the shape presets are written in. */
export interface FormatProfileInputs {
  order: z.input<typeof orderFileProfileSchema>;
  confirmation: z.input<typeof confirmationFileProfileSchema>;
  inventory: z.input<typeof inventoryFileProfileSchema>;
}

/** The schema a kind's profile is checked with. */
export const FORMAT_PROFILE_SCHEMAS = {
  order: orderFileProfileSchema,
  confirmation: confirmationFileProfileSchema,
  inventory: inventoryFileProfileSchema,
} as const satisfies Record<FormatKind, z.ZodType>;

/** How a person names each kind, in sentences ("the order file"). */
export const FORMAT_KIND_WORDS: Record<FormatKind, { title: string; noun: string; aNoun: string }> = {
  order: { title: 'Order files', noun: 'order file', aNoun: 'an order file' },
  confirmation: { title: 'Shipment confirmation files', noun: 'confirmation file', aNoun: 'a confirmation file' },
  inventory: { title: 'Inventory files', noun: 'inventory file', aNoun: 'an inventory file' },
};

export const formatNameSchema = z.string().trim().min(1, 'Enter a name for the format').max(100, 'Keep the name under 100 characters');

const formatId = z.number().int().positive();

/**
 * Saved format ids for the three files: in the WMS setup (the warehouse's formats) and on a merchant
 * (its overrides). An absent kind on a merchant means "the warehouse's format".
 */
export const formatIdsSchema = z.object({
  order: formatId.optional(),
  confirmation: formatId.optional(),
  inventory: formatId.optional(),
});
export type FormatIds = z.infer<typeof formatIdsSchema>;

/** One kind with its profile: the kind picks the schema, so problems carry the profile's own path. */
export const kindedProfileSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('order'), profile: orderFileProfileSchema }),
  z.object({ kind: z.literal('confirmation'), profile: confirmationFileProfileSchema }),
  z.object({ kind: z.literal('inventory'), profile: inventoryFileProfileSchema }),
]);

const saveCommon = { id: formatId.optional(), name: formatNameSchema };

/**
 * formats.save: a new format (no id) or a change; the kind picks the profile's schema. A plain union (not
 * discriminated): an input without a kind still has its unknown keys named, through the closest member.
 */
export const formatSaveSchema = z.union([
  z.object({ ...saveCommon, kind: z.literal('order'), profile: orderFileProfileSchema }),
  z.object({ ...saveCommon, kind: z.literal('confirmation'), profile: confirmationFileProfileSchema }),
  z.object({ ...saveCommon, kind: z.literal('inventory'), profile: inventoryFileProfileSchema }),
]);

/** The version of the export file written by `formats.export`; `formats.import` reads this one. */
export const FORMATS_EXPORT_VERSION = 1;

/** One format in an export file: checked format by format on import, so each refusal is told apart. */
export const exportedFormatSchema = z.object({
  kind: formatKindSchema,
  name: formatNameSchema,
  profile: z.unknown(),
  preset: z.string().max(100).nullable().optional(),
});
export type ExportedFormat = { kind: FormatKind; name: string; profile: AnyFormatProfile; preset?: string | null };

export const formatsExportSchema = z.object({
  /** Which layout of this file; a newer Dockhand may write a higher one. */
  version: z.literal(FORMATS_EXPORT_VERSION, { error: `This is not a Dockhand formats file of version ${FORMATS_EXPORT_VERSION}` }),
  app: z.literal('dockhand').optional(),
  exportedAt: z.string().optional(),
  formats: z.array(z.unknown()).max(500, 'A formats file holds at most 500 formats'),
});
export interface FormatsExportFile {
  version: typeof FORMATS_EXPORT_VERSION;
  app: 'dockhand';
  exportedAt: string;
  formats: ExportedFormat[];
}
