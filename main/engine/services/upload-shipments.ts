import { DockhandError, isDockhandError } from '../../../shared/errors.js';
import type { ShipmentToUpload, ShipmentUploadResult } from '../connectors/carts/cart-connector.js';
import { carrierForCart } from '../../../shared/carrier-mapping.js';
import type { PlatformCarriers } from '../../../shared/platforms/cart-platform.js';
import { cartPlatform } from '../../../shared/platforms/index.js';
import { getCarrierNames } from '../store/repositories/cart-carrier-names-repo.js';
import { getCart } from '../store/repositories/carts-repo.js';
import { confirmIfAllShipmentsUploaded, getOrderState, setStatus } from '../store/repositories/orders-repo.js';
import {
  markShipmentFailed,
  markShipmentUploaded,
  pendingShipments,
  type ShipmentOrderRefs,
  type ShipmentRow,
} from '../store/repositories/shipments-repo.js';
import { throwIfAborted, type RunContext } from './run-context.js';

/**
 * How the upload is paced. A connector with uploadShipments gets batches of about 25 shipments, eight in
 * flight (Shopify: two requests per batch, so the round trips overlap); one with only uploadShipment gets
 * one order's shipments per call, four in flight. Outcomes are saved every SAVE_EVERY, and pending
 * shipments are read READ_AHEAD at a time.
 */
const BATCHED = { size: 25, inFlight: 8 } as const;
const SINGLE = { size: 1, inFlight: 4 } as const;
const SAVE_EVERY = 800;
const READ_AHEAD = 800;

type PendingItem = { shipment: ShipmentRow; order: ShipmentOrderRefs };
type Outcome = { item: PendingItem; ok: ShipmentUploadResult } | { item: PendingItem; refused: string };
/** What one call to the cart gave: per-shipment outcomes, and a run-level failure (auth, network) if any. */
type Sent = { outcomes: Outcome[]; failure?: unknown };

/**
 * Shipment Upload (per cart connection): each pending shipment goes to the cart; the order is Confirmed
 * only once the cart accepted all of its shipments. A shipment the cart refuses for its data is marked
 * failed with the cart's reason while the others go on; an auth or network error stops the run after the
 * calls already in flight finished and everything accepted was saved.
 *
 * A pipeline: batches keep flowing while earlier outcomes are saved and more pending shipments are read.
 * Within a round, reads go forward by shipment id, so no shipment is read twice; a shipment whose order
 * has another one read and not yet saved is passed over and comes back in the next round, once that one is
 * durable. So nothing is uploaded twice in one run and no two calls allocate the same order's lines at
 * once. A crash before a save repeats those uploads, which the connector makes idempotent (it finds a
 * fulfillment with the same tracking number instead of creating another).
 */
export async function uploadShipments(rc: RunContext, cartId: number): Promise<void> {
  const { cart, carrierNames } = await rc.store.read((db) => ({ cart: getCart(db, cartId), carrierNames: getCarrierNames(db, cartId) }));
  if (!cart) throw new DockhandError('not_found', `Cart connection ${cartId} does not exist`);
  const toUpload = uploadFor(cartPlatform(cart.platform)?.carriers ?? { names: {}, custom: 'name' }, carrierNames);
  const { connector, manifest } = rc.connectors.cart(cart, {
    signal: rc.signal,
    onThrottle: (ms) => (rc.report.throttleWaitMs += ms),
  });
  const upload = connector.uploadShipment?.bind(connector);
  const uploadMany = connector.uploadShipments?.bind(connector);
  if (!manifest.capabilities.shipments || (!upload && !uploadMany)) {
    throw new DockhandError('config', `${manifest.displayName} does not accept shipments`);
  }

  const send = async (batch: PendingItem[]): Promise<Sent> => {
    const outcomes: Outcome[] = [];
    if (uploadMany) {
      try {
        const results = await uploadMany(batch.map(toUpload));
        let failure: unknown;
        results.forEach((r, k) => {
          const item = batch[k];
          if ('ok' in r) outcomes.push({ item, ok: r.ok });
          else if (r.error.kind === 'data') outcomes.push({ item, refused: r.error.message });
          else failure ??= r.error;
        });
        return { outcomes, failure };
      } catch (err) {
        return { outcomes, failure: err };
      }
    }
    // One at a time, in saved order: a batch here is one order's shipments.
    for (const item of batch) {
      try {
        outcomes.push({ item, ok: await upload!(toUpload(item)) });
      } catch (err) {
        if (isDockhandError(err) && err.kind === 'data') outcomes.push({ item, refused: err.message });
        else return { outcomes, failure: err };
      }
    }
    return { outcomes };
  };

  const pipeline = new UploadPipeline(rc, cartId, cart.name, uploadMany ? BATCHED : SINGLE, send);
  await pipeline.run();
}

