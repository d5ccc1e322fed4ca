import type { Address, CanonicalOrder, OrderLine } from '../../../../../shared/domain.js';
import { CSV_LINE_COLUMNS, type CsvOrderColumn, type CsvOrderMapping } from '../../../../../shared/platforms/csv.js';
import { decimalText, wholeNumber } from '../../../files/readers/cell-values.js';
import { readInboundTable, resolveColumns, type ColumnRef, type InboundRecord } from '../../../files/readers/inbound-table.js';
import { assertTimeZone } from '../../../files/dates/time-zone.js';
import { addDecimals, multiplyDecimal } from './decimal-text.js';
import { dateFormatExample, readOrderDate } from './order-date.js';

/**
 * One order file read by its mapping: one order per order number (a vertical file repeats the order's
 * columns on each item row; a horizontal one puts items side by side in numbered columns, and an order
 * may still run over several rows). A bad row makes its whole order invalid, named with file, line and
 * reason, and the other orders of the file go on: half an order must never reach the warehouse.
 * Throws UnreadableFileError (inbound-table.ts) when the file is not a table with the mapped columns.
 */

export interface OrderFileRead {
  orders: CanonicalOrder[];
  invalid: { orderNumber?: string; cartOrderId?: string; reason: string }[];
}

export interface OrderFileSource {
  fileName: string;
  content: Buffer;
  /** When the file was last written (ISO UTC): the orders' updated-at, so a re-sent file updates them. */
  modifiedAt: string;
}

type LineColumn = (typeof CSV_LINE_COLUMNS)[number];
type OrderColumn = Exclude<CsvOrderColumn, LineColumn>;

/** An item of a row, before it is checked. */
interface RawItem {
  cells: Partial<Record<LineColumn, string>>;
  slot?: number;
}

interface ReadRow {
  line: number;
  orderNumber: string;
  order: Partial<Record<OrderColumn, string>>;
  items: RawItem[];
  problems: string[];
}

export function readOrderFile(source: OrderFileSource, mapping: CsvOrderMapping): OrderFileRead {
  assertTimeZone(mapping.timeZone);
  const table = readInboundTable(source.content, { delimiter: mapping.delimiter, headerRow: mapping.headerRow, headerOnlyIsEmpty: true });
  const rows = table.records.map(rowReader(table, mapping));
  const byNumber = new Map<string, ReadRow[]>();
  const invalid: OrderFileRead['invalid'] = [];
  const where = (line: number) => `${source.fileName} line ${line}`;
  for (const row of rows) {
    if (row.orderNumber === '') {
      invalid.push({ reason: `${where(row.line)}: the order number is empty${row.problems.length ? `; ${row.problems.join('; ')}` : ''}` });
      continue;
    }
    const group = byNumber.get(row.orderNumber) ?? [];
    group.push(row);
    byNumber.set(row.orderNumber, group);
  }
  const orders: CanonicalOrder[] = [];
  for (const [orderNumber, group] of byNumber) {
    const built = buildOrder(orderNumber, group, mapping, source);
    if ('reasons' in built) {
      invalid.push({ orderNumber, cartOrderId: orderNumber, reason: `Order ${orderNumber}: ${built.reasons.join('; ')}` });
    } else {
      orders.push(built.order);
    }
  }
  return { orders, invalid };

  function buildOrder(orderNumber: string, group: ReadRow[], m: CsvOrderMapping, src: OrderFileSource): { order: CanonicalOrder } | { reasons: string[] } {
    const reasons: string[] = [];
    const lines: OrderLine[] = [];
    let items = 0;
    for (const row of group) {
      const rowReasons = [...row.problems];
      for (const item of row.items) {
        // The key of an item without a line id is its place in the order, counted over every item.
        const checked = checkItem(item, orderNumber, ++items);
        if ('reason' in checked) rowReasons.push(checked.reason);
        else lines.push({ ...checked.line, lineNo: lines.length + 1 });
      }
      if (row.items.length === 0) rowReasons.push('the row has no item (no SKU)');
      if (rowReasons.length > 0) reasons.push(`${where(row.line)}: ${rowReasons.join('; ')}`);
    }
    const first = group[0];
    const rawDate = first.order.orderDate;
    let orderDate = src.modifiedAt;
    if (rawDate !== undefined) {
      const read = rawDate === '' ? null : readOrderDate(rawDate, m.dateFormat, m.timeZone);
      if (read) orderDate = read;
      else reasons.unshift(`${where(first.line)}: ${rawDate === '' ? 'the order date is empty' : `the order date "${rawDate}" is not written as ${m.dateFormat} (such as ${dateFormatExample(m.dateFormat)})`}`);
    }
    const ids = new Set<string>();
    for (const l of lines) {
      if (ids.has(l.cartLineId)) reasons.push(`line id ${l.cartLineId.slice(orderNumber.length + 1)} is on more than one item`);
      ids.add(l.cartLineId);
    }
    if (reasons.length > 0) return { reasons };
    const subtotal = addDecimals(lines.map((l) => multiplyDecimal(l.price, l.quantity)));
    const address = addressOf(first.order);
    return {
      order: {
        cartOrderId: orderNumber,
        orderNumber,
        orderDate,
        updatedAt: src.modifiedAt,
        shipCode: first.order.shipCode ?? '',
        shipTo: address,
        billTo: { ...address },
        currency: '',
        subtotal,
        discount: '0',
        tax: '0',
        shipping: '0',
        total: subtotal,
        lines,
        cartState: { canceled: false },
      },
    };
  }
}

/** The cart line id: the file's line id where the mapping names one, else the item's place in the order. */
export function csvCartLineId(orderNumber: string, lineKey: string): string {
  return `${orderNumber}/${lineKey}`;
}

