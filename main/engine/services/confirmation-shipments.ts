import type { OrderLine, OrderStatus } from '../../../shared/domain.js';
import { allocateShippedUnits, everyLineShipped, lineKey, quantityToShip, shippedByLine, type ShippedItem } from '../../../shared/line-shipping.js';
import type { ConfirmationRow, RowError } from '../connectors/wms/wms-connector.js';
import { addHistory, findOrdersByNumbers, orderNumberSpellings, setStatus, type ShipmentCandidate } from '../store/repositories/orders-repo.js';
import { setStatuses, type StatusChange } from '../store/repositories/order-status-batch.js';
import { insertShipmentsOnce, shipmentsByOrder, type NewShipment, type SavedShipment } from '../store/repositories/shipments-repo.js';
import type { SqlReader, SqlRunner } from '../store/sql.js';
import { matchOrder, orderNumberKey } from './confirmation-matching.js';

/** Orders a shipment moves along: those the warehouse may have shipped from (a canceled one keeps its status). */
const SHIPPABLE: ReadonlySet<OrderStatus> = new Set(['new', 'at_wms', 'error', 'on_hold', 'partially_shipped', 'shipped', 'confirmed']);

/**
 * Rows of one shipment, in file order: same order (its source too, when given) and tracking number; or,
 * when the format groups by a shipment id column, same order and shipment id, where a tracking number or
 * carrier given on one row of the shipment counts for its rows that leave it empty (WMS exports often
 * write them on the first row only). A shipment id whose rows name two tracking numbers is two shipments.
 */
export function groupByShipment(rows: readonly ConfirmationRow[]): ConfirmationRow[][] {
  const groups = new Map<string, ConfirmationRow[]>();
  let previous: ConfirmationRow | undefined;
  let previousGroup: ConfirmationRow[] = [];
  for (const row of rows) {
    // A shipment's rows usually follow each other: the same values as the row before mean its group.
    if (previous !== undefined && sameShipment(row, previous)) {
      previousGroup.push(row);
      previous = row;
      continue;
    }
    const shipment = row.shipmentId !== undefined ? `id\u0000${row.shipmentId}` : `tracking\u0000${row.trackingNumber}`;
    const source = row.orderSource === undefined ? '' : row.orderSource.trim().toLowerCase();
    const key = `${source}\u0000${orderNumberKey(row.orderNumber)}\u0000${shipment}`;
    let list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, (list = [row]));
    previous = row;
    previousGroup = list;
  }
  const out: ConfirmationRow[][] = [];
  for (const group of groups.values()) {
    if (group[0].shipmentId === undefined) out.push(group);
    else out.push(...byTracking(group));
  }
  return out;
}

/** Rows whose group key (groupByShipment) is the same for certain: equal in every value it is made of. */
function sameShipment(a: ConfirmationRow, b: ConfirmationRow): boolean {
  return a.orderNumber === b.orderNumber && a.trackingNumber === b.trackingNumber && a.shipmentId === b.shipmentId && a.orderSource === b.orderSource;
}

function byTracking(group: ConfirmationRow[]): ConfirmationRow[][] {
  const tracking = group.find((r) => r.trackingNumber !== '')?.trackingNumber ?? '';
  const carrier = group.find((r) => r.carrier !== '')?.carrier ?? '';
  const split = new Map<string, ConfirmationRow[]>();
  for (const row of group) {
    const filled = row.trackingNumber === '' ? { ...row, trackingNumber: tracking, carrier: row.carrier || carrier } : row;
    const list = split.get(filled.trackingNumber);
    if (list) list.push(filled);
    else split.set(filled.trackingNumber, [filled]);
  }
  return [...split.values()];
}

/**
 * What the shipments of a chunk of a confirmation file need of the store, read in a few statements up
 * front (a statement per shipment was most of the pickup's time) and kept current as shipments are saved:
 * two shipments of one order in one chunk see each other. What they write waits here too, and goes in a
 * few multi-row statements when the chunk is done (`write`): nothing in the chunk reads it back from the
 * store meanwhile, so the store ends as if each shipment had been written at once.
 */
export class ChunkOrders {
  private readonly byNumber = new Map<string, ShipmentCandidate[]>();
  private readonly lines: Map<number, OrderLine[]>;
  private readonly shipments: Map<number, SavedShipment[]>;
  private readonly newShipments: NewShipment[] = [];
  private readonly statusChanges: StatusChange[] = [];

