import { ShopLimiter } from './shop-limiter.js';

/** A cost-based leaky bucket's state as the platform reports it (Shopify GraphQL: extensions.cost.throttleStatus). */
export interface CostBucketStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  /** Points restored per second. */
  restoreRate: number;
}

/** A reported status older than this much in the FUTURE of a caller's clock is another clock's: ignored. */
const FOREIGN_CLOCK_MS = 60_000;

/**
 * Our model of a cost-based leaky bucket (Shopify's GraphQL Admin API, per app and shop), fed by every
 * reply's reported status. Shopify checks the REQUESTED cost of a query against what is available and
 * refunds the difference to the actual cost afterwards; waiting until the requested cost is available
 * (plus a small margin for clock skew) keeps THROTTLED a rare exception while spending the whole restore
 * budget on a long download.
 *
 * Shared by every run of the shop, so a query in flight counts against what the others see: acquire()
 * reserves its requested cost until release(), when the reply's status (update()) has taken over.
 */
export class CostBucketLimiter extends ShopLimiter {
  private status: (CostBucketStatus & { atMs: number }) | undefined;
  private reserved = 0;

  update(status: CostBucketStatus, atMs: number): void {
    this.status = { ...status, atMs };
  }

  /** Gives back what acquire() reserved for a query whose reply (or failure) has arrived. */
  release(cost: number): void {
    this.reserved = Math.max(0, this.reserved - cost);
  }

  /** Points available now, as last reported plus what has been restored since, less queries in flight. */
  availableAt(nowMs: number): number | undefined {
    const s = this.status;
    if (!s || s.atMs - nowMs > FOREIGN_CLOCK_MS) return undefined;
    // Shopify debits a query's requested cost when it arrives and the bucket refills from there: what is
    // in flight comes off before the refill is capped, or a wait behind it would never end.
    const restored = (s.restoreRate * Math.max(0, nowMs - s.atMs)) / 1000;
    return Math.min(s.maximumAvailable, s.currentlyAvailable - this.reserved + restored);
  }

  /** How long to wait before sending a query that requests `cost` points (0 = send now). */
  protected waitMsFor(cost: number, nowMs: number): number {
    const s = this.status;
    const available = this.availableAt(nowMs);
    if (!s || available === undefined || s.restoreRate <= 0) return 0;
    const needed = Math.min(cost, s.maximumAvailable) + safetyMargin(cost);
    if (available >= Math.min(needed, s.maximumAvailable)) return 0;
    return Math.ceil(((needed - available) / s.restoreRate) * 1000);
  }

  protected spend(cost: number): void {
    this.reserved += cost;
  }
}

/** Time for (cost - available) points to be restored, as Shopify asks after a THROTTLED reply. */
export function throttledWaitMs(requested: number, status: CostBucketStatus): number {
  if (status.restoreRate <= 0) return 1_000;
  const missing = Math.max(0, requested + safetyMargin(requested) - status.currentlyAvailable);
  return Math.max(50, Math.ceil((missing / status.restoreRate) * 1000));
}

function safetyMargin(cost: number): number {
  return 1 + cost * 0.005;
}
