import { DockhandError, isDockhandError } from '../../../shared/errors.js';
import { carrierForCart } from '../../../shared/carrier-mapping.js';
import { cartPlatform } from '../../../shared/platforms/index.js';
import { getCarrierNames } from '../store/repositories/cart-carrier-names-repo.js';
import { getCart } from '../store/repositories/carts-repo.js';
import { pendingShipments, type ShipmentRow } from '../store/repositories/shipments-repo.js';
import { throwIfAborted, type RunContext } from './run-context.js';
import { refused, saveOutcomes, toUpload as toUploadAsWritten, type Outcome, type PendingItem } from './shipment-outcomes.js';
import { checkSubmittedShipments } from './submitted-shipment-checks.js';
import { uploadKeptPackages, type CartCarrier } from './upload-kept-packages.js';

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

/** What one call to the cart gave: per-shipment outcomes, and a run-level failure (auth, network) if any. */
type Sent = { outcomes: Outcome[]; failure?: unknown };

/**
 * Shipment Upload (per cart connection): first the shipments the cart took to process later are checked
 * (submitted-shipment-checks.ts); then each pending shipment goes to the cart. The cart accepts it, takes
 * it to process later ('submitted', checked on later runs), or refuses it; the order is Confirmed only
 * once the cart accepted all of its shipments. A refused shipment is marked failed with the cart's reason
 * while the others go on; an auth or network error stops the run after the calls already in flight
 * finished and every outcome was saved.
 *
 * Last, where the cart can add a tracking number to a shipment it holds (addTracking), each box of an
 * order with no lines of its own ('kept') joins its order's uploaded shipment (upload-kept-packages.ts).
 *
 * A cart that takes tracking per order (manifest capabilities.tracking, cart-connector.ts) gets an
 * order's shipments only once the whole order has shipped, and one shipment of an order per call.
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
  // The carrier under the cart's name for it: its override, else the platform's own name, else a custom
  // carrier with its tracking page (shared/carrier-mapping.ts).
  const platformCarriers = cartPlatform(cart.platform)?.carriers ?? { names: {}, custom: 'name' as const };
  const cartCarrier: CartCarrier = (s) => {
    const mapped = carrierForCart(platformCarriers, carrierNames, { carrier: s.carrier, trackingNumber: s.trackingNumber, trackingUrl: s.trackingUrl });
    return { carrier: mapped.carrier, trackingUrl: mapped.trackingUrl };
  };
  const toUpload = (item: PendingItem) => {
    const upload = toUploadAsWritten(item);
    return { ...upload, ...cartCarrier(upload) };
  };
  const { connector, manifest } = rc.connectors.cart(cart, {
    signal: rc.signal,
    onThrottle: (ms) => (rc.report.throttleWaitMs += ms),
  });
  const upload = connector.uploadShipment?.bind(connector);
  const uploadMany = connector.uploadShipments?.bind(connector);
  if (!manifest.capabilities.shipments || (!upload && !uploadMany)) {
    throw new DockhandError('config', `${manifest.displayName} does not accept shipments`);
  }
  await checkSubmittedShipments(rc, cartId, cart.name, connector);

  const send = async (batch: PendingItem[]): Promise<Sent> => {
    const outcomes: Outcome[] = [];
    if (uploadMany) {
      try {
        const results = await uploadMany(batch.map(toUpload));
        let failure: unknown;
        results.forEach((r, k) => {
          const item = batch[k];
          if ('ok' in r) outcomes.push({ item, result: r.ok });
          else if (r.error.kind === 'data') outcomes.push({ item, result: refused(r.error.message) });
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
        outcomes.push({ item, result: await upload!(toUpload(item)) });
      } catch (err) {
        if (isDockhandError(err) && err.kind === 'data') outcomes.push({ item, result: refused(err.message) });
        else return { outcomes, failure: err };
      }
    }
    return { outcomes };
  };

  const perOrder = manifest.capabilities.tracking === 'per_order';
  const pipeline = new UploadPipeline(rc, cartId, cart.name, { ...(uploadMany ? BATCHED : SINGLE), perOrder }, send);
  await pipeline.run();
  // Then the boxes with no lines of their own join their order's uploaded shipment, where the cart can.
  const addTracking = connector.addTracking?.bind(connector);
  if (addTracking) await uploadKeptPackages(rc, cartId, cart.name, addTracking, cartCarrier);
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
    /** perOrder: one shipment of an order per round, and only orders shipped whole (TrackingGranularity). */
    private readonly pace: { size: number; inFlight: number; perOrder: boolean },
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
          const rows = pendingShipments(db, this.cartId, READ_AHEAD, this.readAfterId, { wholeOrdersOnly: this.pace.perOrder });
          for (const { shipment: s, order } of rows) {
            this.readAfterId = s.id;
            // Another shipment of its order is still out: it waits for the next round.
            if (this.claimedOrders.has(s.orderId)) continue;
            if (!order) continue; // its order is gone: nothing to upload it for
            picked.push({ shipment: s, order });
            // Per-order tracking: the order's next tracking number goes once this one's outcome is saved.
            if (this.pace.perOrder) this.claim(s);
          }
          if (picked.length > 0 || rows.length < READ_AHEAD) break;
        }
        if (!this.pace.perOrder) for (const item of picked) this.claim(item.shipment);
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
      await saveOutcomes(this.rc, this.cartName, outcomes, 'upload');
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
