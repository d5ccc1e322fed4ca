import Papa from 'papaparse';
import { inboundColumnRef, type ConfirmationFileProfile, type InboundColumn, type InventoryFileProfile } from '../../../shared/schemas/csv-profile.js';
import { neutraliseCell } from '../files/writer/formula-guard.js';

type ColumnRef = string | number;

/**
 * Writes rows the way a file profile reads them: a column named by header goes under that header (in
 * the profile's order), a column named by position goes at that position. So the demo warehouse's
 * files stay readable when someone edits the inbound formats in the designer.
 */
function writeTable<K extends string>(
  options: { delimiter: string; headerRow: boolean },
  columns: Partial<Record<K, InboundColumn>>,
  rows: Partial<Record<K, string>>[],
): Buffer {
  const refs: Partial<Record<K, ColumnRef>> = {};
  for (const k of Object.keys(columns) as K[]) refs[k] = inboundColumnRef(columns[k]);
  const keys = (Object.keys(refs) as K[]).filter((k) => refs[k] !== undefined);
  const slots: (K | undefined)[] = [];
  for (const k of keys) {
    const ref = refs[k];
    if (typeof ref === 'number') slots[ref - 1] = k;
  }
  for (const k of keys) {
    if (typeof refs[k] !== 'string') continue;
    const free = slots.findIndex((s) => s === undefined);
    slots[free < 0 ? slots.length : free] = k;
  }
  const filled = Array.from({ length: slots.length }, (_, i) => slots[i]);
  const table: string[][] = [];
  if (options.headerRow) {
    // A column the profile names by position still gets a readable header.
    table.push(filled.map((k) => (k === undefined ? '' : typeof refs[k] === 'string' ? (refs[k] as string) : k)));
  }
  for (const row of rows) table.push(filled.map((k) => neutraliseCell(k === undefined ? '' : (row[k] ?? ''))));
  return Buffer.from(Papa.unparse(table, { delimiter: options.delimiter, newline: '\r\n', quotes: false, escapeFormulae: false }) + '\r\n', 'utf8');
}

export interface ShippedRow {
  orderNumber: string;
  sku: string;
  quantity: number;
  carrier: string;
  service: string;
  trackingNumber: string;
  /** As the file says it: YYYY-MM-DD. */
  shipDate: string;
}

/** A shipment confirmation file in the WMS's confirmation format (by default: Order Number, SKU, ...). */
export function confirmationFile(profile: ConfirmationFileProfile, rows: ShippedRow[]): Buffer {
  // The demo store is the merchant's only cart: its rows need no order source to find their order.
  const { cost: _cost, weight: _weight, orderSource: _orderSource, ...columns } = profile.columns;
  return writeTable(profile, columns, rows.map((r) => ({ ...r, quantity: String(r.quantity) })));
}

/** An inventory snapshot file in the WMS's inventory format (SKU, Quantity, Location). */
export function inventoryFile(profile: InventoryFileProfile, rows: { sku: string; quantity: number; location: string }[]): Buffer {
  return writeTable(profile, profile.columns, rows.map((r) => ({ ...r, quantity: String(r.quantity) })));
}