/** The moving parts of one upload run; see uploadShipments. */
class UploadPipeline {
  /** Order id -> shipments of it read in this run and not yet saved. */
  private readonly claimedOrders = new Map<number, number>();
  /** Reads go forward from here within a round; shipments passed over come back in the next round. */
  private readAfterId = 0;
  private queue: PendingItem[][] = [];
  private refilling: Promise<number> | undefined;
  private unsaved: Outcome[] = [];
  private saving: Promise<void> = Promise.resolve();
  private failure: unknown;
  private done = 0;

  constructor(
    private readonly rc: RunContext,
    private readonly cartId: number,
    private readonly cartName: string,
    private readonly pace: { size: number; inFlight: number },
    private readonly send: (batch: PendingItem[]) => Promise<Sent>,
  ) {}

  async run(): Promise<void> {
    // Rounds end when no worker finds anything to send; a round that sent nothing means nothing is left
    // (shipments held back behind a claimed order are eligible again once that order's outcomes are saved).
    for (;;) {
      const before = this.done;
      this.readAfterId = 0;
      await Promise.all(Array.from({ length: this.pace.inFlight }, () => this.worker()));
      this.save();
      await this.saving;
      if (this.failure) throw this.failure;
      throwIfAborted(this.rc.signal);
      if (this.done === before) return;
    }
  }

  private async worker(): Promise<void> {
    for (;;) {
      if (this.failure || this.rc.signal.aborted) return;
      if (this.queue.length < this.pace.inFlight) void this.refill(); // read ahead while batches are out
      const batch = this.queue.shift();
      if (!batch) {
        if ((await this.refill()) === 0 && this.queue.length === 0) return;
        continue;
      }
      const sent = await this.send(batch);
      this.failure ??= sent.failure;
      this.unsaved.push(...sent.outcomes);
      if (this.unsaved.length >= SAVE_EVERY) this.save();
    }
  }

  /** Reads more pending shipments into batches (one read at a time); resolves to the number of batches added. */
  private refill(): Promise<number> {
    this.refilling ??= this.rc.store
      .read((db) => {
        const picked: PendingItem[] = [];
        for (;;) {
          const rows = pendingShipments(db, this.cartId, READ_AHEAD, this.readAfterId);
          for (const { shipment: s, order } of rows) {
            this.readAfterId = s.id;
            // Another shipment of its order is still out: it waits for the next round.
            if (this.claimedOrders.has(s.orderId)) continue;
            if (order) picked.push({ shipment: s, order }); // else its order is gone: nothing to upload it for
          }
          if (picked.length > 0 || rows.length < READ_AHEAD) break;
        }
        for (const item of picked) this.claim(item.shipment);
        const batches = batchesByOrder(picked, this.pace.size);
        this.queue.push(...batches);
        return batches.length;
      })
      .catch((err: unknown) => {
        this.failure ??= err;
        return 0;
      })
      .finally(() => (this.refilling = undefined));
    return this.refilling;
  }

