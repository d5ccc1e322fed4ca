import { STATUS_RANK, type ChildMessage } from './crash-protocol.js';

/**
 * Everything the children acknowledged across all their lives: the furthest status each order reached,
 * each shipment (and whether it was reported uploaded), each delivered batch's file name. The final
 * database must still hold all of it.
 */
export class AckLedger {
  /** cart order id -> furthest happy-path status acknowledged (or the last other status). */
  readonly orders = new Map<string, string>();
  /** "cartOrderId\0tracking" -> furthest shipment status acknowledged ('uploaded' wins over 'pending'). */
  readonly shipments = new Map<string, string>();
  /** batch id -> file name */
  readonly batches = new Map<string, string>();
  /** Different file names acknowledged for one batch ("batch: a, b"). */
  readonly conflicts: string[] = [];
  acks = 0;
  /** Runs acknowledged, by service and status ("order_download:ok" -> n). */
  readonly runs = new Map<string, number>();

  record(message: Extract<ChildMessage, { t: 'ack' }>): void {
    this.acks++;
    const key = `${message.service}:${message.status}`;
    this.runs.set(key, (this.runs.get(key) ?? 0) + 1);
    for (const [id, status] of message.orders) {
      const before = this.orders.get(id);
      const rankBefore = before === undefined ? 0 : (STATUS_RANK[before] ?? 0);
      const rank = STATUS_RANK[status] ?? 0;
      if (before === undefined || rank >= rankBefore || rank === 0) this.orders.set(id, status);
    }
    for (const [orderId, tracking, status] of message.shipments) {
      const k = `${orderId}\u0000${tracking}`;
      if (this.shipments.get(k) !== 'uploaded') this.shipments.set(k, status);
    }
    for (const [id, file] of message.batches) {
      const before = this.batches.get(id);
      if (before !== undefined && before !== file) this.conflicts.push(`batch ${id} acknowledged as ${before} and as ${file}`);
      this.batches.set(id, file);
    }
  }
}
