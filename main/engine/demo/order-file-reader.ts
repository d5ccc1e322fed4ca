import type { OrderColumn, OrderFieldName, OrderFileProfile } from '../../../shared/schemas/csv-profile.js';
import { wholeNumber } from '../files/readers/cell-values.js';
import { readInboundTable, resolveColumns, UnreadableFileError, type InboundRecord } from '../files/readers/inbound-table.js';

/** An order as the demo warehouse picks it: what to ship and how. */
export interface PickedOrder {
  orderNumber: string;
  /** The WMS ship code ("UPS-GND"); empty when the profile has no such column. */
  shipCode: string;
  /** The carrier named in the file; empty when the profile has no such column. */
  carrier: string;
  lines: { sku: string; quantity: number }[];
}

/** Our formula guard prefixes risky cells with a quote; a warehouse reading the file takes it off. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

type Wanted = 'orderNumber' | 'sku' | 'quantity' | 'shipCode' | 'carrier';
const FIELD_OF: Record<Wanted, OrderFieldName> = {
  orderNumber: 'orderNumber',
  sku: 'line.sku',
  quantity: 'line.quantity',
  shipCode: 'shipCode',
  carrier: 'carrier',
};

const columnFor = (profile: OrderFileProfile, field: OrderFieldName): OrderColumn | undefined =>
  profile.columns.find((c) => c.source.kind === 'field' && c.source.field === field && c.transforms.length === 0) ??
  profile.columns.find((c) => c.source.kind === 'field' && c.source.field === field);

/**
 * Reads an order file the way the WMS would, from the profile the CSV WMS wrote it with (the
 * default profile unless someone edited it): one entry per order, lines in file order. Vertical
 * files (one row per line item) with or without a header row; horizontal files with a header row.
 * Throws UnreadableFileError when the file or the profile gives no order number, SKU or quantity.
 */
export function readOrderFile(content: Buffer, profile: OrderFileProfile): PickedOrder[] {
  const table = readInboundTable(content, { delimiter: profile.delimiter, headerRow: profile.headerRow });
  const orders = new Map<string, PickedOrder>();
  const orderOf = (cells: (w: Wanted) => string, record: InboundRecord): PickedOrder => {
    const orderNumber = cells('orderNumber');
    if (orderNumber === '') throw new UnreadableFileError(`Line ${record.line} has no order number`);
    let order = orders.get(orderNumber);
    if (!order) {
      order = { orderNumber, shipCode: cells('shipCode'), carrier: cells('carrier'), lines: [] };
      orders.set(orderNumber, order);
    }
    return order;
  };
  const addLine = (order: PickedOrder, sku: string, rawQuantity: string, record: InboundRecord) => {
    if (sku === '' && rawQuantity === '') return; // an unused item slot
    const quantity = wholeNumber(rawQuantity, 'quantity', 1);
    if (!quantity.ok) throw new UnreadableFileError(`Line ${record.line}: ${quantity.reason}`);
    if (sku === '') throw new UnreadableFileError(`Line ${record.line}: SKU is empty`);
    order.lines.push({ sku, quantity: quantity.value });
  };

  if (profile.layout === 'vertical') {
    // A column is found by its header when the file has one, else by its position in the profile.
    const refs = Object.fromEntries(
      (Object.keys(FIELD_OF) as Wanted[]).map((w) => {
        const column = columnFor(profile, FIELD_OF[w]);
        if (!column) return [w, undefined];
        return [w, profile.headerRow ? column.header.replaceAll('{n}', '').trim() : profile.columns.indexOf(column) + 1];
      }),
    ) as Record<Wanted, string | number | undefined>;
    const at = resolveColumns(table, refs, ['orderNumber', 'sku', 'quantity']);
    for (const record of table.records) {
      const cells = (w: Wanted) => (at[w] === undefined ? '' : unguard(record.cells[at[w]] ?? ''));
      addLine(orderOf(cells, record), cells('sku'), cells('quantity'), record);
    }
    return [...orders.values()];
  }

  if (!profile.headerRow) throw new UnreadableFileError('The demo warehouse reads horizontal order files only with a header row');
  const header = (table.header ?? []).map((h) => h.toLowerCase());
  const orderRef = (w: Wanted) => {
    const column = columnFor(profile, FIELD_OF[w]);
    return column ? header.indexOf(column.header.trim().toLowerCase()) : -1;
  };
  const slotRef = (w: Wanted, n: number) => {
    const column = columnFor(profile, FIELD_OF[w]);
    if (!column) return -1;
    const name = column.header.includes('{n}') ? column.header.replaceAll('{n}', String(n)) : `${column.header}${n}`;
    return header.indexOf(name.trim().toLowerCase());
  };
  if (orderRef('orderNumber') < 0 || slotRef('sku', 1) < 0 || slotRef('quantity', 1) < 0) {
    throw new UnreadableFileError('The order file has no order number, SKU or quantity column');
  }
  for (const record of table.records) {
    const cell = (i: number) => (i < 0 ? '' : unguard(record.cells[i] ?? ''));
    const order = orderOf((w) => cell(orderRef(w)), record);
    for (let n = 1; n <= profile.maxItemsPerRow; n++) addLine(order, cell(slotRef('sku', n)), cell(slotRef('quantity', n)), record);
  }
  return [...orders.values()];
}
