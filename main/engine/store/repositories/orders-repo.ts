import type { OrderDetailView, OrderHistoryEntry, OrderSummaryView, Page } from '../../../../shared/api-types.js';
import { BUCKET_OF_STATUS, ORDER_STATUSES, type CanonicalOrder, type HealthBucket, type OrderLine, type OrderStatus } from '../../../../shared/domain.js';
import { shippedByLine, type ShippedItem } from '../../../../shared/line-shipping.js';
import { parseOrderSort, type OrderSort } from '../../../../shared/order-sort.js';
import type { SqlParams, SqlReader, SqlRunner, SqlValue } from '../sql.js';
import { parseJson } from './json-column.js';
import type { ShipmentRecord } from './shipments-repo.js';
import { searchOrderIds } from './order-search-cache.js';
import { searchPatternOf, searchTextOf } from './order-search-text.js';
import { tallyInsertedOrder, tallyKnownStatusChange, tallyOrderDateChange, tallyStatusChange, tallyStatusChanged, type TallyKeys } from './order-tallies.js';

/** The order columns a service decides on, without the payload. */
export interface OrderState {
  id: number;
  cartId: number;
  merchantId: number;
  status: OrderStatus;
  cartUpdatedAt: string;
  shipCode: string;
  batchId: string | null;
}

export function findOrderState(db: SqlReader, cartId: number, cartOrderId: string): OrderState | undefined {
  return db.get<OrderState>(
    `SELECT id, cart_id AS cartId, merchant_id AS merchantId, status, cart_updated_at AS cartUpdatedAt,
            ship_code AS shipCode, batch_id AS batchId
     FROM orders WHERE cart_id = ? AND cart_order_id = ?`,
    [cartId, cartOrderId],
  );
}

/** The orders we hold of a cart among `cartOrderIds` (one statement for a downloaded page), by cart order id. */
export function findOrderStates(db: SqlReader, cartId: number, cartOrderIds: readonly string[]): Map<string, OrderState> {
  const found = new Map<string, OrderState>();
  if (cartOrderIds.length === 0) return found;
  const rows = db.all<OrderState & { cartOrderId: string }>(
    `SELECT id, cart_id AS cartId, merchant_id AS merchantId, status, cart_updated_at AS cartUpdatedAt,
            ship_code AS shipCode, batch_id AS batchId, cart_order_id AS cartOrderId
     FROM orders WHERE cart_id = ? AND cart_order_id IN (${cartOrderIds.map(() => '?').join(',')})`,
    [cartId, ...cartOrderIds],
  );
  for (const { cartOrderId, ...state } of rows) found.set(cartOrderId, state);
  return found;
}

export function getOrderState(db: SqlReader, id: number): OrderState | undefined {
  return db.get<OrderState>(
    `SELECT id, cart_id AS cartId, merchant_id AS merchantId, status, cart_updated_at AS cartUpdatedAt,
            ship_code AS shipCode, batch_id AS batchId
     FROM orders WHERE id = ?`,
    [id],
  );
}

export function addHistory(
  db: SqlRunner,
  orderId: number,
  from: OrderStatus | null,
  to: OrderStatus,
  note: string | null,
  now: string,
): void {
  db.run('INSERT INTO order_history (order_id, at, from_status, to_status, note) VALUES (?, ?, ?, ?, ?)', [
    orderId,
    now,
    from,
    to,
    note,
  ]);
}

