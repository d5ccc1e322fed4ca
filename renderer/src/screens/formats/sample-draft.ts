import type { FormatSampleView } from '../../../../shared/api-types.js';
import type { ColumnTransform, ConfirmationFileProfile, InboundColumn, InventoryFileProfile, OrderColumn } from '../../../../shared/schemas/csv-profile.js';
import type { FormatKind } from '../../../../shared/schemas/file-format.js';
import { INBOUND_FIELDS, ORDER_FILE_FIELDS, type FormatDraft, type InboundField } from './format-draft.js';

/**
 * A new format from a sample file (pure, tested alone): the sniffed layout and the person's choice for each
 * column become a draft. Inbound: each column is read into one field (or not read). Outbound (order files):
 * each column is filled by one order field, or left empty.
 */

/** Each sample column's field by its 1-based position; '' for a column not used (or left empty). */
export type SampleMapping = Record<number, string>;

const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Header words that name an inbound field ("Tracking #" -> trackingNumber). */
const INBOUND_SYNONYMS: Record<InboundField, string[]> = {
  orderSource: ['order source', 'source', 'store'],
  orderNumber: ['order number', 'order no', 'order', 'order id', 'cust ref', 'reference', 'ref'],
  sku: ['sku', 'item', 'item number', 'product code', 'part number'],
  quantity: ['quantity', 'qty', 'qty shipped', 'shipped qty', 'on hand', 'qty on hand', 'available'],
  carrier: ['carrier'],
  service: ['service', 'ship service', 'method'],
  trackingNumber: ['tracking number', 'tracking', 'tracking no', 'tracking id'],
  shipDate: ['ship date', 'shipped date', 'date shipped', 'date', 'shipped at', 'shipped', 'shipped on'],
  cost: ['cost', 'freight', 'shipping cost'],
  weight: ['weight'],
  shipmentId: ['shipment id', 'shipment', 'package id'],
  location: ['location', 'warehouse', 'bin'],
};

/** The field a header most likely names, for the kind; '' when none is clear. */
export function guessField(kind: FormatKind, header: string): string {
  const said = words(header);
  if (kind === 'order') return ORDER_FILE_FIELDS.find((f) => words(f.replace(/([a-z])([A-Z])/g, '$1 $2')) === said || words(f) === said.replace(/ /g, '')) ?? '';
  return INBOUND_FIELDS[kind].find((f) => INBOUND_SYNONYMS[f].includes(said)) ?? '';
}

/** A first mapping: each column its guessed field, each inbound field used once (the first column wins). */
export function guessMapping(kind: FormatKind, sample: FormatSampleView): SampleMapping {
  const mapping: SampleMapping = {};
  const used = new Set<string>();
  for (const column of sample.columns) {
    const field = guessField(kind, column.header);
    if (field && (kind === 'order' || !used.has(field))) {
      mapping[column.position] = field;
      used.add(field);
    }
  }
  return mapping;
}

/** The date format the sample's values are written in, when one of the usual ones fits them all. */
export function guessDateFormat(samples: readonly string[]): string {
  const values = samples.map((s) => s.trim()).filter(Boolean);
  const fits = (re: RegExp) => values.length > 0 && values.every((v) => re.test(v));
  if (fits(/^\d{4}-\d{2}-\d{2}$/)) return 'YYYY-MM-DD';
  if (fits(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)) return 'YYYY-MM-DD HH:mm:ss';
  if (fits(/^\d{4}-\d{2}-\d{2}T/)) return 'ISO';
  if (fits(/^\d{8}$/)) return 'YYYYMMDD';
  if (fits(/^\d{2}\.\d{2}\.\d{4}$/)) return 'DD.MM.YYYY';
  if (fits(/^\d{2}\/\d{2}\/\d{4}$/)) return values.some((v) => Number(v.slice(0, 2)) > 12) ? 'DD/MM/YYYY' : 'MM/DD/YYYY';
  return 'YYYY-MM-DD';
}

/** The fields the mapping reads more than once (an inbound field comes from one column). */
export function doubleMapped(kind: FormatKind, mapping: SampleMapping): string[] {
  if (kind === 'order') return [];
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const field of Object.values(mapping)) {
    if (!field) continue;
    if (seen.has(field)) twice.add(field);
    seen.add(field);
  }
  return [...twice];
}

/** The draft the sample and mapping make; the name is the person's. */
export function draftFromSample(kind: FormatKind, name: string, sample: FormatSampleView, mapping: SampleMapping): FormatDraft {
  const common = { delimiter: sample.delimiter, headerRow: sample.headerRow };
  if (kind === 'order') {
    const columns: OrderColumn[] = sample.columns.map((c) => {
      const field = mapping[c.position];
      return { header: c.header, source: field ? { kind: 'field', field } : { kind: 'constant', value: '' }, transforms: [] };
    });
    return {
      kind,
      name,
      profile: {
        name,
        ...common,
        layout: 'vertical',
        maxItemsPerRow: 10,
        lineEnding: sample.lineEnding === 'lf' ? 'lf' : 'crlf',
        formulaGuard: true,
        encoding: sample.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8',
        columns,
      },
    };
  }
  const columns: Record<string, InboundColumn> = {};
  for (const c of sample.columns) {
    const field = mapping[c.position];
    if (!field || columns[field]) continue;
    // A ship date is read by an explicit format (never guessed at read time): the one its samples fit.
    const transforms: ColumnTransform[] = field === 'shipDate' ? [{ kind: 'date', format: guessDateFormat(c.samples), timeZone: 'UTC' }] : [];
    columns[field] = { source: { kind: 'column', column: sample.headerRow ? c.header : c.position }, transforms: transforms as InboundColumn['transforms'] };
  }
  const encoding = sample.encoding === 'windows-1252' ? 'windows-1252' : sample.encoding === 'utf-8' ? 'utf-8' : 'auto';
  if (kind === 'confirmation') {
    return {
      kind,
      name,
      profile: { ...common, encoding, rowsAre: 'items', groupBy: 'orderAndTracking', timeZone: 'UTC', columns: columns as unknown as ConfirmationFileProfile['columns'] },
    };
  }
  // The mapping may lack a required field: the schema's check (checkDraft) names it before saving.
  return { kind, name, profile: { ...common, encoding, columns: columns as unknown as InventoryFileProfile['columns'] } };
}