  constructor(db: SqlReader, merchantId: number, groups: readonly (readonly ConfirmationRow[])[]) {
    const { hashed, plain } = orderNumberSpellings(db, merchantId);
    const numbers: string[] = [];
    for (const g of groups) {
      const k = orderNumberKey(g[0].orderNumber);
      if (plain) numbers.push(k);
      if (hashed) numbers.push(`#${k}`);
    }
    const { candidates: found, lines } = findOrdersByNumbers(db, merchantId, numbers);
    for (const o of found) {
      const key = orderNumberKey(o.orderNumber);
      const list = this.byNumber.get(key);
      if (list) list.push(o);
      else this.byNumber.set(key, [o]);
    }
    const ids = found.map((o) => o.id);
    this.lines = lines;
    this.shipments = shipmentsByOrder(db, ids);
  }

  /** The orders with this number (with or without "#"), newest first. */
  withNumber(orderNumber: string): ShipmentCandidate[] {
    return this.byNumber.get(orderNumberKey(orderNumber)) ?? [];
  }

  linesOf(orderId: number): OrderLine[] {
    return this.lines.get(orderId) ?? [];
  }

  skusOf(orderId: number): Set<string> {
    return new Set(this.linesOf(orderId).map((l) => l.sku));
  }

  shipmentsOf(orderId: number): SavedShipment[] {
    return this.shipments.get(orderId) ?? [];
  }

  /**
   * A shipment of `order` to save and, unless the order's status is not the shipment's to move (a
   * canceled order), the status it moves the order to with the note of its history entry.
   */
  saved(db: SqlRunner, order: ShipmentCandidate, shipment: NewShipment, move: { status: OrderStatus; note: string } | undefined, now: string): void {
    this.newShipments.push(shipment);
    const saved = { trackingNumber: shipment.trackingNumber, packageKey: shipment.packageKey ?? '', sourceFile: shipment.sourceFile, items: shipment.items };
    const list = this.shipments.get(order.id);
    if (list) list.push(saved);
    else this.shipments.set(order.id, [saved]);
    if (!move) return;
    if (order.orderDate !== undefined) {
      const keys = { merchantId: order.merchantId, cartId: order.cartId, status: order.status, orderDate: order.orderDate };
      this.statusChanges.push({ id: order.id, from: order.status, to: move.status, reason: move.note, keys });
    } else {
      // Its tally keys unknown (every candidate read from the store has them): written at once.
      setStatus(db, order.id, order.status, move.status, move.note, now);
    }
    order.status = move.status;
  }

  /** Writes the chunk's shipments and status changes (call once, at the end of the chunk's transaction). */
  write(db: SqlRunner, now: string): void {
    insertShipmentsOnce(db, this.newShipments, now);
    setStatuses(db, this.statusChanges, now);
    this.newShipments.length = 0;
    this.statusChanges.length = 0;
  }
}

/**
 * Saves one shipment (its rows) of a confirmation file: matched to one order, each row checked against
 * what that order still has to ship, and the order moved to Shipped when every line is shipped (or the
 * rest was canceled), else to Partially shipped. True when a shipment was saved; problems are per row,
 * and the rows without one still apply.
 *
 * - The same (order, tracking number) saved before from this file is a re-read after a crash: nothing
 *   is added or reported. From another file it is a duplicate, reported. A shipment without a tracking
 *   number is told apart by its package key instead (packageKeyOf), so a real second package ships.
 *
 * `fileKey`: the file's content digest (see packageKeyOf); its name when the bytes are not at hand.
 * - The same SKU again in one shipment is a duplicated row (reported, not added), unless the order has
 *   that SKU on several lines: then one row per such line is the order file's own rows echoed back.
 * - A row beyond what its lines have left to ship, across every file so far, is reported, not applied.
 */