export function insertOrder(
  db: SqlRunner,
  args: {
    cartId: number;
    merchantId: number;
    order: CanonicalOrder;
    status: OrderStatus;
    reason: string | null;
    mappedShipCode: string | null;
  },
  now: string,
): number {
  const { order } = args;
  const id = db.run(
    `INSERT INTO orders (cart_id, merchant_id, cart_order_id, order_number, status, status_reason, ship_code,
       mapped_ship_code, cart_updated_at, order_date, total, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS REAL), ?, ?)`,
    [
      args.cartId,
      args.merchantId,
      order.cartOrderId,
      order.orderNumber,
      args.status,
      args.reason,
      order.shipCode,
      args.mappedShipCode,
      order.updatedAt,
      order.orderDate,
      totalOf(order),
      now,
      now,
    ],
  ).lastInsertRowid;
  putPayload(db, id, order);
  putSearchText(db, id, order);
  addHistory(db, id, null, args.status, args.reason ?? 'downloaded', now);
  tallyInsertedOrder(db, { merchantId: args.merchantId, cartId: args.cartId, status: args.status, orderDate: order.orderDate }, now);
  return id;
}

/** The payload's total as migration 020 keeps it on the row (cast to REAL by the statement). */
const totalOf = (order: CanonicalOrder): string | null => (order.total as string | undefined) ?? null;

/**
 * The cart's payload of an order, in its own table (migration 020: a status move rewrites the orders
 * row, which no longer carries the payload), its lines apart from the rest: a confirmation file reads
 * only the lines of every order it ships, and taking them out of the whole payload (json_extract) was
 * SQLite parsing it all. An upsert, as an id can be reused after a delete.
 */
function putPayload(db: SqlRunner, id: number, order: CanonicalOrder): void {
  const { lines, ...rest } = order as Partial<CanonicalOrder>;
  db.run(
    `INSERT INTO order_payloads (order_id, lines_json, data_json) VALUES (?, ?, ?)
     ON CONFLICT (order_id) DO UPDATE SET lines_json = excluded.lines_json, data_json = excluded.data_json`,
    [id, lines === undefined ? null : JSON.stringify(lines), JSON.stringify(rest)],
  );
}

/** A payload as putPayload split it, whole again (`lines` last: nothing reads the payload's key order). */
function payloadOf(r: { lines_json: string | null; data_json: string }): CanonicalOrder {
  const rest = JSON.parse(r.data_json) as CanonicalOrder;
  return r.lines_json === null ? rest : { ...rest, lines: JSON.parse(r.lines_json) as OrderLine[] };
}

/**
 * Keeps an order's row of `order_search` in step with its payload; called wherever the payload is
 * written, inside the same transaction. An upsert, so a stale row (an id reused after a delete) is replaced.
 */
function putSearchText(db: SqlRunner, id: number, order: CanonicalOrder): void {
  // The next revision tells the search cache (order-search-cache.ts) which rows changed since it looked.
  db.run(
    `INSERT INTO order_search (order_id, text, rev) VALUES (?, ?, (SELECT COALESCE(MAX(rev), 0) + 1 FROM order_search))
     ON CONFLICT (order_id) DO UPDATE SET text = excluded.text, rev = excluded.rev`,
    [id, searchTextOf(order)],
  );
}

/** Replace the cart's payload of an order (only columns the download owns). */
export function updateOrderPayload(
  db: SqlRunner,
  id: number,
  order: CanonicalOrder,
  mappedShipCode: string | null,
  now: string,
): void {
  tallyOrderDateChange(db, id, order.orderDate);
  db.run(
    `UPDATE orders SET order_number = ?, ship_code = ?, mapped_ship_code = ?, cart_updated_at = ?, order_date = ?,
       total = CAST(? AS REAL), updated_at = ? WHERE id = ?`,
    [order.orderNumber, order.shipCode, mappedShipCode, order.updatedAt, order.orderDate, totalOf(order), now, id],
  );
  putPayload(db, id, order);
  putSearchText(db, id, order);
}

/** The cart's newer version of an order changed nothing we keep: only its sync position moves. */
export function setCartUpdatedAt(db: SqlRunner, id: number, cartUpdatedAt: string): void {
  db.run('UPDATE orders SET cart_updated_at = ? WHERE id = ?', [cartUpdatedAt, id]);
}

/**
 * An order goes to the WMS again (Resend): out of its old batch, and no longer "changed after
 * delivery", since the next file carries what the cart now says.
 */
