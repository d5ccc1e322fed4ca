import type { ShipmentToUpload, ShipmentUploadResult } from '../cart-connector.js';
import { mapWooOrder } from './order-mapper.js';
import { addOrderNote, listOrderNotes } from './orders-api.js';
import type { WooRestClient } from './rest-client.js';
import { isLedgerNote, ledgerNote, packageLabel, readLedgerNote, shippedPerLine } from './shipment-ledger.js';
import { uploadWooShipment } from './shipment-upload.js';

/**
 * One package to WooCommerce as the cart interface sees it: its lines checked against the order (lines
 * the order does not have are refused, the others of the run go on), its tracking sent
 * (shipment-upload.ts), the lines it carried written to the ledger (shipment-ledger.ts), and the order
 * completed once the ledger covers every line. Sent again, it finds its tracking and its ledger note.
 */
export async function uploadWooPackage(
  client: WooRestClient,
  shipment: ShipmentToUpload,
  providers: () => Promise<readonly string[] | undefined>,
): Promise<ShipmentUploadResult> {
  if (!/^\d+$/.test(shipment.cartOrderId)) {
    return { outcome: 'refused', reason: `Order ${shipment.orderNumber} has no WooCommerce order id (${shipment.cartOrderId})` };
  }
  const reply = await client.get(`wc/v3/orders/${shipment.cartOrderId}`);
  const mapped = mapWooOrder(reply.value);
  if (!mapped.ok) return { outcome: 'refused', reason: `Order ${shipment.orderNumber} cannot be read in WooCommerce: ${mapped.reason}` };
  const ordered = new Map(mapped.order.lines.map((l) => [l.cartLineId ?? '', l.quantity]));
  const strangers = shipment.items.filter((i) => !ordered.has(i.cartLineId));
  if (strangers.length > 0) {
    const named = strangers.map((i) => `${i.sku || 'no SKU'} (line ${i.cartLineId})`).join(', ');
    return { outcome: 'refused', reason: `Order ${shipment.orderNumber} in WooCommerce has no line ${named}` };
  }

  const notes = await listOrderNotes(client, shipment.cartOrderId);
  const label = packageLabel(shipment);
  const recorded = notes.some((n) => isLedgerNote(n.note) && readLedgerNote(n.note)?.trackingNumber === label);
  // A package without a tracking number whose ledger note is there was sent already (the note is written last).
  if (recorded && !shipment.trackingNumber) return { outcome: 'accepted', remoteId: `package:${label}`, alreadyExisted: true };
  const shipped = shippedPerLine(notes, label);
  for (const item of shipment.items) shipped[item.cartLineId] = (shipped[item.cartLineId] ?? 0) + item.quantity;
  const completesOrder = [...ordered].every(([line, quantity]) => (shipped[line] ?? 0) >= quantity);

  const result = await uploadWooShipment(client, shipment, { providers: await providers(), completesOrder });
  if (!recorded) await addOrderNote(client, shipment.cartOrderId, ledgerNote(shipment), false);
  return { outcome: 'accepted', ...result };
}
