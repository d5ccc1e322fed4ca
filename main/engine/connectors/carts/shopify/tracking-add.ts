import { DockhandError } from '../../../../../shared/errors.js';
import { OutcomeUnknownError } from '../../../net/index.js';
import type { TrackingAddResult, TrackingToAdd } from '../cart-connector.js';
import type { ShopifyGraphqlClient } from './graphql-client.js';
import { FULFILLMENT_TRACKING_UPDATE_MUTATION, ORDER_TRACKING_QUERY } from './queries.js';
import { isRecord, NOTIFY_CUSTOMER } from './shipment-upload.js';
import type { ShopifyUserError } from './types.js';

/**
 * A box with no lines of its own -> its tracking number added to the order's fulfillment that carried
 * the lines (fulfillmentTrackingInfoUpdate). That mutation replaces the fulfillment's tracking info as a
 * whole, so the numbers (and their tracking pages) it holds are sent again with the new one after them.
 * Idempotent: a number any live fulfillment of the order holds already is not added again, and an update
 * whose outcome is unknown is looked up before anyone retries it.
 */

interface TrackingEntry {
  company: string | null;
  number: string;
  url: string | null;
}

interface FulfillmentTracking {
  id: string;
  status: string;
  tracking: TrackingEntry[];
}

const DEAD_FULFILLMENT_STATUSES = new Set(['CANCELLED', 'ERROR', 'FAILURE']);

export async function addTracking(client: ShopifyGraphqlClient, t: TrackingToAdd): Promise<TrackingAddResult> {
  const fulfillments = await loadTracking(client, t);
  const holding = findHolding(fulfillments, t.trackingNumber);
  if (holding) return { outcome: 'accepted', remoteId: holding, alreadyExisted: true };
  const target = fulfillments.find((f) => f.id === t.joinsRemoteId && !DEAD_FULFILLMENT_STATUSES.has(f.status));
  if (!target) {
    const what = t.joinsTrackingNumber ? `the fulfillment of tracking ${t.joinsTrackingNumber}` : `fulfillment ${t.joinsRemoteId}`;
    return { outcome: 'refused', reason: `Shopify order ${t.orderNumber} no longer has ${what} (canceled?): package ${t.trackingNumber} cannot be added to it` };
  }

  let data: unknown;
  try {
    data = await client.query<unknown>(
      FULFILLMENT_TRACKING_UPDATE_MUTATION,
      { fulfillmentId: target.id, trackingInfoInput: trackingInput(target, t), notifyCustomer: NOTIFY_CUSTOMER },
      { costKey: 'fulfillment-tracking-update', estimatedCost: 10, mutation: true },
    );
  } catch (err) {
    if (err instanceof OutcomeUnknownError) {
      // "Maybe updated": look before anyone sends it again.
      const added = findHolding(await loadTracking(client, t), t.trackingNumber);
      if (added) return { outcome: 'accepted', remoteId: added, alreadyExisted: false };
    }
    throw err;
  }
  const payload = isRecord(data) ? data.fulfillmentTrackingInfoUpdate : undefined;
  if (!isRecord(payload) || !Array.isArray(payload.userErrors)) throw client.malformed('fulfillmentTrackingInfoUpdate has no userErrors');
  if (payload.userErrors.length > 0) {
    const messages = (payload.userErrors as ShopifyUserError[]).map((e) => e.message).join('; ');
    throw new DockhandError('data', `Shopify refused to add tracking ${t.trackingNumber} to order ${t.orderNumber}: ${messages}`);
  }
  return { outcome: 'accepted', remoteId: target.id, alreadyExisted: false };
}

/**
 * The fulfillment's numbers, then the new one. One company per fulfillment: the one it has (else the
 * package's carrier). Tracking pages go only when every number has one; otherwise Shopify makes them
 * from the company, and a partial list would pair pages with the wrong numbers.
 */
function trackingInput(target: FulfillmentTracking, t: TrackingToAdd): Record<string, unknown> {
  const entries: TrackingEntry[] = [...target.tracking, { company: t.carrier, number: t.trackingNumber, url: t.trackingUrl ?? null }];
  const input: Record<string, unknown> = {
    company: target.tracking.find((e) => e.company)?.company ?? t.carrier,
    numbers: entries.map((e) => e.number),
  };
  if (entries.every((e) => e.url)) input.urls = entries.map((e) => e.url);
  return input;
}

function findHolding(fulfillments: FulfillmentTracking[], trackingNumber: string): string | undefined {
  const wanted = normalizeTracking(trackingNumber);
  if (wanted === '') return undefined;
  return fulfillments.find((f) => !DEAD_FULFILLMENT_STATUSES.has(f.status) && f.tracking.some((e) => normalizeTracking(e.number) === wanted))?.id;
}

function normalizeTracking(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

async function loadTracking(client: ShopifyGraphqlClient, t: TrackingToAdd): Promise<FulfillmentTracking[]> {
  const data = await client.query<unknown>(ORDER_TRACKING_QUERY, { id: t.cartOrderId }, { costKey: 'order-tracking', estimatedCost: 60 });
  if (!isRecord(data) || !('order' in data)) throw client.malformed('the order lookup has no order field');
  const order = data.order;
  if (order === null) throw new DockhandError('data', `Order ${t.orderNumber} (${t.cartOrderId}) was not found in Shopify`);
  if (!isRecord(order) || !Array.isArray(order.fulfillments)) throw client.malformed('the order has no fulfillments');
  return order.fulfillments.filter(isRecord).map((f) => ({
    id: String(f.id),
    status: String(f.status ?? ''),
    tracking: (Array.isArray(f.trackingInfo) ? f.trackingInfo : []).filter(isRecord).flatMap((e) =>
      typeof e.number === 'string' && e.number !== ''
        ? [{ company: typeof e.company === 'string' ? e.company : null, number: e.number, url: typeof e.url === 'string' ? e.url : null }]
        : [],
    ),
  }));
}
