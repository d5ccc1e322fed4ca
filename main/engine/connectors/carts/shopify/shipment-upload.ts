import { DockhandError } from '../../../../../shared/errors.js';
import { OutcomeUnknownError } from '../../../net/index.js';
import type { ShipmentToUpload, ShipmentUploadResult } from '../cart-connector.js';
import type { ShopifyGraphqlClient } from './graphql-client.js';
import { FULFILLMENT_CREATE_MUTATION, ORDER_FULFILLMENT_QUERY } from './queries.js';
import type { ShopifyUserError } from './types.js';

/**
 * Shipment -> fulfillmentCreate on the order's open fulfillment orders, with tracking and per-line
 * quantities (partial shipments). Idempotent by tracking number: an existing fulfillment with the same
 * number is returned instead of creating a second one, and a create whose outcome is unknown (timeout,
 * dropped connection) is looked up again before anyone retries it.
 */

export interface FulfillmentOrderLine {
  id: string;
  remainingQuantity: number;
  sku: string | null;
  lineItemId: string;
}

export interface FulfillmentOrder {
  id: string;
  lines: FulfillmentOrderLine[];
}

export interface OrderFulfillmentState {
  name: string;
  fulfillments: { id: string; status: string; trackingNumbers: string[] }[];
  openFulfillmentOrders: FulfillmentOrder[];
}

const FULFILLABLE_STATUSES = new Set(['OPEN', 'IN_PROGRESS']);
const DEAD_FULFILLMENT_STATUSES = new Set(['CANCELLED', 'ERROR', 'FAILURE']);
/** Shoppers expect the "your order is on its way" e-mail when the warehouse ships. */
export const NOTIFY_CUSTOMER = true;

export async function uploadShipment(client: ShopifyGraphqlClient, shipment: ShipmentToUpload): Promise<ShipmentUploadResult> {
  const state = await loadState(client, shipment);
  const existing = findByTracking(state, shipment.trackingNumber);
  if (existing) return { outcome: 'accepted', remoteId: existing, alreadyExisted: true };

  const lineItemsByFulfillmentOrder = allocate(state, shipment);
  const trackingInfo = trackingInfoOf(shipment);

  let data: unknown;
  try {
    data = await client.query<unknown>(
      FULFILLMENT_CREATE_MUTATION,
      { fulfillment: { lineItemsByFulfillmentOrder, trackingInfo, notifyCustomer: NOTIFY_CUSTOMER } },
      { costKey: 'fulfillment-create', estimatedCost: 10, mutation: true },
    );
  } catch (err) {
    if (err instanceof OutcomeUnknownError) {
      // "Maybe created": look before anyone creates it again.
      const created = findByTracking(await loadState(client, shipment), shipment.trackingNumber);
      if (created) return { outcome: 'accepted', remoteId: created, alreadyExisted: false };
    }
    throw err;
  }
  return readCreatePayload(client, isRecord(data) ? data.fulfillmentCreate : undefined, shipment, state.name);
}

/** One fulfillmentCreate payload: the new fulfillment, or its userErrors as the shipment's data error. */
export function readCreatePayload(
  client: ShopifyGraphqlClient,
  payload: unknown,
  shipment: ShipmentToUpload,
  orderName: string,
): ShipmentUploadResult {
  if (!isRecord(payload) || !Array.isArray(payload.userErrors)) throw client.malformed('fulfillmentCreate has no userErrors');
  if (payload.userErrors.length > 0) {
    const messages = (payload.userErrors as ShopifyUserError[]).map((e) => e.message).join('; ');
    throw new DockhandError('data', `Shopify refused the shipment ${shipment.trackingNumber} for order ${orderName}: ${messages}`);
  }
  const fulfillment = payload.fulfillment;
  if (!isRecord(fulfillment) || typeof fulfillment.id !== 'string') throw client.malformed('fulfillmentCreate returned no fulfillment id');
  return { outcome: 'accepted', remoteId: fulfillment.id, alreadyExisted: false };
}

/** A shipment without a tracking number goes without `number` (an empty one is no tracking number). */
export function trackingInfoOf(shipment: ShipmentToUpload): Record<string, string> {
  const trackingInfo: Record<string, string> = { company: shipment.carrier };
  if (shipment.trackingNumber) trackingInfo.number = shipment.trackingNumber;
  if (shipment.trackingUrl) trackingInfo.url = shipment.trackingUrl;
  return trackingInfo;
}

