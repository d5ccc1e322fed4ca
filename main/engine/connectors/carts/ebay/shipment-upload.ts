import { carrierForCart } from '../../../../../shared/carrier-mapping.js';
import { DockhandError } from '../../../../../shared/errors.js';
import { ebayPlatform } from '../../../../../shared/platforms/ebay.js';
import { OutcomeUnknownError } from '../../../net/index.js';
import type { ShipmentToUpload, ShipmentUploadResult } from '../cart-connector.js';
import { EbayApiError } from './ebay-errors.js';
import type { EbayRestClient } from './rest-client.js';
import { shippingFulfillmentsSchema } from './schemas.js';

/**
 * One warehouse package -> a shipping fulfillment of the order's line items (POST
 * /order/{orderId}/shipping_fulfillment: 201, the new fulfillment's id at the end of its Location).
 *
 * Idempotent by the tracking number: the order's fulfillments are read first, and one that carries this
 * tracking number is the shipment, already there (a run that stopped before saving the result). A create
 * whose outcome is unknown (a 5xx or a dropped connection after sending) is looked up the same way
 * before anything is sent again.
 */

export interface EbayShippingFulfillmentRequest {
  lineItems: { lineItemId: string; quantity: number }[];
  shippedDate: string;
  /** Left out with trackingNumber for a package the warehouse confirmed without one: eBay then marks the lines shipped. */
  shippingCarrierCode?: string;
  trackingNumber?: string;
}

export function buildFulfillmentRequest(shipment: ShipmentToUpload, carrierOverrides: Record<string, string> = {}): EbayShippingFulfillmentRequest {
  const lineItems = shipment.items.map((item) => {
    if (!item.cartLineId) throw new DockhandError('data', `Order ${shipment.orderNumber}: the line of ${item.sku} has no eBay line item id`);
    if (!Number.isInteger(item.quantity) || item.quantity <= 0) {
      throw new DockhandError('data', `Order ${shipment.orderNumber}: ${item.quantity} units of ${item.sku} cannot be shipped`);
    }
    return { lineItemId: item.cartLineId, quantity: item.quantity };
  });
  if (lineItems.length === 0) throw new DockhandError('data', `Order ${shipment.orderNumber}: the shipment has no lines`);
  const tracking = shipment.trackingNumber.trim();
  if (tracking === '') return { lineItems, shippedDate: shippedDate(shipment.shipDate) };
  const carrier = carrierForCart(ebayPlatform.carriers, carrierOverrides, shipment);
  return { lineItems, shippedDate: shippedDate(shipment.shipDate), shippingCarrierCode: carrier.carrier, trackingNumber: tracking };
}

/** eBay wants a UTC timestamp with milliseconds; a date alone is that day's noon UTC (never tomorrow anywhere). */
function shippedDate(text: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T12:00:00.000Z` : text;
  const ms = Date.parse(day);
  return Number.isNaN(ms) ? new Date().toISOString() : new Date(ms).toISOString();
}

export async function uploadEbayShipment(client: EbayRestClient, shipment: ShipmentToUpload, carrierOverrides: Record<string, string> = {}): Promise<ShipmentUploadResult> {
  const body = buildFulfillmentRequest(shipment, carrierOverrides);
  const path = `/sell/fulfillment/v1/order/${encodeURIComponent(shipment.cartOrderId)}/shipping_fulfillment`;
  const existing = await findFulfillmentByTracking(client, shipment, path);
  if (existing) return { outcome: 'accepted', remoteId: existing, alreadyExisted: true };
  try {
    const res = await client.send('POST', path, { what: `shipping order ${shipment.orderNumber}`, api: 'fulfillment', body, creates: true });
    const id = fulfillmentIdOf(res.headers.get('location'));
    if (!id) throw client.malformed(`shipping order ${shipment.orderNumber}`, 'the reply has no Location of the new fulfillment');
    return { outcome: 'accepted', remoteId: id, alreadyExisted: false };
  } catch (err) {
    if (err instanceof OutcomeUnknownError) {
      const created = await findFulfillmentByTracking(client, shipment, path);
      if (created) return { outcome: 'accepted', remoteId: created, alreadyExisted: false };
      throw err;
    }
    // eBay's refusal of what was sent (a line it does not have, more units than ordered) is this shipment's.
    if (err instanceof EbayApiError && err.kind === 'data') return { outcome: 'refused', reason: `Order ${shipment.orderNumber}: ${err.message}` };
    throw err;
  }
}

/** "…/order/12-34567-89012/shipping_fulfillment/9405…" -> "9405…". */
export function fulfillmentIdOf(location: string | null): string | undefined {
  const m = location ? /\/shipping_fulfillment\/([^/?#]+)\/?(?:[?#].*)?$/.exec(location) : null;
  return m ? decodeURIComponent(m[1]) : undefined;
}

async function findFulfillmentByTracking(client: EbayRestClient, shipment: ShipmentToUpload, path: string): Promise<string | undefined> {
  try {
    const { value } = await client.json('GET', path, shippingFulfillmentsSchema, { what: `the shipping fulfillments of order ${shipment.orderNumber}`, api: 'fulfillment' });
    return value.fulfillments.find((f) => f.shipmentTrackingNumber === shipment.trackingNumber)?.fulfillmentId;
  } catch (err) {
    // An order eBay does not have is this shipment's problem, not the run's.
    if (err instanceof EbayApiError && err.kind === 'data') throw new DockhandError('data', `Order ${shipment.orderNumber}: ${err.message}`);
    throw err;
  }
}