export function prepareResend(db: SqlRunner, id: number): void {
  db.run('UPDATE orders SET batch_id = NULL, changed_after_delivery = 0 WHERE id = ?', [id]);
}

/** Note that the cart changed the order after it reached the WMS (the WMS has the old version). */
export function flagChangedAfterDelivery(db: SqlRunner, id: number, cartUpdatedAt: string, now: string): void {
  db.run('UPDATE orders SET changed_after_delivery = 1, cart_updated_at = ?, updated_at = ? WHERE id = ?', [
    cartUpdatedAt,
    now,
    id,
  ]);
}

export function setStatus(
  db: SqlRunner,
  id: number,
  from: OrderStatus,
  to: OrderStatus,
  reason: string | null,
  now: string,
  /** The order's tally keys when the caller read them in this transaction (its status is `from`). */
  known?: TallyKeys,
): void {
  if (known) tallyKnownStatusChange(db, known, to, now);
  else tallyStatusChange(db, id, to, now);
  db.run('UPDATE orders SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?', [to, reason, now, id]);
  addHistory(db, id, from, to, reason, now);
}

/**
 * Shipped -> Confirmed once every shipment of the order was accepted by the cart, in one statement (the
 * upload calls it for each of 100k shipments). True when the order moved; its history gets the note.
 */
export function confirmIfAllShipmentsUploaded(db: SqlRunner, id: number, note: string, now: string): boolean {
  const moved = db.run(
    `UPDATE orders SET status = 'confirmed', status_reason = ?, updated_at = ?
     WHERE id = ? AND status = 'shipped'
       AND NOT EXISTS (SELECT 1 FROM shipments WHERE order_id = ? AND status NOT IN ('uploaded', 'kept'))`,
    [note, now, id, id],
  ).changes;
  if (moved > 0) {
    tallyStatusChanged(db, id, 'shipped', 'confirmed', now);
    addHistory(db, id, 'shipped', 'confirmed', note, now);
  }
  return moved > 0;
}

/** New -> At WMS after its file was delivered, in one statement; false when the order is no longer new. */
export function markDeliveredIfNew(db: SqlRunner, id: number, fileName: string, now: string): boolean {
  const moved = db.run(
    `UPDATE orders SET status = 'at_wms', status_reason = NULL, at_wms_at = ?, updated_at = ? WHERE id = ? AND status = 'new'`,
    [now, now, id],
  ).changes;
  if (moved > 0) {
    tallyStatusChanged(db, id, 'new', 'at_wms', now);
    addHistory(db, id, 'new', 'at_wms', `Delivered in ${fileName}`, now);
  }
  return moved > 0;
}

export function setMappedShipCode(db: SqlRunner, id: number, mapped: string | null): void {
  db.run('UPDATE orders SET mapped_ship_code = ? WHERE id = ?', [mapped, id]);
}

export interface OrderForDeliveryRow {
  id: number;
  cartId: number;
  status: OrderStatus;
  mappedShipCode: string | null;
  shipCode: string;
  data: CanonicalOrder;
}

interface DeliveryRaw {
  id: number;
  cart_id: number;
  status: OrderStatus;
  mapped_ship_code: string | null;
  ship_code: string;
  lines_json: string | null;
  data_json: string;
}

function toDeliveryRow(r: DeliveryRaw): OrderForDeliveryRow {
  return {
    id: r.id,
    cartId: r.cart_id,
    status: r.status,
    mappedShipCode: r.mapped_ship_code,
    shipCode: r.ship_code,
    data: payloadOf(r),
  };
}

/** Orders of a merchant waiting for delivery, oldest first. */
export function newOrderIds(db: SqlReader, merchantId: number, limit: number): number[] {
  return db
    .all<{ id: number }>(`SELECT id FROM orders WHERE merchant_id = ? AND status = 'new' ORDER BY id LIMIT ?`, [
      merchantId,
      limit,
    ])
    .map((r) => r.id);
}