function checkItem(item: RawItem, orderNumber: string, place: number): { line: Omit<OrderLine, 'lineNo'> } | { reason: string } {
  const slot = item.slot === undefined ? '' : ` (item ${item.slot})`;
  const sku = item.cells.sku ?? '';
  const problems: string[] = [];
  if (sku === '') problems.push(`the SKU is empty${slot}`);
  const quantity = wholeNumber(item.cells.quantity ?? '', `the quantity${slot}`, 1);
  if (!quantity.ok) problems.push(quantity.reason);
  const price = decimalText(item.cells.price ?? '', `the price${slot}`);
  if (!price.ok) problems.push(price.reason);
  if (problems.length > 0 || !quantity.ok || !price.ok) return { reason: problems.join('; ') };
  const lineKey = item.cells.lineId ? item.cells.lineId : String(place);
  return {
    line: {
      sku,
      ...(item.cells.productName ? { name: item.cells.productName } : {}),
      quantity: quantity.value,
      price: price.value ?? '0',
      cartLineId: csvCartLineId(orderNumber, lineKey),
    },
  };
}

function addressOf(order: Partial<Record<OrderColumn, string>>): Address {
  const out: Address = {};
  let firstName = order.firstName;
  let lastName = order.lastName;
  // A single name column: the first word is the first name, the rest the last name.
  if (order.name && !firstName && !lastName) {
    const [head, ...rest] = order.name.split(/\s+/);
    firstName = head;
    lastName = rest.join(' ') || undefined;
  }
  const fields: [keyof Address, string | undefined][] = [
    ['firstName', firstName],
    ['lastName', lastName],
    ['company', order.company],
    ['address1', order.address1],
    ['address2', order.address2],
    ['city', order.city],
    ['state', order.state],
    ['zip', order.zip],
    ['country', order.country],
    ['phone', order.phone],
    ['email', order.email],
  ];
  for (const [key, value] of fields) if (value) out[key] = value;
  return out;
}

const ORDER_COLUMNS = (
  ['orderNumber', 'orderDate', 'name', 'firstName', 'lastName', 'company', 'address1', 'address2', 'city', 'state', 'zip', 'country', 'email', 'phone', 'shipCode'] as const
) satisfies readonly OrderColumn[];

/** A reader of one record: order columns once, item columns once (vertical) or per numbered slot (horizontal). */
function rowReader(table: ReturnType<typeof readInboundTable>, mapping: CsvOrderMapping): (record: InboundRecord) => ReadRow {
  const ref = (text: string | undefined): ColumnRef | undefined => {
    if (text === undefined || text === '') return undefined;
    return mapping.headerRow ? text : Number(text);
  };
  const orderRefs = Object.fromEntries(ORDER_COLUMNS.map((c) => [c, ref(mapping.columns[c])])) as Record<OrderColumn, ColumnRef | undefined>;
  // Every column the mapping names must be in the file (a blank mapping field is how a person says the
  // file has none): a missing one is a file that does not match its mapping, not rows without a price.
  const named = <K extends string>(refs: Record<K, ColumnRef | undefined>) => (Object.keys(refs) as K[]).filter((k) => refs[k] !== undefined);
  const lineRefs = Object.fromEntries(CSV_LINE_COLUMNS.map((c) => [c, ref(mapping.columns[c])])) as Record<LineColumn, ColumnRef | undefined>;
  const numbered = (n: number) =>
    Object.fromEntries(Object.entries(lineRefs).map(([k, r]) => [k, typeof r === 'string' ? r.replaceAll('{n}', String(n)) : r])) as Record<LineColumn, ColumnRef | undefined>;
  // The order's columns and the first item's, resolved at once so a file missing several is told all of them.
  const firstItemRefs = mapping.layout === 'vertical' ? lineRefs : numbered(1);
  const both = { ...orderRefs, ...firstItemRefs };
  const resolved = resolveColumns(table, both, named(both));
  const orderAt: Partial<Record<OrderColumn, number>> = resolved;
  const slots: { slot?: number; at: Partial<Record<LineColumn, number>> }[] = [];
  if (mapping.layout === 'vertical') {
    slots.push({ at: resolved });
  } else {
    slots.push({ slot: 1, at: resolved });
    // Later item slots are as many as the file has.
    for (let n = 2; n <= mapping.maxItemsPerRow; n++) {
      const at = resolveColumns(table, numbered(n), []);
      if (at.sku === undefined) break;
      slots.push({ slot: n, at });
    }
  }
  return (record) => {
    const cell = (index: number | undefined) => (index === undefined ? undefined : (record.cells[index] ?? ''));
    const order: Partial<Record<OrderColumn, string>> = {};
    for (const c of ORDER_COLUMNS) {
      const value = cell(orderAt[c]);
      if (value !== undefined) order[c] = value;
    }
    const items: RawItem[] = [];
    for (const { slot, at } of slots) {
      const cells: Partial<Record<LineColumn, string>> = {};
      for (const c of CSV_LINE_COLUMNS) {
        const value = cell(at[c]);
        if (value !== undefined && value !== '') cells[c] = value;
      }
      // An empty slot of a horizontal row is no item; an empty vertical row's item is reported.
      if (slot !== undefined && Object.keys(cells).length === 0) continue;
      items.push({ cells, slot });
    }
    const problems = record.problem ? [record.problem] : [];
    if (mapping.headerRow && table.header && record.cells.length > table.header.length) {
      problems.push(`the row has ${record.cells.length} columns, the header ${table.header.length} (check the delimiter and the quotes)`);
    }
    return { line: record.line, orderNumber: order.orderNumber ?? '', order, items, problems };
  };
}
