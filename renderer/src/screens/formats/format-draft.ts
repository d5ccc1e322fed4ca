import type { MethodInput } from '../../../../shared/contract.js';
import type { FieldErrors } from '../../../../shared/errors.js';
import {
  CONFIRMATION_FIELDS,
  LINE_FIELDS,
  ORDER_FIELDS,
  OUTBOUND_ONLY_TRANSFORMS,
  TRANSFORM_KINDS,
  type ColumnTransform,
  type InboundColumn,
  type OrderColumn,
  type TransformKind,
} from '../../../../shared/schemas/csv-profile.js';
import { FORMAT_PROFILE_SCHEMAS, formatNameSchema, type FormatKind, type FormatProfiles } from '../../../../shared/schemas/file-format.js';
import { validate } from '../../components/form-errors.js';

/**
 * The designer's draft: a format's name and profile as the person edits them, and the pure changes the
 * edit page makes to it (kept here, apart from React, so they are tested alone). Field errors use the API's
 * paths ("profile.columns.3.transforms.0.length"), so a message from formats.save lands on the same field
 * as the client's own check.
 */

/** `id` is absent for a format not saved yet (one started from a sample file). */
export type FormatDraft = { [K in FormatKind]: { id?: number; kind: K; name: string; profile: FormatProfiles[K] } }[FormatKind];
export type OrderDraft = Extract<FormatDraft, { kind: 'order' }>;
export type InboundDraft = Extract<FormatDraft, { kind: 'confirmation' | 'inventory' }>;

/** The inbound fields each inbound kind maps, in the order the page lists them. */
export const INBOUND_FIELDS = {
  confirmation: CONFIRMATION_FIELDS,
  inventory: ['sku', 'quantity', 'location'] as const,
} as const;
export type InboundField = (typeof INBOUND_FIELDS)['confirmation'][number] | (typeof INBOUND_FIELDS)['inventory'][number];

/** Fields the person must map, whatever the other settings (the schema adds its own, e.g. SKU for item rows). */
export const REQUIRED_INBOUND_FIELDS: Record<'confirmation' | 'inventory', readonly InboundField[]> = {
  confirmation: ['orderNumber', 'shipDate'],
  inventory: ['sku', 'quantity'],
};

/** Every field an order file's column can carry. */
export const ORDER_FILE_FIELDS: readonly string[] = [...ORDER_FIELDS, ...LINE_FIELDS];

/** The transforms a column of this kind of file may use (order-field ones only in order files). */
export function transformKindsFor(kind: FormatKind): TransformKind[] {
  if (kind === 'order') return [...TRANSFORM_KINDS];
  return TRANSFORM_KINDS.filter((k) => !(OUTBOUND_ONLY_TRANSFORMS as readonly string[]).includes(k));
}

/** A new transform of a kind with values that pass its schema, so adding one never starts as an error. */
export function newTransform(kind: TransformKind): ColumnTransform {
  switch (kind) {
    case 'constant':
      return { kind, value: '' };
    case 'field':
      return { kind, field: 'orderNumber', onlyWhenEmpty: false };
    case 'join':
      return { kind, fields: ['shipTo.lastName'], separator: ' ' };
    case 'cut':
      return { kind, length: 30 };
    case 'pad':
      return { kind, length: 10, char: '0', side: 'left' };
    case 'case':
      return { kind, to: 'upper' };
    case 'default':
      return { kind, value: '' };
    case 'map':
      return { kind, entries: [{ from: '', to: '' }], ignoreCase: false };
    case 'number':
      return { kind, decimals: 2, decimalSeparator: '.', thousands: '' };
    case 'money':
      return { kind, decimals: 2, decimalSeparator: '.', thousands: '', symbol: '', symbolAt: 'start' };
    case 'date':
      return { kind, format: 'YYYY-MM-DD', timeZone: 'UTC' };
    case 'prefix':
      return { kind, action: 'add', value: 'X' };
  }
}

/** A list with the item at `from` moved to `to` (both clamped); the same list when nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from === target || from < 0 || from >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item);
  return next;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((old, i) => (i === index ? item : old));
}

/** A new order-file column: the order number, headed by a name not yet used. */
export function newOrderColumn(columns: readonly OrderColumn[]): OrderColumn {
  const taken = new Set(columns.map((c) => c.header));
  let header = 'New column';
  for (let n = 2; taken.has(header); n++) header = `New column ${n}`;
  return { header, source: { kind: 'field', field: 'orderNumber' }, transforms: [] };
}