/** An order of a batch without its payload: enough to decide what to send and to record the outcome. */
export interface BatchOrderState {
  id: number;
  cartId: number;
  status: OrderStatus;
  cartOrderId: string;
  orderNumber: string;
}

export function batchOrderStates(db: SqlReader, batchId: string): BatchOrderState[] {
  return db.all<BatchOrderState>(
    `SELECT o.id, o.cart_id AS cartId, o.status, o.cart_order_id AS cartOrderId, o.order_number AS orderNumber
     FROM batch_orders b JOIN orders o ON o.id = b.order_id WHERE b.batch_id = ? ORDER BY o.id`,
    [batchId],
  );
}

/** Orders with their payload, by id, in id order (a chunk of a batch being written to a file). */
export function ordersForDelivery(db: SqlReader, ids: readonly number[]): OrderForDeliveryRow[] {
  if (ids.length === 0) return [];
  // Ids are integers from the store itself: listing them inline keeps a big chunk clear of the
  // bound-parameter limit.
  const list = ids.map((id) => String(Math.trunc(id))).join(',');
  return db
    .all<DeliveryRaw>(
      `SELECT o.id, o.cart_id, o.status, o.mapped_ship_code, o.ship_code, p.lines_json, p.data_json
       FROM orders o JOIN order_payloads p ON p.order_id = o.id WHERE o.id IN (${list}) ORDER BY o.id`,
    )
    .map(toDeliveryRow);
}

/** An order a confirmation row may mean, with what tells it apart from others of the same number. */
export interface ShipmentCandidate extends OrderState {
  orderNumber: string;
  /** The cart's display name (kept for orders of a removed cart as "cart <id>"). */
  cartName: string;
  /** The value written into the order file's order source column. */
  orderSource: string;
  restCanceledAt: string | null;
  /** For the dashboard's tallies when the order's status moves. */
  orderDate?: string;
}

/** Order numbers asked per statement: always this many (padded), so one cached statement serves every call. */
const NUMBERS_PER_QUERY = 200;

/**
 * Orders of a merchant with any of `orderNumbers` (confirmation files name orders by their number, the
 * merchant's carts may share numbers), newest first, with their lines by order id: one statement per
 * 200 numbers, as a confirmation file's chunk asks for hundreds at once (the lines come in the same
 * statement: a second lookup of each order by id was a tenth of a pickup).
 */
export function findOrdersByNumbers(db: SqlReader, merchantId: number, orderNumbers: readonly string[]): { candidates: ShipmentCandidate[]; lines: Map<number, OrderLine[]> } {
  const unique = [...new Set(orderNumbers)];
  const found: ShipmentCandidate[] = [];
  const lines = new Map<number, OrderLine[]>();
  for (let i = 0; i < unique.length; i += NUMBERS_PER_QUERY) {
    const slice = unique.slice(i, i + NUMBERS_PER_QUERY);
    while (slice.length < NUMBERS_PER_QUERY) slice.push(slice[0]);
    const rows = db.all<ShipmentCandidate & { orderNumber: string; linesJson: string | null }>(
      `SELECT o.id, o.cart_id AS cartId, o.merchant_id AS merchantId, o.status, o.cart_updated_at AS cartUpdatedAt,
              o.ship_code AS shipCode, o.batch_id AS batchId, o.rest_canceled_at AS restCanceledAt, o.order_number AS orderNumber, o.order_date AS orderDate,
              COALESCE(c.name, 'cart ' || o.cart_id) AS cartName, COALESCE(c.order_source, '') AS orderSource,
              p.lines_json AS linesJson
       FROM orders o LEFT JOIN cart_connections c ON c.id = o.cart_id LEFT JOIN order_payloads p ON p.order_id = o.id
       WHERE o.merchant_id = ? AND o.order_number IN (${slice.map(() => '?').join(', ')})`,
      [merchantId, ...slice],
    );
    for (const { linesJson, ...candidate } of rows) {
      lines.set(candidate.id, parseJson<OrderLine[]>(linesJson, []));
      found.push(candidate);
    }
  }
  return { candidates: found.sort((a, b) => b.id - a.id), lines };
}

