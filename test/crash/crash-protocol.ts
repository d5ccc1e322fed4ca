/**
 * What the crash test's parent and its sync child say to each other: the child gets one JSON config on
 * its command line and answers with one JSON object per stdout line. A line only counts once its newline
 * arrived, so a line cut by SIGKILL acknowledges nothing.
 */

/** The four services of the order loop, in the order a child cycles through them. */
export const LOOP_SERVICES = ['order_download', 'order_delivery', 'shipment_pickup', 'shipment_upload'] as const;
export type LoopService = (typeof LOOP_SERVICES)[number];

export interface ChildConfig {
  dataDir: string;
  merchantId: number;
  cartId: number;
  /** until_killed: cycle the services forever; until_idle: stop (exit 0) once nothing is left to do. */
  mode: 'until_killed' | 'until_idle';
  /** Index in LOOP_SERVICES the first cycle starts at, so restarts interleave the services differently. */
  firstService: number;
  /** Take a store snapshot this often (ms, 0 = never) so kills also land while snapshots are written. */
  snapshotEveryMs: number;
  /** until_idle: give up (exit 3) when the state has not moved for this long. */
  stuckAfterMs: number;
}

/** Order statuses along the happy path; a status never moves back along it (except confirmed -> shipped). */
export const STATUS_RANK: Readonly<Record<string, number>> = { new: 1, at_wms: 2, shipped: 3, confirmed: 4 };

export type ChildMessage =
  | { t: 'ready'; pid: number; openMs: number }
  /**
   * Sent after a run resolved and a durable read of the state that followed it: every order, shipment
   * and delivered batch the child has not reported yet in this process (or whose status changed).
   */
  | {
      t: 'ack';
      service: LoopService;
      status: string;
      counts: Record<string, number>;
      message: string | null;
      /** [cart order id, status] */
      orders: [string, string][];
      /** [cart order id, tracking number, shipment status] */
      shipments: [string, string, string][];
      /** [batch id, file name] of delivered batches */
      batches: [string, string][];
      snapshots: number;
    }
  | { t: 'idle'; rounds: number }
  | { t: 'stuck'; reason: string };

/** Splits a stdout stream into complete lines; the unfinished tail stays buffered. */
export class LineSplitter {
  private buffered = '';

  push(chunk: string): string[] {
    this.buffered += chunk;
    const lines = this.buffered.split('\n');
    this.buffered = lines.pop() ?? '';
    return lines.filter((l) => l.trim() !== '');
  }

  /** What was left without a newline (a line cut by the kill). */
  get tail(): string {
    return this.buffered;
  }
}

export function parseChildLine(line: string): ChildMessage | undefined {
  try {
    const value = JSON.parse(line) as ChildMessage;
    return typeof value === 'object' && value !== null && typeof value.t === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
