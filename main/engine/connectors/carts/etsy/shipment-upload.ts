import { z } from 'zod';
import { carrierForCart } from '../../../../../shared/carrier-mapping.js';
import { DockhandError } from '../../../../../shared/errors.js';
import { etsyPlatform } from '../../../../../shared/platforms/etsy.js';
import { OutcomeUnknownError } from '../../../net/index.js';
import type { ShipmentToUpload, ShipmentUploadResult } from '../cart-connector.js';
import { receiptShipmentSchema } from './payload-schemas.js';
import type { EtsyClient } from './rest-client.js';

/**
 * A tracking number -> the receipt, through createReceiptShipment (POST
 * /shops/{shop_id}/receipts/{receipt_id}/tracking, form-encoded tracking_code and carrier_name). Etsy
 * ties tracking to the whole receipt (the descriptor's tracking 'per_order': the upload sends an order's
 * numbers once all of it shipped, one per call), and the first one marks the receipt shipped and
 * e-mails the buyer.
 *
 * Idempotent by the tracking number: the receipt is read first, and one that already carries the number
 * is not sent it again; a create whose outcome is unknown is looked up the same way before anyone
 * tries again. That read also checks the shipment's lines are the receipt's transactions.
 */

const receiptShipmentsSchema = z.object({
  receipt_id: z.number().int(),
  shipments: z.array(receiptShipmentSchema).nullish(),
  transactions: z.array(z.object({ transaction_id: z.number().int() })).optional(),
});

export async function uploadEtsyShipment(
  client: EtsyClient,
  shopId: string,
  shipment: ShipmentToUpload,
  carrierOverrides: Record<string, string> = {},
): Promise<ShipmentUploadResult> {
  const receiptId = shipment.cartOrderId.trim();
  if (!/^\d+$/.test(receiptId)) return refused(`Order ${shipment.orderNumber}: "${shipment.cartOrderId}" is not an Etsy receipt id`);
  if (shipment.trackingNumber.trim() === '') return refused(`Order ${shipment.orderNumber}: the shipment has no tracking number`);
  const path = `/shops/${shopId}/receipts/${receiptId}`;
  let receipt;
  try {
    receipt = await client.get(path, receiptShipmentsSchema, { what: `receipt ${receiptId}` });
  } catch (err) {
    if (err instanceof DockhandError && err.kind === 'not_found') return refused(`Etsy has no receipt ${receiptId} in this shop (order ${shipment.orderNumber})`);
    throw err;
  }
  const existing = shipmentWith(receipt.shipments, shipment.trackingNumber);
  if (existing) return { outcome: 'accepted', remoteId: existing, alreadyExisted: true };
  if (receipt.transactions) {
    const ids = new Set(receipt.transactions.map((t) => String(t.transaction_id)));
    const strangers = shipment.items.filter((i) => !ids.has(i.cartLineId));
    if (strangers.length > 0) {
      return refused(`Order ${shipment.orderNumber}: Etsy's receipt ${receiptId} has no line ${strangers.map((s) => `${s.sku} (${s.cartLineId})`).join(', ')}`);
    }
  }
  const carrier = carrierForCart(etsyPlatform.carriers, carrierOverrides, shipment);
  const form = new URLSearchParams({ tracking_code: shipment.trackingNumber.trim(), carrier_name: carrier.carrier });
  try {
    const after = await client.post(`${path}/tracking`, receiptShipmentsSchema, { what: `marking receipt ${receiptId} shipped`, form, creates: true });
    return { outcome: 'accepted', remoteId: shipmentWith(after.shipments, shipment.trackingNumber) ?? `${receiptId}:${shipment.trackingNumber.trim()}`, alreadyExisted: false };
  } catch (err) {
    if (err instanceof DockhandError && err.kind === 'data') return refused(`Order ${shipment.orderNumber}: ${err.message}`);
    if (!(err instanceof OutcomeUnknownError)) throw err;
    const again = await client.get(path, receiptShipmentsSchema, { what: `receipt ${receiptId}` });
    const created = shipmentWith(again.shipments, shipment.trackingNumber);
    if (created) return { outcome: 'accepted', remoteId: created, alreadyExisted: false };
    throw err;
  }
}

/** The id of the receipt's shipment carrying this tracking number, if it has one. */
function shipmentWith(shipments: z.infer<typeof receiptShipmentSchema>[] | null | undefined, trackingNumber: string): string | undefined {
  const wanted = trackingNumber.trim();
  const match = (shipments ?? []).find((s) => (s.tracking_code ?? '').trim() === wanted);
  if (!match) return undefined;
  return match.receipt_shipping_id != null ? String(match.receipt_shipping_id) : wanted;
}

function refused(reason: string): ShipmentUploadResult {
  return { outcome: 'refused', reason };
}
