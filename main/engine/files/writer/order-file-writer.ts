import Papa from 'papaparse';
import { linesToShip } from '../../../../shared/order-lines.js';
import type { OrderColumn, OrderFileProfile } from '../../../../shared/schemas/csv-profile.js';
import type { DeliveryRejection, OrderForDelivery } from '../row-types.js';
import { compileColumn, isLineColumn, type CellWriter } from './column-value.js';
import { encodeText, preamble } from '../text/text-encoder.js';
import { neutraliseCell } from './formula-guard.js';
import type { OrderFieldScope } from './order-fields.js';

export interface OrderFileInput {
  batchId: string;
  merchantCode: string;
  /** The carrier of each WMS ship method by its code, for the Carrier column (order-fields.ts). */
  carriers?: ReadonlyMap<string, string>;
  orders: Iterable<OrderForDelivery>;
}

export interface OrderFileOutput {
  /** The file (in the format's encoding, UTF-8 unless set): the header row (if the profile has one), then the rows, each ending with the profile's line ending. */
  content: Buffer;
  /** cartOrderIds of the orders the file carries, in file order. */
  written: string[];
  rejected: DeliveryRejection[];
}

/**
 * Orders per Papa.unparse call. Each chunk's text is turned into bytes at once: a 100k-order file
 * kept as one concatenated string is millions of rope pieces for the GC to trace.
 */
const CHUNK_ORDERS = 500;

/** Builds an order file one order at a time, so a caller can feed orders it reads in chunks. */
export interface OrderFileBuilder {
  add(item: OrderForDelivery): void;
  /** The file so far (header plus every order added); the builder is spent afterwards. */
  finish(): OrderFileOutput;
}

/**
 * Writes an order file from a profile.
 * - vertical: one row per line item; the order's columns repeat on each of its rows.
 * - horizontal: one row per order; each run of consecutive line columns repeats as a group for
 *   item slots 1..maxItemsPerRow, where it stands. A header's `{n}` becomes the slot number; a
 *   header without `{n}` gets the number appended ("SKU" -> "SKU1"). Unused slots are empty.
 *   An order with more lines than slots is rejected with a reason, never cut short.
 * Lines with nothing left to ship (fulfilled in the cart) are left out; `line.quantity` is the quantity
 * to ship. Every cell goes through the formula guard unless the profile turns it off; quoting is papaparse's (only where needed).
 */
export function writeOrderFile(profile: OrderFileProfile, input: OrderFileInput): OrderFileOutput {
  const builder = orderFileBuilder(profile, input);
  for (const item of input.orders) builder.add(item);
  return builder.finish();
}

/**
 * The same file as `writeOrderFile`, built incrementally: each order becomes bytes (in chunks of
 * CHUNK_ORDERS) as it is added, so the caller need not hold every order of a big batch at once.
 */
export function orderFileBuilder(profile: OrderFileProfile, input: Omit<OrderFileInput, 'orders'>): OrderFileBuilder {
  const layout = planLayout(profile);
  const newline = profile.lineEnding === 'lf' ? '\n' : '\r\n';
  // Off only where a profile says so: a WMS that imports the guard's quote as data and never opens files in a spreadsheet.
  const guard = profile.formulaGuard === false ? (cell: string) => cell : neutraliseCell;
  const written: string[] = [];
  const rejected: DeliveryRejection[] = [];
  // Formats saved before the setting write UTF-8 without a BOM, as they always did.
  const encoding = profile.encoding ?? 'utf-8';
  const parts: Buffer[] = [preamble(encoding)];
  let rows: string[][] = profile.headerRow ? [layout.headers.map(guard)] : [];
  let ordersInChunk = 0;

  const flush = () => {
    if (rows.length === 0) return;
    const text = Papa.unparse(rows, { delimiter: profile.delimiter, newline, quotes: false, escapeFormulae: false });
    parts.push(encodeText(text + newline, encoding));
    rows = [];
    ordersInChunk = 0;
  };

  return {
    add(delivered) {
      const item = withLinesToShip(delivered);
      const reason = rejectionReason(profile, delivered, item);
      if (reason) {
        rejected.push({ cartOrderId: item.order.cartOrderId, reason });
        return;
      }
      const scope: OrderFieldScope = { batchId: input.batchId, merchantCode: input.merchantCode, carriers: input.carriers, item };
      for (const row of layout.rowsFor(scope)) rows.push(row.map(guard));
      written.push(item.order.cartOrderId);
      if (++ordersInChunk >= CHUNK_ORDERS) flush();
    },
    finish() {
      flush();
      return { content: Buffer.concat(parts), written, rejected };
    },
  };
}