/** Our shipped quantities spread over the fulfillment order lines that still have units to fulfil. */
export function allocate(state: OrderFulfillmentState, shipment: ShipmentToUpload) {
  const taken = new Map<string, number>(); // fulfillment order line id -> quantity allocated
  const byOrder = new Map<string, { id: string; quantity: number }[]>();
  const items = shipment.items.filter((item) => item.quantity > 0);
  if (items.length === 0) throw new DockhandError('data', `Shipment ${shipment.trackingNumber} for order ${state.name} has no items`);
  for (const item of items) {
    let missing = item.quantity;
    for (const fo of state.openFulfillmentOrders) {
      for (const line of fo.lines) {
        if (missing === 0) break;
        const matches = item.cartLineId ? line.lineItemId === item.cartLineId : line.sku === item.sku;
        if (!matches) continue;
        const free = line.remainingQuantity - (taken.get(line.id) ?? 0);
        if (free <= 0) continue;
        const qty = Math.min(free, missing);
        taken.set(line.id, (taken.get(line.id) ?? 0) + qty);
        missing -= qty;
        const list = byOrder.get(fo.id) ?? [];
        const entry = list.find((l) => l.id === line.id);
        if (entry) entry.quantity += qty;
        else list.push({ id: line.id, quantity: qty });
        byOrder.set(fo.id, list);
      }
    }
    if (missing > 0) {
      const shipped = item.quantity - missing;
      throw new DockhandError(
        'data',
        `Order ${state.name}: SKU ${item.sku} (line ${item.cartLineId || '?'}) has ${shipped} unit(s) left to fulfil in Shopify, the shipment has ${item.quantity}`,
      );
    }
  }
  return [...byOrder.entries()].map(([fulfillmentOrderId, lines]) => ({
    fulfillmentOrderId,
    fulfillmentOrderLineItems: lines,
  }));
}

/** Undefined for a shipment without a tracking number: nothing identifies it at Shopify. */
export function findByTracking(state: OrderFulfillmentState, trackingNumber: string): string | undefined {
  const wanted = normalizeTracking(trackingNumber);
  if (wanted === '') return undefined;
  const match = state.fulfillments.find(
    (f) => !DEAD_FULFILLMENT_STATUSES.has(f.status) && f.trackingNumbers.some((n) => normalizeTracking(n) === wanted),
  );
  return match?.id;
}

function normalizeTracking(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export async function loadState(client: ShopifyGraphqlClient, shipment: ShipmentToUpload): Promise<OrderFulfillmentState> {
  const data = await client.query<unknown>(
    ORDER_FULFILLMENT_QUERY,
    { id: shipment.cartOrderId },
    { costKey: 'order-fulfillment', estimatedCost: 600 },
  );
  if (!isRecord(data) || !('order' in data)) throw client.malformed('the order lookup has no order field');
  const order = data.order;
  if (order === null) throw orderNotFound(shipment);
  return parseOrderState(client, order, shipment.orderNumber);
}

export function orderNotFound(shipment: ShipmentToUpload): DockhandError {
  return new DockhandError('data', `Order ${shipment.orderNumber} (${shipment.cartOrderId}) was not found in Shopify`);
}

/** An Order object of ORDER_FULFILLMENT_QUERY (or the batch query's smaller pages) as our state. */
export function parseOrderState(client: ShopifyGraphqlClient, order: unknown, fallbackName: string): OrderFulfillmentState {
  if (!isRecord(order) || !Array.isArray(order.fulfillments) || !isRecord(order.fulfillmentOrders)) {
    throw client.malformed('the order has no fulfillments or fulfillmentOrders');
  }
  const foNodes = order.fulfillmentOrders.nodes;
  if (!Array.isArray(foNodes)) throw client.malformed('fulfillmentOrders has no nodes');
  const fulfillments = order.fulfillments.filter(isRecord).map((f) => ({
    id: String(f.id),
    status: String(f.status ?? ''),
    trackingNumbers: (Array.isArray(f.trackingInfo) ? f.trackingInfo : [])
      .filter(isRecord)
      .map((t) => t.number)
      .filter((n): n is string => typeof n === 'string'),
  }));
  const openFulfillmentOrders: FulfillmentOrder[] = [];
  for (const fo of foNodes) {
    if (!isRecord(fo) || typeof fo.id !== 'string') throw client.malformed('a fulfillment order has no id');
    const actions = Array.isArray(fo.supportedActions) ? fo.supportedActions.filter(isRecord).map((a) => a.action) : [];
    if (!FULFILLABLE_STATUSES.has(String(fo.status)) || !actions.includes('CREATE_FULFILLMENT')) continue;
    const lineNodes = isRecord(fo.lineItems) && Array.isArray(fo.lineItems.nodes) ? fo.lineItems.nodes : null;
    if (!lineNodes) throw client.malformed(`fulfillment order ${fo.id} has no lineItems`);
    const lines = lineNodes.filter(isRecord).map((l) => ({
      id: String(l.id),
      remainingQuantity: typeof l.remainingQuantity === 'number' ? l.remainingQuantity : 0,
      sku: typeof l.sku === 'string' ? l.sku : null,
      lineItemId: isRecord(l.lineItem) ? String(l.lineItem.id) : '',
    }));
    openFulfillmentOrders.push({ id: fo.id, lines });
  }
  return { name: typeof order.name === 'string' ? order.name : fallbackName, fulfillments, openFulfillmentOrders };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
