import type { ShipmentToUpload, ShipmentUploadResult } from '../connectors/carts/cart-connector.js';
import { addHistory, confirmIfAllShipmentsUploaded, getOrderState, setStatus } from '../store/repositories/orders-repo.js';
import {
  markShipmentFailed,
  markShipmentSubmitted,
  markShipmentUploaded,
  type ShipmentOrderRefs,
  type ShipmentRow,
} from '../store/repositories/shipments-repo.js';
import type { RunContext } from './run-context.js';

/** A shipment read for the cart, with how the cart knows its order. */
export type PendingItem = { shipment: ShipmentRow; order: ShipmentOrderRefs };

/** What the cart said of one shipment: on its upload, or on a later check of a submitted one. */
export type Outcome = { item: PendingItem; result: ShipmentUploadResult };

/** A refusal for the shipment's data (a thrown or returned DockhandError of kind data) as an outcome. */
export const refused = (reason: string): ShipmentUploadResult => ({ outcome: 'refused', reason });

export function toUpload({ shipment: s, order }: PendingItem): ShipmentToUpload {
  return {
    cartOrderId: order.cartOrderId,
    orderNumber: order.orderNumber,
    carrier: s.carrier,
    service: s.service ?? undefined,
    trackingNumber: s.trackingNumber,
    trackingUrl: s.trackingUrl ?? undefined,
    shipDate: s.shipDate,
    items: s.items.map((i) => ({ cartLineId: i.cartLineId ?? '', sku: i.sku, quantity: i.quantity })),
    packageRef: String(s.id),
  };
}

/**
 * Saves outcomes in one transaction. Accepted: the shipment is uploaded and its order Confirmed once
 * all of its shipments are. Submitted: kept to be checked on later runs, noted once in the order's
 * history (a later check that finds it still processing only keeps the cart's reference). Refused: the
 * shipment fails with the cart's reason and its order goes to Error; the others are not held up.
 */
export async function saveOutcomes(rc: RunContext, cartName: string, outcomes: Outcome[], stage: 'upload' | 'check'): Promise<void> {
  await rc.store.write((db) => {
    const now = rc.nowIso();
    for (const { item, result } of outcomes) {
      const s = item.shipment;
      switch (result.outcome) {
        case 'accepted':
          markShipmentUploaded(db, s.id, result.remoteId, now);
          confirmIfAllShipmentsUploaded(db, s.orderId, `Tracking ${s.trackingNumber} accepted by ${cartName}`, now);
          rc.report.add(stage === 'check' ? 'acceptedLater' : result.alreadyExisted ? 'alreadyUploaded' : 'uploaded');
          break;
        case 'submitted': {
          markShipmentSubmitted(db, s.id, result.remoteId, now);
          if (stage === 'check') {
            rc.report.add('stillSubmitted');
            break;
          }
          const state = getOrderState(db, s.orderId);
          const note = `Tracking ${s.trackingNumber} submitted to ${cartName}, which processes it later: Dockhand checks it on the next runs`;
          if (state) addHistory(db, s.orderId, state.status, state.status, note, now);
          rc.report.add('submitted');
          break;
        }
        case 'refused': {
          const state = getOrderState(db, s.orderId);
          markShipmentFailed(db, s.id, result.reason, true);
          if (state) setStatus(db, s.orderId, state.status, 'error', `Tracking ${s.trackingNumber} refused by the cart: ${result.reason}`, now);
          rc.report.add(stage === 'check' ? 'refusedLater' : 'failed');
          rc.report.error(result.reason, item.order.orderNumber);
          break;
        }
      }
    }
  });
}
