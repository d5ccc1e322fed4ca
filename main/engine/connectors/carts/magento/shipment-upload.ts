import { carrierForCart } from '../../../../../shared/carrier-mapping.js';
import { DockhandError } from '../../../../../shared/errors.js';
import { OutcomeUnknownError } from '../../../net/index.js';
import type { ShipmentToUpload, ShipmentUploadResult } from '../cart-connector.js';
import { MAGENTO_CARRIER_TITLES, MAGENTO_CARRIERS } from './carriers.js';
import type { MagentoRestClient } from './rest-client.js';
import { shipmentIdSchema, shipmentSearchResultSchema } from './schemas.js';

/**
 * One warehouse shipment -> POST /V1/order/{id}/ship with the items (by Magento's order item id: for a
 * configurable product, its parent's, which the order mapper put in cartLineId) and one track.
 *
 * Idempotent by the tracking number (DESIGN.md: keys from the thing itself): an order that already has
 * a shipment with this tracking number is not shipped again, and a create whose outcome is unknown (a
 * 5xx or a dropped connection after sending) is looked up before anyone tries again.
 */

export interface MagentoShipRequest {
  items: { order_item_id: number; qty: number }[];
  tracks: { track_number: string; title: string; carrier_code: string }[];
  notify: boolean;
}

export function buildShipRequest(shipment: ShipmentToUpload, carrierOverrides: Record<string, string> = {}, notify = true): MagentoShipRequest {
  const items = shipment.items.map((item) => {
    const id = Number(item.cartLineId);
    if (!/^\d+$/.test(item.cartLineId) || !Number.isSafeInteger(id)) {
      throw new DockhandError('data', `Order ${shipment.orderNumber}: the line of ${item.sku} has no Magento order item id ("${item.cartLineId}")`);
    }
    if (!Number.isInteger(item.quantity) || item.quantity <= 0) {
      throw new DockhandError('data', `Order ${shipment.orderNumber}: ${item.quantity} units of ${item.sku} cannot be shipped`);
    }
    return { order_item_id: id, qty: item.quantity };
  });
  if (items.length === 0) throw new DockhandError('data', `Order ${shipment.orderNumber}: the shipment has no lines`);
  // Without a tracking number the shipment goes without a track (an empty track_number is no tracking).
  const tracks = shipment.trackingNumber ? [trackOf(shipment, carrierOverrides)] : [];
  return { items, tracks, notify };
}

/** A tracking number as a Magento track: a carrier code Magento knows, else 'custom' under the carrier's name. */
export function trackOf(
  shipment: { carrier: string; trackingNumber: string; trackingUrl?: string },
  carrierOverrides: Record<string, string> = {},
): MagentoShipRequest['tracks'][number] {
  const carrier = carrierForCart(MAGENTO_CARRIERS, carrierOverrides, shipment);
  const code = carrier.listed && /^[a-z0-9_]+$/.test(carrier.carrier) ? carrier.carrier : 'custom';
  const title = code === 'custom' ? carrier.carrier : (MAGENTO_CARRIER_TITLES[code] ?? carrier.carrier);
  return { track_number: shipment.trackingNumber, title, carrier_code: code };
}

export async function uploadShipment(
  client: MagentoRestClient,
  shipment: ShipmentToUpload,
  carrierOverrides: Record<string, string> = {},
): Promise<ShipmentUploadResult> {
  const orderId = orderEntityId(shipment);
  const body = buildShipRequest(shipment, carrierOverrides);
  const existing = await findShipmentByTracking(client, orderId, shipment.trackingNumber);
  if (existing) return { outcome: 'accepted', remoteId: existing, alreadyExisted: true };
  try {
    const id = await client.post(`/V1/order/${orderId}/ship`, shipmentIdSchema, {
      what: `shipping order ${shipment.orderNumber}`,
      body,
      creates: true,
    });
    return { outcome: 'accepted', remoteId: String(id), alreadyExisted: false };
  } catch (err) {
    if (!(err instanceof OutcomeUnknownError)) throw err;
    const created = await findShipmentByTracking(client, orderId, shipment.trackingNumber);
    if (created) return { outcome: 'accepted', remoteId: created, alreadyExisted: false };
    throw err;
  }
}

/** The id of the order's shipment that carries this tracking number, if Magento has one. */
export async function findShipmentByTracking(client: MagentoRestClient, orderId: number, trackingNumber: string): Promise<string | undefined> {
  if (trackingNumber === '') return undefined; // nothing identifies a shipment without one
  const query = new URLSearchParams({
    'searchCriteria[filter_groups][0][filters][0][field]': 'order_id',
    'searchCriteria[filter_groups][0][filters][0][value]': String(orderId),
    'searchCriteria[filter_groups][0][filters][0][condition_type]': 'eq',
  });
  const reply = await client.get('/V1/shipments', shipmentSearchResultSchema, { what: `the shipments of order ${orderId}`, query });
  const match = reply.items.find((s) => (s.tracks ?? []).some((t) => t.track_number === trackingNumber));
  return match ? String(match.entity_id) : undefined;
}

export function orderEntityId(shipment: Pick<ShipmentToUpload, 'cartOrderId' | 'orderNumber'>): number {
  if (!/^\d+$/.test(shipment.cartOrderId)) {
    throw new DockhandError('data', `Order ${shipment.orderNumber}: "${shipment.cartOrderId}" is not a Magento order id`);
  }
  return Number(shipment.cartOrderId);
}
