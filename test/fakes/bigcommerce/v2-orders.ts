import { noContent, notFound, ok, v2Error, type FakeAnswer } from './answers.js';
import { parseFilterDate, wholeSecond } from './dates.js';
import { STATUS_PARTIALLY_SHIPPED, STATUS_SHIPPED, type FakeBcOrder } from './model.js';
import type { FakeBcStore } from './store-state.js';
import { orderProductView, orderView, shipmentView, shippingAddressView, type ConsignmentInclude } from './views.js';

/** The v2 Orders routes: list with filters, sort and page/limit paging, one order, its sub-resources, shipments. */

const MAX_LIMIT = 250;
const SORT_FIELDS: Record<string, (o: FakeBcOrder) => number> = {
  id: (o) => o.id,
  customer_id: (o) => o.customer_id,
  date_created: (o) => o.createdMs,
  date_modified: (o) => o.modifiedMs,
  status_id: (o) => o.status_id,
  channel_id: () => 1,
};
const DATE_FILTERS: [string, (o: FakeBcOrder) => number, 'min' | 'max'][] = [
  ['min_date_created', (o) => o.createdMs, 'min'],
  ['max_date_created', (o) => o.createdMs, 'max'],
  ['min_date_modified', (o) => o.modifiedMs, 'min'],
  ['max_date_modified', (o) => o.modifiedMs, 'max'],
];

export function listOrders(store: FakeBcStore, query: URLSearchParams, v2Base: string): FakeAnswer {
  const paging = readPaging(query);
  if ('status' in paging) return paging;
  let orders = [...store.orders.values()];
  for (const [name, field, bound] of DATE_FILTERS) {
    const raw = query.get(name);
    if (raw === null) continue;
    const ms = parseFilterDate(raw);
    if (ms === null) return v2Error(400, `The field '${name}' is invalid.`); // [U] message
    // Stored times are whole seconds, so a bound with milliseconds compares as its second. [U]
    const at = wholeSecond(ms);
    orders = orders.filter((o) => (bound === 'min' ? field(o) >= at : field(o) <= at));
  }
  const statusId = query.get('status_id');
  if (statusId !== null) orders = orders.filter((o) => o.status_id === Number(statusId));
  const minId = query.get('min_id');
  if (minId !== null) orders = orders.filter((o) => o.id >= Number(minId));

  const [field, direction = 'asc'] = (query.get('sort') ?? 'id').split(':');
  const key = SORT_FIELDS[field];
  if (!key || (direction !== 'asc' && direction !== 'desc')) return v2Error(400, `The field 'sort' is invalid.`); // [U]
  const sign = direction === 'asc' ? 1 : -1;
  orders.sort((a, b) => sign * (key(a) - key(b)) || a.id - b.id);

  const slice = orders.slice((paging.page - 1) * paging.limit, paging.page * paging.limit);
  // An empty page is not an empty array: v2 answers 204 No Content without a body.
  if (slice.length === 0) return noContent();
  const consignments = consignmentInclude(query);
  return ok(slice.map((o) => orderView(o, v2Base, consignments)));
}

export function getOrder(store: FakeBcStore, id: number, query: URLSearchParams, v2Base: string): FakeAnswer {
  const order = store.orders.get(id);
  return order ? ok(orderView(order, v2Base, consignmentInclude(query))) : notFound();
}

/** [U] Without consignment_structure=object the docs promise no shape; the fake then embeds nothing. */
function consignmentInclude(query: URLSearchParams): ConsignmentInclude {
  const include = (query.get('include') ?? '').split(',');
  if (query.get('consignment_structure') !== 'object') return 'none';
  if (include.includes('consignments.line_items')) return 'line_items';
  return include.includes('consignments') ? 'links' : 'none';
}

export function listOrderProducts(store: FakeBcStore, id: number, query: URLSearchParams): FakeAnswer {
  const order = store.orders.get(id);
  if (!order) return notFound();
  return page(order.products.map((p) => orderProductView(order, p)), query);
}

export function listShippingAddresses(store: FakeBcStore, id: number, query: URLSearchParams): FakeAnswer {
  const order = store.orders.get(id);
  if (!order) return notFound();
  return page(order.addresses.map((a) => shippingAddressView(order, a)), query);
}