export function saveShipment(db: SqlRunner, orders: ChunkOrders, fileName: string, rows: readonly ConfirmationRow[], now: string, fileKey = fileName): { saved: boolean; errors: RowError[] } {
  const errors: RowError[] = [];
  const report = (row: ConfirmationRow, reason: string) => errors.push({ file: fileName, line: row.line, reason });
  const first = rows[0];
  const match = matchOrder(orders.withNumber(first.orderNumber), rows, (id) => orders.skusOf(id));
  if ('problem' in match) {
    for (const r of rows) report(r, match.problem);
    return { saved: false, errors };
  }
  const order = match.order;
  const saved = orders.shipmentsOf(order.id);
  const packageKey = packageKeyOf(rows, fileKey);
  const same = saved.find((s) => s.trackingNumber === first.trackingNumber && s.packageKey === packageKey);
  if (same) {
    if (same.sourceFile !== fileName) {
      const where = same.sourceFile ?? 'an earlier file';
      const reason = first.trackingNumber
        ? `Duplicate: tracking number ${first.trackingNumber} of order ${first.orderNumber} was already confirmed in ${where}`
        : `Duplicate: this shipment without a tracking number of order ${first.orderNumber}${first.shipmentId === undefined ? '' : ` (shipment ${first.shipmentId})`} was already confirmed in ${where}`;
      for (const r of rows) report(r, reason);
    }
    return { saved: false, errors };
  }

  const lines = orders.linesOf(order.id);
  const shipped = shippedByLine(lines, saved.flatMap((s) => s.items));
  const items = new Map<string, Required<ShippedItem>>();
  const firstRowOfSku = new Map<string, ConfirmationRow>();
  const rowsOfSku = new Map<string, number>();
  const packageRows = rows.some((row) => row.shipsRest) ? rows.filter((row) => row.shipsRest) : [];
  const nothingLeft = packageRows.length > 0 && restOfOrder(lines, shipped, first).length === 0;
  const itemRows = packageRows.length === 0 ? rows : rows.flatMap((row) => (row.shipsRest ? restOfOrder(lines, shipped, row) : [row]));
  for (const r of itemRows) {
    const onSku = linesWithSku(lines, r.sku);
    if (onSku === 0) {
      report(r, `Order ${first.orderNumber} has no line with SKU ${r.sku}`);
      continue;
    }
    const seen = (rowsOfSku.get(r.sku) ?? 0) + 1;
    rowsOfSku.set(r.sku, seen);
    if (!firstRowOfSku.has(r.sku)) firstRowOfSku.set(r.sku, r);
    if (seen > onSku) {
      report(r, `Duplicate of line ${firstRowOfSku.get(r.sku)!.line}: the same order, SKU and tracking number is one shipment line`);
      continue;
    }
    const allocation = allocateShippedUnits(lines, shipped, r.sku, r.quantity);
    if (!allocation.ok) {
      report(r, excessReason(first.orderNumber, r, allocation));
      continue;
    }
    for (const item of allocation.items) {
      shipped.set(item.cartLineId, (shipped.get(item.cartLineId) ?? 0) + item.quantity);
      const onLine = items.get(item.cartLineId);
      if (onLine) onLine.quantity += item.quantity;
      else items.set(item.cartLineId, { ...item });
    }
  }
  if (items.size === 0) {
    if (!nothingLeft) return { saved: false, errors };
    if (first.trackingNumber !== '' && saved.length > 0) return keepPackage(db, orders, order, fileName, first, packageKey, now, errors);
    for (const r of packageRows) report(r, `Order ${first.orderNumber} has nothing left to ship`);
    return { saved: false, errors };
  }

  const stored = [...items.values()].map((i) => cartItem(lines, i));
  const shipment = shipmentOf(order, first, fileName, packageKey, stored);
  if (!SHIPPABLE.has(order.status)) {
    orders.saved(db, order, shipment, undefined, now);
    return { saved: true, errors };
  }
  const whole = everyLineShipped(lines, shipped);
  const status = whole || order.restCanceledAt ? 'shipped' : 'partially_shipped';
  const progress = whole ? '' : `: ${shippedLines(lines, shipped)} of ${lines.length} lines fully shipped${order.restCanceledAt ? ' (the rest was canceled)' : ''}`;
  const what = first.trackingNumber ? `Tracking ${first.trackingNumber}${first.carrier ? ` (${first.carrier})` : ''}` : `Shipped without a tracking number${first.carrier ? ` (${first.carrier})` : ''}`;
  orders.saved(db, order, shipment, { status, note: `${what} from ${fileName}${progress}` }, now);
  return { saved: true, errors };
}

/**
 * What tells a shipment without a tracking number apart from the order's other ones ('' when it has a
 * tracking number: that is its identity). The warehouse's shipment id when the format groups by one;
 * else where it stands: the file's content (its digest) and the shipment's first line. So re-reading the
 * same file (a crash before it was archived) finds every shipment saved, the same content sent again
 * under another name is a duplicate, and a later file, even under a name used before, is a new package.
 */