/**
 * Which spellings of order numbers a merchant's orders use: with a leading "#" (Shopify's "#1001"),
 * without, or both. A confirmation file may write either, so a lookup asks for both unless the merchant
 * has only one kind: half the index probes of a chunk. Two index seeks (orders_by_number).
 */
export function orderNumberSpellings(db: SqlReader, merchantId: number): { hashed: boolean; plain: boolean } {
  const any = (where: string) => db.get(`SELECT 1 AS y FROM orders WHERE merchant_id = ? AND ${where} LIMIT 1`, [merchantId]) !== undefined;
  return {
    hashed: any("order_number >= '#' AND order_number < '$'"),
    plain: any("order_number < '#'") || any("order_number >= '$'"),
  };
}

/** The lines of several orders, by order id (json_extract in SQLite: no parse of the whole payloads in JS). */
export function orderLinesByOrder(db: SqlReader, ids: readonly number[]): Map<number, OrderLine[]> {
  const out = new Map<number, OrderLine[]>();
  if (ids.length === 0) return out;
  // Ids are integers from the store itself: listed inline, clear of the parameter limit.
  const list = [...new Set(ids)].map((id) => String(Math.trunc(id))).join(',');
  for (const r of db.all<{ id: number; lines: string | null }>(`SELECT order_id AS id, lines_json AS lines FROM order_payloads WHERE order_id IN (${list})`)) {
    out.set(r.id, parseJson<OrderLine[]>(r.lines, []));
  }
  return out;
}

/** When a person gave up the units of the order the warehouse has not shipped; null when nobody did. */
export function restCanceledAt(db: SqlReader, id: number): string | null {
  return db.get<{ at: string | null }>('SELECT rest_canceled_at AS at FROM orders WHERE id = ?', [id])?.at ?? null;
}

export function markRestCanceled(db: SqlRunner, id: number, now: string): void {
  db.run('UPDATE orders SET rest_canceled_at = ?, updated_at = ? WHERE id = ?', [now, now, id]);
}

/** An order's lines only (json_extract in SQLite: no parse of the whole payload in JS). */
export function getOrderLines(db: SqlReader, id: number): OrderLine[] | undefined {
  const r = db.get<{ lines: string | null }>('SELECT lines_json AS lines FROM order_payloads WHERE order_id = ?', [id]);
  return r ? (JSON.parse(r.lines ?? '[]') as OrderLine[]) : undefined;
}

export function getOrderPayload(db: SqlReader, id: number): CanonicalOrder | undefined {
  const r = db.get<{ lines_json: string | null; data_json: string }>('SELECT lines_json, data_json FROM order_payloads WHERE order_id = ?', [id]);
  return r ? payloadOf(r) : undefined;
}

interface SummaryRaw {
  id: number;
  cart_id: number;
  merchant_id: number;
  order_number: string;
  status: OrderStatus;
  status_reason: string | null;
  ship_code: string;
  mapped_ship_code: string | null;
  order_date: string;
  changed_after_delivery: number;
  failed_sends: number;
  at_wms_at: string | null;
  updated_at: string;
  lines_json: string | null;
  /** The payload without its lines (putPayload): all a summary reads of it. */
  data_json: string;
  cart_order_id: string;
  batch_id: string | null;
  rest_canceled_at: string | null;
  merchant_name: string;
  cart_name: string;
}

/**
 * An order row with its merchant's and cart's names (orders of a removed cart or merchant keep their
 * ids: "cart 3", "merchant 2"). `o` is the orders table.
 */
