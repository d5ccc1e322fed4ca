import { DockhandError } from '../../../../../shared/errors.js';
import type { ShipmentToUpload, ShipmentUploadResult } from '../cart-connector.js';
import { carrierFields, type BcCarrierOverrides } from './carrier-fields.js';
import { bcOrderProductsSchema, bcShipmentSchema, describeIssues } from './schemas.js';
import { readAllPages } from './read-all-pages.js';
import { BigCommerceHttpError, type BigCommerceClient } from './rest-client.js';

/**
 * One shipment to POST /v2/orders/{id}/shipments. BigCommerce needs the order_address_id the lines
 * ship to and the lines as order_product_id + quantity. Re-sending is safe: a shipment of the order
 * with the same tracking number is found first and reported as already there, which is also how a
 * create whose outcome stayed unknown (OutcomeUnknownError) is settled on the next try.
 */

export async function uploadShipment(client: BigCommerceClient, shipment: ShipmentToUpload, overrides?: BcCarrierOverrides): Promise<ShipmentUploadResult> {
  const orderPath = `/v2/orders/${encodeURIComponent(shipment.cartOrderId)}`;
  try {
    const existing = await findByTracking(client, orderPath, shipment.trackingNumber);
    if (existing) return { outcome: 'accepted', remoteId: existing, alreadyExisted: true };

    const lines = bcOrderProductsSchema.safeParse(await readAllPages(client, `${orderPath}/products`));
    if (!lines.success) throw client.malformed(`the lines of order ${shipment.cartOrderId}: ${describeIssues(lines.error, 'products')}`);
    const byId = new Map(lines.data.map((line) => [String(line.id), line]));
    const addressIds = new Set<number>();
    const items = shipment.items.map((item) => {
      const line = byId.get(item.cartLineId);
      if (!line) throw refusal(shipment, `has no line ${item.cartLineId} (${item.sku})`);
      const open = line.quantity - line.quantity_shipped - (line.quantity_refunded ?? 0);
      if (item.quantity > open) throw refusal(shipment, `line ${item.sku} has ${Math.max(0, open)} left to ship, not ${item.quantity}`);
      addressIds.add(line.order_address_id);
      return { order_product_id: line.id, quantity: item.quantity };
    });
    if (items.length === 0) throw refusal(shipment, 'has no items to ship');
    // One shipment goes to one address; the order mapper refuses orders with several, so this is a guard.
    if (addressIds.size !== 1) throw refusal(shipment, 'ships lines to different addresses in one shipment');

    const body = {
      order_address_id: [...addressIds][0],
      ...(shipment.trackingNumber ? { tracking_number: shipment.trackingNumber } : {}),
      ...(shipment.service ? { shipping_method: shipment.service } : {}),
      ...carrierFields(shipment.carrier, shipment.trackingUrl, overrides),
      items,
    };
    const created = bcShipmentSchema.safeParse(await client.post(`${orderPath}/shipments`, body));
    if (!created.success) throw client.malformed(`the created shipment: ${describeIssues(created.error)}`);
    return { outcome: 'accepted', remoteId: String(created.data.id), alreadyExisted: false };
  } catch (err) {
    if (err instanceof BigCommerceHttpError && err.status === 404) {
      throw new DockhandError('data', `Order ${shipment.orderNumber} is no longer in ${client.label} (HTTP 404)`, { cause: err });
    }
    throw err;
  }
}

/** Null for a shipment without a tracking number: BigCommerce's shipments without one all read "". */
async function findByTracking(client: BigCommerceClient, orderPath: string, trackingNumber: string): Promise<string | null> {
  if (trackingNumber === '') return null;
  for (const shipment of await readAllPages(client, `${orderPath}/shipments`)) {
    const parsed = bcShipmentSchema.safeParse(shipment);
    if (parsed.success && parsed.data.tracking_number === trackingNumber) return String(parsed.data.id);
  }
  return null;
}

function refusal(shipment: ShipmentToUpload, what: string): DockhandError {
  return new DockhandError('data', `Order ${shipment.orderNumber} ${what}`);
}
