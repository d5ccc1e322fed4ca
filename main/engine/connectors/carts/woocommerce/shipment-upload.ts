import { DockhandError } from '../../../../../shared/errors.js';
import type { ShipmentToUpload } from '../cart-connector.js';
import { addOrderNote, addTracking, completeOrder, listOrderNotes, listTrackings } from './orders-api.js';
import type { WooRestClient } from './rest-client.js';
import { isLedgerNote } from './shipment-ledger.js';
import { trackingInputFor } from './tracking-provider.js';

/**
 * One shipment to WooCommerce, per order (WooCommerce has no line-level fulfilment): a tracking item
 * through the Shipment Tracking extension when the store has it, else a note to the customer; then, when
 * the shipment completes the order, status completed (which mails the customer, so tracking goes first).
 * A re-sent shipment finds its tracking number already there and adds nothing; a create that timed out
 * is looked up the same way before anything is sent again.
 */

/**
 * The tracking item's id (or "note:<id>"), and whether it was there already. The plugin reports it as
 * the cart interface's accepted outcome (main's WooShipmentResult now carries `outcome`).
 */
export interface WooShipmentResult {
  remoteId: string;
  alreadyExisted: boolean;
}

export interface WooShipmentOptions {
  /** The store's Shipment Tracking provider names (listTrackingProviders), or undefined without the extension. */
  providers: readonly string[] | undefined;
  /** Every line of the order has now shipped: mark it completed. */
  completesOrder: boolean;
}

export async function uploadWooShipment(client: WooRestClient, shipment: ShipmentToUpload, options: WooShipmentOptions): Promise<WooShipmentResult> {
  const orderId = shipment.cartOrderId;
  if (!/^\d+$/.test(orderId)) throw new DockhandError('data', `Order ${shipment.orderNumber} has no WooCommerce order id (${orderId})`);
  // A shipment without a tracking number has no tracking item to add: the customer note says it shipped.
  const result = options.providers && shipment.trackingNumber ? await viaTracking(client, shipment, options.providers) : await viaNote(client, shipment);
  if (options.completesOrder) await completeOrder(client, orderId);
  return result;
}

async function viaTracking(client: WooRestClient, shipment: ShipmentToUpload, providers: readonly string[]): Promise<WooShipmentResult> {
  const existing = await listTrackings(client, shipment.cartOrderId);
  const found = existing?.find((t) => t.tracking_number === shipment.trackingNumber);
  if (found) return { remoteId: found.tracking_id, alreadyExisted: true };
  const created = await addTracking(client, shipment.cartOrderId, trackingInputFor(shipment, providers));
  if (!created) {
    // The extension was uninstalled since the providers were read: the note still tells the customer.
    return viaNote(client, shipment);
  }
  return { remoteId: created.tracking_id, alreadyExisted: false };
}

async function viaNote(client: WooRestClient, shipment: ShipmentToUpload): Promise<WooShipmentResult> {
  // The ledger note of the package (shipment-ledger.ts) names the tracking number too: not the customer's note.
  // Without a tracking number no note names the shipment: the package's ledger note tells a re-send.
  if (shipment.trackingNumber) {
    const notes = await listOrderNotes(client, shipment.cartOrderId);
    const found = notes.find((n) => !isLedgerNote(n.note) && n.note.includes(shipment.trackingNumber));
    if (found) return { remoteId: `note:${found.id}`, alreadyExisted: true };
  }
  const id = await addOrderNote(client, shipment.cartOrderId, shippedNote(shipment), true);
  return { remoteId: `note:${id}`, alreadyExisted: false };
}

/** What the customer reads (customer notes are mailed to them). */
export function shippedNote(shipment: Pick<ShipmentToUpload, 'carrier' | 'service' | 'trackingNumber' | 'trackingUrl'>): string {
  const carrier = [shipment.carrier, shipment.service].filter((s) => s && s.trim() !== '').join(' ');
  const link = shipment.trackingUrl ? `: ${shipment.trackingUrl}` : '';
  const shipped = `Your order has shipped with ${carrier || 'the carrier'}.`;
  return shipment.trackingNumber ? `${shipped} Tracking number ${shipment.trackingNumber}${link}` : shipped;
}