const SUMMARY_COLUMNS = `o.*, p.lines_json, p.data_json, COALESCE(m.name, 'merchant ' || o.merchant_id) AS merchant_name,
  COALESCE(c.name, 'cart ' || o.cart_id) AS cart_name`;
const SUMMARY_JOINS =
  'LEFT JOIN order_payloads p ON p.order_id = o.id LEFT JOIN merchants m ON m.id = o.merchant_id LEFT JOIN cart_connections c ON c.id = o.cart_id';

function toSummary(r: SummaryRaw): OrderSummaryView {
  const order = parseJson<Partial<CanonicalOrder>>(r.data_json, {});
  const name = [order.shipTo?.firstName, order.shipTo?.lastName].filter(Boolean).join(' ');
  return {
    id: r.id,
    cartId: r.cart_id,
    merchantId: r.merchant_id,
    orderNumber: r.order_number,
    status: r.status,
    statusReason: r.status_reason,
    shipCode: r.ship_code,
    mappedShipCode: r.mapped_ship_code,
    orderDate: r.order_date,
    total: order.total ?? '0',
    currency: order.currency ?? '',
    shipToName: name || order.shipTo?.company || '',
    changedAfterDelivery: r.changed_after_delivery === 1,
    failedSends: r.failed_sends,
    atWmsAt: r.at_wms_at,
    updatedAt: r.updated_at,
    merchantName: r.merchant_name,
    cartName: r.cart_name,
    gaps: Array.isArray(order.gaps) ? order.gaps.length : 0,
  };
}

export interface OrderFilter {
  merchantId?: number;
  cartId?: number;
  status?: OrderStatus;
  /** The statuses of one health bucket; with `status` too, both apply. */
  bucket?: HealthBucket;
  /** Exact ship code as received from the cart (the `ship_code` column, before mapping). */
  shipCode?: string;
  search?: string;
  /** One column and a direction; absent: newest first (by id). */
  sort?: OrderSort;
  limit: number;
  offset: number;
}

/** The statuses that make up a health bucket. */
export function statusesOfBucket(bucket: HealthBucket): OrderStatus[] {
  return ORDER_STATUSES.filter((status) => BUCKET_OF_STATUS[status] === bucket);
}

/**
 * The ORDER BY of each sort that one index serves (migration 009): SQLite walks the index and stops after
 * the page. Ties follow the arrival order (id), the same way round, so the walk stays on the index.
 */
function orderByOf(sort: OrderSort | undefined): string {
  if (!sort) return 'o.id DESC';
  const { field, dir } = parseOrderSort(sort);
  const d = dir === 'asc' ? 'ASC' : 'DESC';
  const column = { date: 'o.order_date', number: 'o.order_number', status: 'o.status', total: ORDER_TOTAL_SQL, merchant: '', store: '' }[field];
  return `${column} ${d}, o.id ${d}`;
}

/** The order's total as a number (migration 020 keeps it on the row, indexed; 009 indexed it from the payload). */
export const ORDER_TOTAL_SQL = 'o.total';