export function listShipments(store: FakeBcStore, id: number, query: URLSearchParams): FakeAnswer {
  const order = store.orders.get(id);
  if (!order) return notFound();
  return page(order.shipments.map((s) => shipmentView(order, s)), query);
}

const PROVIDERS = new Set(['', 'auspost', 'canadapost', 'endicia', 'usps', 'fedex', 'royalmail', 'ups', 'upsready', 'shipperhq']);

/** POST /orders/{id}/shipments: order_address_id and items are required; shipped quantities move the order's status. */
export function createShipment(store: FakeBcStore, id: number, body: unknown): FakeAnswer {
  const order = store.orders.get(id);
  if (!order) return notFound();
  if (!isRecord(body)) return v2Error(400, 'The request body is not valid JSON.'); // [U]
  if (body.order_address_id === undefined) return v2Error(400, "The required field 'order_address_id' was not supplied."); // [U]
  if (body.items === undefined) return v2Error(400, "The required field 'items' was not supplied."); // [U]
  const address = order.addresses.find((a) => a.id === body.order_address_id);
  if (!address) return v2Error(400, "The field 'order_address_id' is invalid."); // [U]
  const provider = typeof body.shipping_provider === 'string' ? body.shipping_provider : '';
  if (!PROVIDERS.has(provider) && !/^carrier_\w+$/.test(provider)) return v2Error(400, "The field 'shipping_provider' is invalid."); // [U]
  if (!Array.isArray(body.items) || body.items.length === 0) return v2Error(400, "The field 'items' is invalid."); // [U]

  const items: { order_product_id: number; product_id: number; quantity: number }[] = [];
  for (const item of body.items) {
    const line = isRecord(item) ? order.products.find((p) => p.id === item.order_product_id) : undefined;
    const quantity = isRecord(item) ? item.quantity : undefined;
    if (!line || line.order_address_id !== address.id) return v2Error(400, "The field 'order_product_id' is invalid."); // [U]
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) return v2Error(400, "The field 'quantity' is invalid."); // [U]
    const already = items.filter((i) => i.order_product_id === line.id).reduce((s, i) => s + i.quantity, 0);
    if (line.quantity_shipped + already + quantity > line.quantity - line.quantity_refunded) {
      return v2Error(400, `The quantity specified is greater than the quantity of the product that is available to ship.`); // [U]
    }
    items.push({ order_product_id: line.id, product_id: line.product_id, quantity });
  }
  for (const item of items) order.products.find((p) => p.id === item.order_product_id)!.quantity_shipped += item.quantity;
  const now = wholeSecond(store.now());
  const shipment = {
    id: store.newShipmentId(),
    order_address_id: address.id,
    createdMs: now,
    tracking_number: typeof body.tracking_number === 'string' ? body.tracking_number : '',
    shipping_provider: provider,
    tracking_carrier: typeof body.tracking_carrier === 'string' ? body.tracking_carrier : '',
    tracking_link: typeof body.tracking_link === 'string' ? body.tracking_link : '',
    shipping_method: typeof body.shipping_method === 'string' ? body.shipping_method : '',
    comments: typeof body.comments === 'string' ? body.comments : '',
    items,
  };
  order.shipments.push(shipment);
  const physical = order.products.filter((p) => p.type === 'physical');
  order.status_id = physical.every((p) => p.quantity_shipped >= p.quantity - p.quantity_refunded) ? STATUS_SHIPPED : STATUS_PARTIALLY_SHIPPED;
  order.modifiedMs = now;
  return ok(shipmentView(order, shipment), 201);
}

function readPaging(query: URLSearchParams): { page: number; limit: number } | FakeAnswer {
  const page = Number(query.get('page') ?? 1);
  const limit = Number(query.get('limit') ?? 50);
  if (!Number.isInteger(page) || page < 1) return v2Error(400, "The field 'page' is invalid."); // [U]
  if (!Number.isInteger(limit) || limit < 1) return v2Error(400, "The field 'limit' is invalid."); // [U]
  // [U] A limit above 250 is served as 250.
  return { page, limit: Math.min(limit, MAX_LIMIT) };
}

function page(items: unknown[], query: URLSearchParams): FakeAnswer {
  const paging = readPaging(query);
  if ('status' in paging) return paging;
  const slice = items.slice((paging.page - 1) * paging.limit, paging.page * paging.limit);
  return slice.length === 0 ? noContent() : ok(slice);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
