import { DockhandError } from '../../../../../shared/errors.js';
import { amazonPlatform } from '../../../../../shared/platforms/amazon.js';
import type { AmazonSettings } from '../../../../../shared/schemas/amazon.js';
import type { ShipmentToUpload, ShipmentUploadResult } from '../cart-connector.js';
import { amazonTime } from './order-query.js';
import { getOrderReplySchema, noContentSchema } from './schemas.js';
import type { SpApiClient } from './sp-client.js';
import { AmazonApiError } from './sp-errors.js';

/**
 * One warehouse package -> POST /orders/v0/orders/{orderId}/shipmentConfirmation (204), with the
 * order items and quantities it carries (tracking per line). The carrier goes as Amazon's CarrierCode
 * when it is one of Amazon's (the descriptor's carrier names), else as "Other" with its name.
 *
 * Idempotent by the package: its packageReferenceId (a positive number, unique within the order, as
 * Amazon requires) is derived from the tracking number, so sending the same package again names the
 * same package, and Amazon's answer that the package is already confirmed means it exists.
 */

/** Amazon's carrier codes, as the descriptor lists them. */
const AMAZON_CARRIER_CODES = new Set<string>(Object.values(amazonPlatform.carriers.names));

/** FNV-1a of the tracking number, 1..2^32: a stable positive packageReferenceId. */
export function packageReferenceId(trackingNumber: string): string {
  let hash = 0x811c9dc5;
  for (const ch of trackingNumber.trim().toUpperCase()) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return String(hash + 1);
}

export function buildConfirmation(shipment: ShipmentToUpload, marketplaceId: string) {
  if (shipment.items.length === 0) throw new DockhandError('data', `Order ${shipment.orderNumber}: the shipment has no lines`);
  const orderItems = shipment.items.map((item) => {
    if (!Number.isInteger(item.quantity) || item.quantity <= 0) {
      throw new DockhandError('data', `Order ${shipment.orderNumber}: ${item.quantity} units of ${item.sku} cannot be shipped`);
    }
    return { orderItemId: item.cartLineId, quantity: item.quantity };
  });
  // Amazon's PackageDetail requires a tracking number: a package confirmed without one is refused here, with the reason.
  if (shipment.trackingNumber.trim() === '') {
    throw new DockhandError('data', `Order ${shipment.orderNumber}: Amazon needs a tracking number for every package, and the warehouse confirmed this one without one`);
  }
  const carrier = shipment.carrier.trim();
  const listed = AMAZON_CARRIER_CODES.has(carrier);
  const shipDate = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(shipment.shipDate) ? `${shipment.shipDate}T12:00:00Z` : shipment.shipDate);
  if (Number.isNaN(shipDate)) throw new DockhandError('data', `Order ${shipment.orderNumber}: the ship date "${shipment.shipDate}" is not a date`);
  return {
    marketplaceId,
    packageDetail: {
      packageReferenceId: packageReferenceId(shipment.trackingNumber),
      carrierCode: listed ? carrier : 'Other',
      carrierName: carrier,
      ...(shipment.service ? { shippingMethod: shipment.service } : {}),
      trackingNumber: shipment.trackingNumber,
      shipDate: amazonTime(shipDate),
      orderItems,
    },
  };
}

export async function confirmAmazonShipment(client: SpApiClient, settings: AmazonSettings, shipment: ShipmentToUpload): Promise<ShipmentUploadResult> {
  const orderId = shipment.cartOrderId;
  const marketplaceId = await marketplaceOf(client, settings, orderId);
  const body = buildConfirmation(shipment, marketplaceId);
  const remoteId = `${orderId}/${body.packageDetail.packageReferenceId}`;
  try {
    await client.call('confirmShipment', 'POST', `/orders/v0/orders/${encodeURIComponent(orderId)}/shipmentConfirmation`, noContentSchema, {
      what: `the shipment ${shipment.trackingNumber} of order ${shipment.orderNumber}`,
      body,
      // The same packageReferenceId again is answered "already confirmed", never a second package.
      idempotent: true,
    });
    return { outcome: 'accepted', remoteId, alreadyExisted: false };
  } catch (err) {
    if (!(err instanceof AmazonApiError) || err.status !== 400) throw err;
    if (/already/i.test(err.amazonMessage ?? '') && /package/i.test(err.amazonMessage ?? '')) return { outcome: 'accepted', remoteId, alreadyExisted: true };
    return { outcome: 'refused', reason: `Amazon refused the shipment ${shipment.trackingNumber} of order ${shipment.orderNumber}: ${err.amazonMessage ?? 'InvalidInput'}` };
  }
}

/** The order's marketplace: the only one of the settings, else asked of getOrder. */
async function marketplaceOf(client: SpApiClient, settings: AmazonSettings, orderId: string): Promise<string> {
  if (settings.marketplaceIds.length === 1) return settings.marketplaceIds[0];
  const reply = await client.call('getOrder', 'GET', `/orders/v0/orders/${encodeURIComponent(orderId)}`, getOrderReplySchema, { what: `order ${orderId}` });
  const id = (reply.payload as { MarketplaceId?: unknown } | null)?.MarketplaceId;
  if (typeof id !== 'string' || id === '') throw new DockhandError('transient', `${client.label} sent order ${orderId} without its MarketplaceId`);
  return id;
}