export function packageKeyOf(rows: readonly ConfirmationRow[], fileKey: string): string {
  const first = rows[0];
  if (first.trackingNumber !== '') return '';
  if (first.shipmentId !== undefined) return `shipment:${first.shipmentId}`;
  return `file:${fileKey}:line:${first.line}`;
}

/**
 * A package of an order whose lines all went out under earlier packages (one row per package, several
 * packages of one order): it has no lines of its own, so it adds its tracking number to the order, as a
 * shipment without items kept on the order ('kept': a cart shipment needs lines). Where the cart can add
 * a tracking number to a shipment it holds, the upload sends it there once the order's shipments with
 * lines are uploaded (upload-kept-packages.ts). The order's status stays; (order, tracking number) keeps
 * it from being added twice.
 */
function keepPackage(
  db: SqlRunner,
  orders: ChunkOrders,
  order: ShipmentCandidate,
  fileName: string,
  first: ConfirmationRow,
  packageKey: string,
  now: string,
  errors: RowError[],
): { saved: boolean; errors: RowError[] } {
  const shipment: NewShipment = { ...shipmentOf(order, first, fileName, packageKey, []), status: 'kept' };
  const carrier = first.carrier ? ` (${first.carrier})` : '';
  const note = `Package ${first.trackingNumber}${carrier} from ${fileName}: the order's lines went out under its earlier packages; its tracking number is kept on the order, and added to the cart's shipment of them where the cart takes it`;
  // The chunk's queued status moves are written first, so this note follows them in the order's history.
  orders.write(db, now);
  addHistory(db, order.id, order.status, order.status, note, now);
  orders.saved(db, order, shipment, undefined, now);
  return { saved: true, errors };
}

/** The shipment a confirmation file's rows (`first` of them) save for `order`, carrying `items`. */
function shipmentOf(order: ShipmentCandidate, first: ConfirmationRow, fileName: string, packageKey: string, items: ShippedItem[]): NewShipment {
  return {
    orderId: order.id,
    cartId: order.cartId,
    trackingNumber: first.trackingNumber,
    carrier: first.carrier,
    service: first.service ?? null,
    trackingUrl: null,
    shipDate: first.shipDate,
    items,
    cost: first.cost,
    weight: first.weight,
    sourceFile: fileName,
    packageKey,
  };
}

/**
 * A package row (a format of one row per package) ships what its order has left: one row per SKU with
 * the units still to ship (none when every line has shipped: see keepPackage).
 */
function restOfOrder(lines: readonly OrderLine[], shipped: ReadonlyMap<string, number>, row: ConfirmationRow): ConfirmationRow[] {
  const left = new Map<string, number>();
  for (const line of lines) {
    const units = quantityToShip(line) - (shipped.get(lineKey(line)) ?? 0);
    if (units > 0) left.set(line.sku, (left.get(line.sku) ?? 0) + units);
  }
  return [...left].map(([sku, quantity]) => ({ ...row, sku, quantity, shipsRest: undefined }));
}

/** How many of the order's lines are for `sku`. */
function linesWithSku(lines: readonly OrderLine[], sku: string): number {
  let n = 0;
  for (const l of lines) if (l.sku === sku) n++;
  return n;
}

function excessReason(orderNumber: string, row: ConfirmationRow, a: { toShip: number; shipped: number; left: number }): string {
  const already = a.shipped > 0 ? ` (${a.shipped} already shipped)` : '';
  return `Order ${orderNumber}, SKU ${row.sku}: the row ships ${row.quantity} but only ${a.left} of the ${a.toShip} ordered ${a.left === 1 ? 'is' : 'are'} left to ship${already}`;
}

function shippedLines(lines: readonly OrderLine[], shipped: ReadonlyMap<string, number>): number {
  return lines.filter((l) => (shipped.get(lineKey(l)) ?? 0) >= quantityToShip(l)).length;
}

/** A stored item names the cart's own line id; a line the cart gave no id keeps only its SKU. */
function cartItem(lines: readonly OrderLine[], item: Required<ShippedItem>): ShippedItem {
  const line = lines.find((l) => lineKey(l) === item.cartLineId);
  return line?.cartLineId ? item : { sku: item.sku, quantity: item.quantity };
}
