import type { OrderDetailView, OrderSummaryView, RunView } from '../../shared/api-types.js';

/**
 * Everything the headless host acknowledged across all its lives: what its API answered to the
 * callers. The store releases a read's result only once everything it saw is on disk, so whatever an
 * answer showed must survive any kill that came after it. Checked right after each restart (before
 * the host redoes lost work and hides the loss) and at the end.
 */

/**
 * Statuses along the happy path; a status never moves back along it, except that a confirmed order
 * goes back to a shipped-like status when another shipment of it arrives. Statuses not listed (held,
 * canceled, ...) are not ranked. partially_shipped: another branch adds it; listed so the ranks hold.
 */
export const STATUS_RANK: Readonly<Record<string, number>> = { new: 1, at_wms: 2, partially_shipped: 3, shipped: 4, confirmed: 5 };
const SHIPPED_RANK = STATUS_RANK.partially_shipped;

/** What the host shows now, to hold against the ledger: all orders, and the details of some. */
export interface AckView {
  /** order number -> status */
  orders: Map<string, string>;
  /** Orders whose details (batch, shipments) were read. */
  detailed: Set<string>;
  /** order number -> batch id (detailed orders only) */
  batchOf: Map<string, string | null>;
  /** "orderNumber\0tracking" -> shipment status (detailed orders only) */
  shipments: Map<string, string>;
}

export const shipmentKey = (orderNumber: string, tracking: string) => `${orderNumber}\u0000${tracking}`;

export class AckLedger {
  /** order number -> furthest happy-path status acknowledged (or the last other status). */
  readonly orders = new Map<string, string>();
  /** order number -> the batch it was acknowledged in, once at the WMS or later. */
  readonly batches = new Map<string, string>();
  /** "orderNumber\0tracking" -> furthest shipment status acknowledged ('uploaded' wins over 'pending'). */
  readonly shipments = new Map<string, string>();
  /** Answers recorded. */
  acks = 0;
  /** Runs acknowledged, by service and status ("order_download:ok" -> n). */
  readonly runs = new Map<string, number>();

  recordRun(run: RunView): void {
    this.acks++;
    const key = `${run.service}:${run.status}`;
    this.runs.set(key, (this.runs.get(key) ?? 0) + 1);
  }

  recordOrders(items: readonly OrderSummaryView[]): void {
    this.acks++;
    for (const o of items) this.recordStatus(o.orderNumber, o.status);
  }

  recordDetail(d: OrderDetailView): void {
    this.acks++;
    this.recordStatus(d.orderNumber, d.status);
    if (d.batchId !== null && (STATUS_RANK[d.status] ?? 0) >= STATUS_RANK.at_wms) this.batches.set(d.orderNumber, d.batchId);
    for (const s of d.shipments) {
      const k = shipmentKey(d.orderNumber, s.trackingNumber);
      if (this.shipments.get(k) !== 'uploaded') this.shipments.set(k, s.status);
    }
  }

  private recordStatus(orderNumber: string, status: string): void {
    const before = this.orders.get(orderNumber);
    const rankBefore = before === undefined ? 0 : (STATUS_RANK[before] ?? 0);
    const rank = STATUS_RANK[status] ?? 0;
    if (before === undefined || rank >= rankBefore || rank === 0) this.orders.set(orderNumber, status);
  }

  /** What the view lost of what was acknowledged; `when` says which view ("after restart 12"). */
  lostIn(view: AckView, when: string): string[] {
    const out: string[] = [];
    for (const [n, acked] of this.orders) {
      const status = view.orders.get(n);
      if (status === undefined) {
        out.push(`${when}: acknowledged order ${n} (${acked}) is lost`);
        continue;
      }
      const want = STATUS_RANK[acked];
      const have = STATUS_RANK[status] ?? 0;
      const reshipped = acked === 'confirmed' && have >= SHIPPED_RANK;
      if (want !== undefined && have < want && !reshipped) out.push(`${when}: order ${n} was acknowledged ${acked} but is ${status}`);
    }
    for (const [n, batch] of this.batches) {
      if (view.detailed.has(n) && view.batchOf.get(n) !== batch) out.push(`${when}: order ${n} was acknowledged in batch ${batch} but is in ${view.batchOf.get(n)}`);
    }
    for (const [k, acked] of this.shipments) {
      const [n, tracking] = k.split('\u0000');
      if (!view.detailed.has(n)) continue;
      const status = view.shipments.get(k);
      if (status === undefined) out.push(`${when}: acknowledged shipment ${tracking} of order ${n} is lost`);
      else if (acked === 'uploaded' && status !== 'uploaded') out.push(`${when}: shipment ${tracking} of order ${n} was acknowledged uploaded but is ${status}`);
    }
    return out;
  }
}