/** The order draft with its columns changed. */
export function withOrderColumns(draft: OrderDraft, columns: OrderColumn[]): OrderDraft {
  return { ...draft, profile: { ...draft.profile, columns } };
}

/** The inbound column mapped to a field, or undefined when the field is not read. */
export function inboundColumnOf(draft: InboundDraft, field: InboundField): InboundColumn | undefined {
  return (draft.profile.columns as Partial<Record<InboundField, InboundColumn>>)[field];
}

/** The inbound draft with one field mapped to a column (or unmapped with undefined). */
export function withInboundColumn(draft: InboundDraft, field: InboundField, column: InboundColumn | undefined): InboundDraft {
  const columns: Record<string, InboundColumn | undefined> = { ...draft.profile.columns, [field]: column };
  if (!column) delete columns[field];
  return { ...draft, profile: { ...draft.profile, columns } } as InboundDraft;
}

/**
 * What formats.save would refuse, checked here first with the same schemas: the name, and the profile with
 * its kind's schema (so an inbound format without its order number or ship date, a confirmation of item rows
 * without SKU and quantity, or an inventory file without SKU and quantity are caught before the round trip).
 */
export function checkDraft(draft: FormatDraft): FieldErrors {
  const errors: FieldErrors = {};
  const name = formatNameSchema.safeParse(draft.name);
  if (!name.success) errors.name = name.error.issues[0]?.message ?? 'Enter a name for the format';
  const profile = validate(FORMAT_PROFILE_SCHEMAS[draft.kind], saveInputOf(draft).profile);
  if (!profile.ok) for (const [path, message] of Object.entries(profile.errors)) errors[path === '_form' ? 'profile' : `profile.${path}`] = message;
  return errors;
}

/** The input formats.save takes for the draft. */
export function saveInputOf(draft: FormatDraft): MethodInput<'formats.save'> {
  const common = { ...(draft.id === undefined ? {} : { id: draft.id }), name: draft.name.trim() };
  switch (draft.kind) {
    case 'order':
      // The order profile carries its own name (the writer's): kept equal to the record's.
      return { ...common, kind: 'order', profile: { ...draft.profile, name: common.name } };
    case 'confirmation':
      return { ...common, kind: 'confirmation', profile: draft.profile };
    case 'inventory':
      return { ...common, kind: 'inventory', profile: draft.profile };
  }
}

/** Whether the draft differs from what was saved (the page warns before leaving with changes). */
export function isDirty(draft: FormatDraft, saved: FormatDraft): boolean {
  return JSON.stringify(draft) !== JSON.stringify(saved);
}

/** The errors whose path starts with `prefix` (a column's, a transform's), so a sub-form shows its own. */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const found: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) if (path === prefix || path.startsWith(`${prefix}.`)) found[path] = message;
  return found;
}

/** The number a number box holds: undefined when empty (an optional setting), NaN (refused in words) when not a number. */
export function numberFromText(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return Number(trimmed);
}

/** Transform settings that have a field of their own on the page (transform-editor.tsx). */
const TRANSFORM_FIELD = '(value|field|fields(\\.\\d+)?|separator|length|char|decimals|symbol|format|timeZone|entries\\.\\d+\\.(from|to))';
const INBOUND_KEYS = '[a-zA-Z]+';

/**
 * The error paths the designer shows on a field of their own; any other message is listed at the top of the
 * form (never silently lost): a setting the page does not offer, or a schema grown since.
 */
const SHOWN_PATHS = [
  /^name$/,
  /^profile\.(delimiter|encoding|maxItemsPerRow|columns)$/,
  /^profile\.columns\.\d+\.(header|source\.field|source\.value)$/,
  new RegExp(`^profile\\.columns\\.(\\d+|${INBOUND_KEYS})\\.transforms(\\.\\d+(\\.${TRANSFORM_FIELD})?)?$`),
  new RegExp(`^profile\\.columns\\.${INBOUND_KEYS}(\\.source\\.(column|value))?$`),
];

export function isShownPath(path: string): boolean {
  return SHOWN_PATHS.some((re) => re.test(path));
}
