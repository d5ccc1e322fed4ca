import { DockhandError, isDockhandError } from '../../../shared/errors.js';
import type { ShipmentToUpload, ShipmentUploadResult } from '../connectors/carts/cart-connector.js';
import { getCart } from '../store/repositories/carts-repo.js';
import { getOrderRefs, getOrderState, setStatus } from '../store/repositories/orders-repo.js';
import {
  markShipmentFailed,
  markShipmentUploaded,
  pendingShipments,
  shipmentStatusCounts,
  type ShipmentRow,
} from '../store/repositories/shipments-repo.js';
import { mapWithConcurrency } from './concurrency.js';
import { throwIfAborted, type RunContext } from './run-context.js';

/** Shipments per saved chunk, and uploads in flight at once (the connector's limiter paces them). */
const CHUNK = 200;
const IN_FLIGHT = 4;
/** With a connector that uploads in batches: shipments per call, calls in flight, shipments per saved chunk. */
const BATCH = 25;
const BATCHES_IN_FLIGHT = 4;
const BATCHED_CHUNK = BATCH * BATCHES_IN_FLIGHT * 4;

type Outcome = { shipment: ShipmentRow; ok: ShipmentUploadResult } | { shipment: ShipmentRow; refused: string };

/**
 * Shipment Upload (per cart connection): each pending shipment goes to the cart; the order is
 * Confirmed only once the cart accepted all of its shipments. Results are saved per chunk: a crash
 * before the save repeats the uploads, which the connector makes idempotent (it finds a fulfillment
 * with the same tracking number instead of creating another). A shipment the cart refuses for its
 * data is marked failed with the cart's reason while the others go on; auth and network errors fail
 * the run after saving what was accepted.
 *
 * A connector with uploadShipments gets batches of about 25 (a few in flight), all shipments of one
 * order in the same batch; otherwise each shipment goes through uploadShipment.
 */
export async function uploadShipments(rc: RunContext, cartId: number): Promise<void> {
  const cart = await rc.store.read((db) => getCart(db, cartId));
  if (!cart) throw new DockhandError('not_found', `Cart connection ${cartId} does not exist`);
  const { connector, manifest } = rc.connectors.cart(cart, {
    signal: rc.signal,
    onThrottle: (ms) => (rc.report.throttleWaitMs += ms),
  });
  const upload = connector.uploadShipment?.bind(connector);
  const uploadMany = connector.uploadShipments?.bind(connector);
  if (!manifest.capabilities.shipments || (!upload && !uploadMany)) {
    throw new DockhandError('config', `${manifest.displayName} does not accept shipments`);
  }

  /** Uploads one chunk; run-level failures are returned (not thrown) so accepted outcomes still get saved. */
  const uploadChunk = async (present: PendingItem[]): Promise<{ outcomes: Outcome[]; failure?: unknown }> => {
    const outcomes: Outcome[] = [];
    let failure: unknown;
    if (uploadMany) {
      await mapWithConcurrency(batchesByOrder(present), BATCHES_IN_FLIGHT, async (batch) => {
        if (failure) return;
        try {
          const results = await uploadMany(batch.map(toUpload));
          results.forEach((r, k) => {
            const shipment = batch[k].shipment;
            if ('ok' in r) outcomes.push({ shipment, ok: r.ok });
            else if (r.error.kind === 'data') outcomes.push({ shipment, refused: r.error.message });
            else failure ??= r.error;
          });
        } catch (err) {
          failure ??= err;
        }
      });
    } else if (upload) {
      await mapWithConcurrency(present, IN_FLIGHT, async (item) => {
        if (failure) return;
        try {
          outcomes.push({ shipment: item.shipment, ok: await upload(toUpload(item)) });
        } catch (err) {
          if (isDockhandError(err) && err.kind === 'data') outcomes.push({ shipment: item.shipment, refused: err.message });
          else failure ??= err;
        }
      });
    }
    return { outcomes, failure };
  };

  // A pipeline: while one chunk's outcomes are saved, the next chunk is already with the cart. The next
  // chunk never holds a shipment (or an order) of the chunk not yet saved, so no order's lines are
  // allocated by two uploads at once and nothing is uploaded twice in one run.
  const chunkSize = uploadMany ? BATCHED_CHUNK : CHUNK;
  const orphans = new Set<number>();
  let previous: { chunk: PendingItem[]; outcomes: Outcome[]; failure?: unknown } | undefined;
  let done = 0;
  for (;;) {
    throwIfAborted(rc.signal);
    const busy = previous ? new Set(previous.chunk.map((c) => c.shipment.id)) : new Set<number>();
    const busyOrders = previous ? new Set(previous.chunk.map((c) => c.shipment.orderId)) : new Set<number>();
    const chunk: PendingItem[] = previous?.failure
      ? []
      : await rc.store.read((db) => {
          const picked: PendingItem[] = [];
          for (const s of pendingShipments(db, cartId, chunkSize + busy.size + orphans.size)) {
            if (busy.has(s.id) || busyOrders.has(s.orderId) || orphans.has(s.id)) continue;
            const order = getOrderRefs(db, s.orderId);
            if (!order) orphans.add(s.id); // its order is gone: nothing to upload it for
            else if (picked.length < chunkSize) picked.push({ shipment: s, order });
          }
          return picked;
        });
    const uploading = chunk.length > 0 ? uploadChunk(chunk) : undefined;
    if (previous) {
      await saveOutcomes(rc, cart.name, previous.outcomes, new Map(previous.chunk.map((c) => [c.shipment.id, c.order.orderNumber])));
      done += previous.outcomes.length;
      rc.progress(done);
      if (previous.failure) throw previous.failure;
    }
    if (!uploading) {
      if (!previous) break;
      previous = undefined; // what the saved chunk held back is eligible again
      continue;
    }
    previous = { chunk, ...(await uploading) };
  }
}