export function listOrders(db: SqlReader, f: OrderFilter): Page<OrderSummaryView> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (condition: string, value: SqlValue) => {
    where.push(condition);
    params.push(value);
  };
  if (f.merchantId !== undefined) add('o.merchant_id = ?', f.merchantId);
  if (f.cartId !== undefined) add('o.cart_id = ?', f.cartId);
  if (f.status !== undefined) add('o.status = ?', f.status);
  if (f.bucket !== undefined) {
    const statuses = statusesOfBucket(f.bucket);
    where.push(`o.status IN (${statuses.map(() => '?').join(', ')})`);
    params.push(...statuses);
  }
  if (f.shipCode !== undefined) add('o.ship_code = ?', f.shipCode);
  if (f.search) {
    // The narrow search table, not the payloads: a fraction of the bytes to scan, and only the fields
    // the search promises (both sides lower-cased, so case folding holds beyond ASCII too).
    if (where.length === 0 && !f.sort) return searchOnly(db, f, f.search);
    add(`o.id IN (SELECT order_id FROM order_search WHERE text LIKE ? ESCAPE '\\')`, searchPatternOf(f.search));
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const field = f.sort ? parseOrderSort(f.sort).field : undefined;
  if (field === 'merchant' || field === 'store') return listByName(db, f, field, clause, params);
  // The page's ids first, off an index (the offset skips index entries, not joined rows), then its rows.
  const ids = db
    .all<{ id: number }>(`SELECT o.id FROM orders o ${clause} ORDER BY ${orderByOf(f.sort)} LIMIT ? OFFSET ?`, [...params, f.limit, f.offset])
    .map((r) => r.id);
  const items = summariesOf(db, ids);
  // A page that is neither full nor empty is the last one, so it tells the total: a narrow search (the
  // usual one) then scans once, not twice.
  const total =
    items.length > 0 && items.length < f.limit
      ? f.offset + items.length
      : (db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM orders o ${clause}`, params as SqlParams)?.n ?? 0);
  return { items, total, limit: f.limit, offset: f.offset };
}

/** Ids asked per statement: always this many (padded), so one cached statement serves every page. */
const IDS_PER_QUERY = 100;

/** The summaries of `ids`, in that order. */
function summariesOf(db: SqlReader, ids: readonly number[]): OrderSummaryView[] {
  const byId = new Map<number, OrderSummaryView>();
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const slice = ids.slice(i, i + IDS_PER_QUERY);
    while (slice.length < IDS_PER_QUERY) slice.push(slice[0]);
    const rows = db.all<SummaryRaw>(
      `SELECT ${SUMMARY_COLUMNS} FROM orders o ${SUMMARY_JOINS} WHERE o.id IN (${slice.map(() => '?').join(',')})`,
      slice,
    );
    for (const r of rows) byId.set(r.id, toSummary(r));
  }
  return ids.map((id) => byId.get(id)).filter((o): o is OrderSummaryView => o !== undefined);
}

/**
 * A search and nothing else (what a person types into the box): the search cache gives both the page
 * (newest first) and the total, where a page query and a count would pass over the table twice.
 */
function searchOnly(db: SqlReader, f: OrderFilter, search: string): Page<OrderSummaryView> {
  const matches = searchOrderIds(db, search.toLowerCase());
  // A search row outlives no order (both are written and removed together), so the count is the orders'.
  const items = summariesOf(db, matches.slice(f.offset, f.offset + f.limit));
  return { items, total: matches.length, limit: f.limit, offset: f.offset };
}

/**
 * Sorted by merchant or store name: the names live in other tables, so no index of orders holds that
 * order and SQLite would sort every matching order for one page. There are few merchants and carts,
 * though: count the matching orders of each (one pass over an index), order the groups by name in JS,
 * and read only the groups the page falls in, each by its own index (orders by merchant or cart, by id).
 */
function listByName(db: SqlReader, f: OrderFilter, field: 'merchant' | 'store', clause: string, params: SqlValue[]): Page<OrderSummaryView> {
  const key = field === 'merchant' ? 'merchant_id' : 'cart_id';
  const groups = db.all<{ id: number; n: number; name: string }>(
    field === 'merchant'
      ? `SELECT g.id, g.n, COALESCE(m.name, 'merchant ' || g.id) AS name
         FROM (SELECT o.merchant_id AS id, COUNT(*) AS n FROM orders o ${clause} GROUP BY o.merchant_id) g
         LEFT JOIN merchants m ON m.id = g.id`
      : `SELECT g.id, g.n, COALESCE(c.name, 'cart ' || g.id) AS name
         FROM (SELECT o.cart_id AS id, COUNT(*) AS n FROM orders o ${clause} GROUP BY o.cart_id) g
         LEFT JOIN cart_connections c ON c.id = g.id`,
    params,
  );
  const { dir } = parseOrderSort(f.sort!);
  const sign = dir === 'asc' ? 1 : -1;
  groups.sort((a, b) => sign * (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
  const total = groups.reduce((sum, g) => sum + g.n, 0);
  const items: OrderSummaryView[] = [];
  const d = dir === 'asc' ? 'ASC' : 'DESC';
  const within = `${clause ? `${clause} AND` : 'WHERE'} o.${key} = ?`;
  let skip = f.offset;
  for (const g of groups) {
    if (items.length >= f.limit) break;
    if (skip >= g.n) {
      skip -= g.n;
      continue;
    }
    const ids = db
      .all<{ id: number }>(`SELECT o.id FROM orders o ${within} ORDER BY o.id ${d} LIMIT ? OFFSET ?`, [...params, g.id, f.limit - items.length, skip])
      .map((r) => r.id);
    skip = 0;
    items.push(...summariesOf(db, ids));
  }
  return { items, total, limit: f.limit, offset: f.offset };
}

export function getOrderDetail(db: SqlReader, id: number): OrderDetailView | undefined {
  const r = db.get<SummaryRaw>(`SELECT ${SUMMARY_COLUMNS} FROM orders o ${SUMMARY_JOINS} WHERE o.id = ?`, [id]);
  if (!r) return undefined;
  const history = db
    .all<{ at: string; from_status: OrderStatus | null; to_status: OrderStatus; note: string | null }>(
      'SELECT at, from_status, to_status, note FROM order_history WHERE order_id = ? ORDER BY id',
      [id],
    )
    .map(
      (h): OrderHistoryEntry => ({ at: h.at, fromStatus: h.from_status, toStatus: h.to_status, note: h.note }),
    );
  const rows = db.all<ShipmentRecord>('SELECT * FROM shipments WHERE order_id = ? ORDER BY id', [id]);
  const itemsOf = rows.map((s) => parseJson<ShippedItem[]>(s.items_json, []));
  const shipments = rows.map((s, k) => ({
    id: s.id,
    trackingNumber: s.tracking_number,
    carrier: s.carrier,
    service: s.service,
    trackingUrl: s.tracking_url,
    shipDate: s.ship_date,
    items: itemsOf[k].map((i) => ({ sku: i.sku, quantity: i.quantity })),
    // 'submitted': the cart took it and processes it later; shown with the cart's reference (remoteId).
    status: s.status,
    error: s.error,
    remoteId: s.remote_id,
    uploadedAt: s.uploaded_at,
  }));
  const order = payloadOf(r);
  return {
    ...toSummary(r),
    cartOrderId: r.cart_order_id,
    batchId: r.batch_id,
    order,
    shippedQuantities: Object.fromEntries(shippedByLine(order.lines ?? [], itemsOf.flat())),
    restCanceledAt: r.rest_canceled_at,
    shipments,
    history,
  };
}

/** Order counts by status for each cart of a merchant (one query, not one per cart). */
export function countByStatusPerCart(db: SqlReader, merchantId: number): Map<number, Partial<Record<OrderStatus, number>>> {
  const rows = db.all<{ cart_id: number; status: OrderStatus; n: number }>(
    'SELECT cart_id, status, COUNT(*) AS n FROM orders WHERE merchant_id = ? GROUP BY cart_id, status',
    [merchantId],
  );
  const out = new Map<number, Partial<Record<OrderStatus, number>>>();
  for (const r of rows) out.set(r.cart_id, { ...out.get(r.cart_id), [r.status]: r.n });
  return out;
}

export function countByStatus(db: SqlReader, merchantId?: number): Partial<Record<OrderStatus, number>> {
  const rows =
    merchantId === undefined
      ? db.all<{ status: OrderStatus; n: number }>('SELECT status, COUNT(*) AS n FROM orders GROUP BY status')
      : db.all<{ status: OrderStatus; n: number }>(
          'SELECT status, COUNT(*) AS n FROM orders WHERE merchant_id = ? GROUP BY status',
          [merchantId],
        );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
