import { isDockhandError } from '../../../shared/errors.js';
import type { TrackingAddResult, TrackingToAdd } from '../connectors/carts/cart-connector.js';
import { addHistory, getOrderState } from '../store/repositories/orders-repo.js';
import { keptPackagesToAdd, markKeptRefused, markShipmentUploaded, type KeptPackageRow } from '../store/repositories/shipments-repo.js';
import { throwIfAborted, type RunContext } from './run-context.js';

/** Kept packages read (and their outcomes saved) this many at a time. */
const CHUNK = 200;

/** The carrier and tracking page under the cart's names (as the upload maps them: carrierForCart). */
export type CartCarrier = (s: { carrier: string; trackingNumber: string; trackingUrl?: string }) => { carrier: string; trackingUrl?: string };

type Outcome = { row: KeptPackageRow; result: TrackingAddResult };

/**
 * The second part of a Shipment Upload, for a cart that can add a tracking number to a shipment it holds
 * (CartConnector.addTracking): each kept package (a box of an order whose lines all went out in its earlier
 * boxes) whose order's shipments with lines are all uploaded joins the latest of them at the cart, so the
 * end customer sees every box's number. Accepted: the package is 'uploaded', with the cart's id of the
 * shipment it joined. Refused: it stays kept on the order with the reason (in the run's errors and the
 * order's history) and is not sent again. An auth or network error stops the run once the outcomes so far
 * are saved; the connector finds a number it already added, so a rerun after a crash adds nothing twice.
 */
export async function uploadKeptPackages(
  rc: RunContext,
  cartId: number,
  cartName: string,
  addTracking: (t: TrackingToAdd) => Promise<TrackingAddResult>,
  cartCarrier: CartCarrier,
): Promise<void> {
  let afterId = 0;
  for (;;) {
    throwIfAborted(rc.signal);
    const rows = await rc.store.read((db) => keptPackagesToAdd(db, cartId, CHUNK, afterId));
    if (rows.length === 0) return;
    afterId = rows[rows.length - 1].shipment.id;
    const outcomes: Outcome[] = [];
    let failure: unknown;
    for (const row of rows) {
      if (rc.signal.aborted) break;
      try {
        outcomes.push({ row, result: await addTracking(toAdd(row, cartCarrier)) });
      } catch (err) {
        if (isDockhandError(err) && err.kind === 'data') outcomes.push({ row, result: { outcome: 'refused', reason: err.message } });
        else {
          failure = err;
          break;
        }
      }
    }
    await saveKeptOutcomes(rc, cartName, outcomes);
    if (failure) throw failure;
    if (rows.length < CHUNK) return;
  }
}

function toAdd({ shipment: s, order, joins }: KeptPackageRow, cartCarrier: CartCarrier): TrackingToAdd {
  const mapped = cartCarrier({ carrier: s.carrier, trackingNumber: s.trackingNumber, trackingUrl: s.trackingUrl ?? undefined });
  return {
    cartOrderId: order.cartOrderId,
    orderNumber: order.orderNumber,
    carrier: mapped.carrier,
    service: s.service ?? undefined,
    trackingNumber: s.trackingNumber,
    trackingUrl: mapped.trackingUrl,
    shipDate: s.shipDate,
    joinsTrackingNumber: joins.trackingNumber,
    joinsRemoteId: joins.remoteId,
  };
}

async function saveKeptOutcomes(rc: RunContext, cartName: string, outcomes: Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await rc.store.write((db) => {
    const now = rc.nowIso();
    for (const { row, result } of outcomes) {
      const s = row.shipment;
      const state = getOrderState(db, s.orderId);
      const beside = row.joins.trackingNumber ? `beside tracking ${row.joins.trackingNumber}` : 'beside its other package';
      if (result.outcome === 'accepted') {
        markShipmentUploaded(db, s.id, result.remoteId, now);
        if (!result.alreadyExisted && state) addHistory(db, s.orderId, state.status, state.status, `Package ${s.trackingNumber} added to ${cartName} ${beside}`, now);
        rc.report.add(result.alreadyExisted ? 'trackingAlreadyAdded' : 'trackingAdded');
      } else {
        markKeptRefused(db, s.id, result.reason);
        const note = `Package ${s.trackingNumber} stays on the order only: ${cartName} refused to add it ${beside}: ${result.reason}`;
        if (state) addHistory(db, s.orderId, state.status, state.status, note, now);
        rc.report.add('trackingRefused');
        rc.report.error(result.reason, row.order.orderNumber);
      }
    }
  });
}