type PendingItem = { shipment: ShipmentRow; order: { cartOrderId: string; orderNumber: string } };

function toUpload({ shipment: s, order }: PendingItem): ShipmentToUpload {
  return {
    cartOrderId: order.cartOrderId,
    orderNumber: order.orderNumber,
    carrier: s.carrier,
    service: s.service ?? undefined,
    trackingNumber: s.trackingNumber,
    trackingUrl: s.trackingUrl ?? undefined,
    shipDate: s.shipDate,
    items: s.items.map((i) => ({ cartLineId: i.cartLineId ?? '', sku: i.sku, quantity: i.quantity })),
  };
}

/**
 * Batches of about BATCH shipments in which all shipments of one order travel together (in their saved
 * order), so two batches in flight never allocate the same order's lines at the same time.
 */
function batchesByOrder(items: PendingItem[]): PendingItem[][] {
  const byOrder = new Map<number, PendingItem[]>();
  for (const item of items) {
    const list = byOrder.get(item.shipment.orderId);
    if (list) list.push(item);
    else byOrder.set(item.shipment.orderId, [item]);
  }
  const batches: PendingItem[][] = [];
  let current: PendingItem[] = [];
  for (const group of byOrder.values()) {
    if (current.length > 0 && current.length + group.length > BATCH) {
      batches.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function saveOutcomes(rc: RunContext, cartName: string, outcomes: Outcome[], numbers: Map<number, string>): Promise<void> {
  if (outcomes.length === 0) return;
  await rc.store.write((db) => {
    const now = rc.nowIso();
    for (const o of outcomes) {
      const s = o.shipment;
      const state = getOrderState(db, s.orderId);
      if ('ok' in o) {
        markShipmentUploaded(db, s.id, o.ok.remoteId, now);
        const counts = shipmentStatusCounts(db, s.orderId);
        if (state && state.status === 'shipped' && counts.pending === 0 && counts.error === 0) {
          setStatus(db, s.orderId, 'shipped', 'confirmed', `Tracking ${s.trackingNumber} accepted by ${cartName}`, now);
        }
        rc.report.add(o.ok.alreadyExisted ? 'alreadyUploaded' : 'uploaded');
      } else {
        markShipmentFailed(db, s.id, o.refused, true);
        if (state) setStatus(db, s.orderId, state.status, 'error', `Tracking ${s.trackingNumber} refused by the cart: ${o.refused}`, now);
        rc.report.add('failed');
        rc.report.error(o.refused, numbers.get(s.id));
      }
    }
  });
}