  /** Saves the outcomes gathered so far in one transaction, after any save still in progress. */
  private save(): void {
    const outcomes = this.unsaved;
    if (outcomes.length === 0) return;
    this.unsaved = [];
    const previous = this.saving;
    this.saving = previous.then(async () => {
      await saveOutcomes(this.rc, this.cartName, outcomes);
      for (const o of outcomes) this.release(o.item.shipment);
      this.done += outcomes.length;
      this.rc.progress(this.done);
    });
    this.saving.catch((err: unknown) => (this.failure ??= err));
  }

  private claim(s: ShipmentRow): void {
    this.claimedOrders.set(s.orderId, (this.claimedOrders.get(s.orderId) ?? 0) + 1);
  }

  private release(s: ShipmentRow): void {
    const left = (this.claimedOrders.get(s.orderId) ?? 1) - 1;
    if (left > 0) this.claimedOrders.set(s.orderId, left);
    else this.claimedOrders.delete(s.orderId);
  }
}

/**
 * A saved shipment as the cart is sent it: the carrier under the cart's name for it (its override, else
 * the platform's own name, else a custom carrier with its tracking page: carrier-mapping.ts).
 */
function uploadFor(platform: PlatformCarriers, carrierNames: Record<string, string>) {
  return ({ shipment: s, order }: PendingItem): ShipmentToUpload => ({
    cartOrderId: order.cartOrderId,
    orderNumber: order.orderNumber,
    ...carrierForUpload(platform, carrierNames, s),
    service: s.service ?? undefined,
    trackingNumber: s.trackingNumber,
    shipDate: s.shipDate,
    items: s.items.map((i) => ({ cartLineId: i.cartLineId ?? '', sku: i.sku, quantity: i.quantity })),
  });
}

function carrierForUpload(platform: PlatformCarriers, carrierNames: Record<string, string>, s: PendingItem['shipment']): { carrier: string; trackingUrl?: string } {
  const mapped = carrierForCart(platform, carrierNames, { carrier: s.carrier, trackingNumber: s.trackingNumber, trackingUrl: s.trackingUrl ?? undefined });
  return mapped.trackingUrl ? { carrier: mapped.carrier, trackingUrl: mapped.trackingUrl } : { carrier: mapped.carrier };
}

/**
 * Batches of about `size` shipments in which all shipments of one order travel together (in their saved
 * order), so two batches in flight never allocate the same order's lines at the same time.
 */
function batchesByOrder(items: PendingItem[], size: number): PendingItem[][] {
  const byOrder = new Map<number, PendingItem[]>();
  for (const item of items) {
    const list = byOrder.get(item.shipment.orderId);
    if (list) list.push(item);
    else byOrder.set(item.shipment.orderId, [item]);
  }
  const batches: PendingItem[][] = [];
  let current: PendingItem[] = [];
  for (const group of byOrder.values()) {
    if (current.length > 0 && current.length + group.length > size) {
      batches.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function saveOutcomes(rc: RunContext, cartName: string, outcomes: Outcome[]): Promise<void> {
  await rc.store.write((db) => {
    const now = rc.nowIso();
    for (const o of outcomes) {
      const s = o.item.shipment;
      if ('ok' in o) {
        markShipmentUploaded(db, s.id, o.ok.remoteId, now);
        confirmIfAllShipmentsUploaded(db, s.orderId, `Tracking ${s.trackingNumber} accepted by ${cartName}`, now);
        rc.report.add(o.ok.alreadyExisted ? 'alreadyUploaded' : 'uploaded');
      } else {
        const state = getOrderState(db, s.orderId);
        markShipmentFailed(db, s.id, o.refused, true);
        if (state) setStatus(db, s.orderId, state.status, 'error', `Tracking ${s.trackingNumber} refused by the cart: ${o.refused}`, now);
        rc.report.add('failed');
        rc.report.error(o.refused, o.item.order.orderNumber);
      }
    }
  });
}