/**
 * The order as the warehouse gets it: only lines with a quantity to ship (a line the cart fulfilled
 * entirely stays in Dockhand, for reference). The same object when every line ships, as almost all do.
 */
function withLinesToShip(item: OrderForDelivery): OrderForDelivery {
  if (item.order.lines.every((line) => line.quantity > 0)) return item;
  return { ...item, order: { ...item.order, lines: linesToShip(item.order.lines) } };
}

function rejectionReason(profile: OrderFileProfile, delivered: OrderForDelivery, item: OrderForDelivery): string | undefined {
  const lines = item.order.lines.length;
  if (delivered.order.lines.length === 0) return `Order ${item.order.orderNumber} has no line items to send`;
  if (lines === 0) return `Order ${item.order.orderNumber} has nothing left to ship: the cart already fulfilled every line`;
  if (profile.layout === 'horizontal' && lines > profile.maxItemsPerRow) {
    return `Order ${item.order.orderNumber} has ${lines} lines but the order file holds at most ${profile.maxItemsPerRow} items per row (horizontal layout)`;
  }
  return undefined;
}

interface Layout {
  headers: string[];
  rowsFor(scope: OrderFieldScope): string[][];
}

type Segment =
  | { kind: 'order'; column: OrderColumn; write: CellWriter }
  | { kind: 'items'; columns: OrderColumn[]; writers: CellWriter[] };

function planLayout(profile: OrderFileProfile): Layout {
  if (profile.layout === 'vertical') {
    const lineColumn = profile.columns.map(isLineColumn);
    const writers = profile.columns.map(compileColumn);
    return {
      headers: profile.columns.map((c) => c.header.replaceAll('{n}', '').trim()),
      rowsFor(scope) {
        // Order-level cells once per order, line cells per line.
        const orderCells = writers.map((write, i) => (lineColumn[i] ? '' : write(scope)));
        return scope.item.order.lines.map((line) => {
          const lineScope = { ...scope, line };
          return writers.map((write, i) => (lineColumn[i] ? write(lineScope) : orderCells[i]));
        });
      },
    };
  }

  const segments: Segment[] = [];
  for (const column of profile.columns) {
    const last = segments[segments.length - 1];
    const write = compileColumn(column);
    if (!isLineColumn(column)) segments.push({ kind: 'order', column, write });
    else if (last?.kind === 'items') {
      last.columns.push(column);
      last.writers.push(write);
    } else segments.push({ kind: 'items', columns: [column], writers: [write] });
  }
  const slots = Array.from({ length: profile.maxItemsPerRow }, (_, i) => i + 1);
  const slotHeader = (header: string, n: number) =>
    header.includes('{n}') ? header.replaceAll('{n}', String(n)) : `${header}${n}`;
  return {
    headers: segments.flatMap((s) =>
      s.kind === 'order' ? [s.column.header] : slots.flatMap((n) => s.columns.map((c) => slotHeader(c.header, n))),
    ),
    rowsFor(scope) {
      const lines = scope.item.order.lines;
      const row = segments.flatMap((s) => {
        if (s.kind === 'order') return [s.write(scope)];
        return slots.flatMap((n) => {
          const line = lines[n - 1];
          return line ? s.writers.map((write) => write({ ...scope, line })) : s.writers.map(() => '');
        });
      });
      return [row];
    },
  };
}
