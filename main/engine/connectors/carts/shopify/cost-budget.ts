import type { ShopifyThrottleStatus } from './types.js';

/**
 * Our model of Shopify's leaky bucket for this app and shop, fed by every reply's
 * extensions.cost.throttleStatus. Shopify checks the REQUESTED cost of a query against what is available
 * and refunds the difference to the actual cost afterwards; waiting until the requested cost is available
 * (plus a small margin for clock skew) keeps THROTTLED a rare exception while spending the whole restore
 * budget on a long download.
 */
export class CostBudget {
  private status: (ShopifyThrottleStatus & { atMs: number }) | undefined;

  update(status: ShopifyThrottleStatus, atMs: number): void {
    this.status = { ...status, atMs };
  }

  /** Points available now, as last reported plus what has been restored since. */
  availableAt(nowMs: number): number | undefined {
    const s = this.status;
    if (!s) return undefined;
    return Math.min(s.maximumAvailable, s.currentlyAvailable + (s.restoreRate * Math.max(0, nowMs - s.atMs)) / 1000);
  }

  /** How long to wait before sending a query that requests `cost` points (0 = send now). */
  waitMsFor(cost: number, nowMs: number): number {
    const s = this.status;
    const available = this.availableAt(nowMs);
    if (!s || available === undefined || s.restoreRate <= 0) return 0;
    const needed = Math.min(cost, s.maximumAvailable) + safetyMargin(cost);
    if (available >= Math.min(needed, s.maximumAvailable)) return 0;
    return Math.ceil(((needed - available) / s.restoreRate) * 1000);
  }
}

/** Time for (cost - available) points to be restored, as Shopify asks after a THROTTLED reply. */
export function throttledWaitMs(requested: number, status: ShopifyThrottleStatus): number {
  if (status.restoreRate <= 0) return 1_000;
  const missing = Math.max(0, requested + safetyMargin(requested) - status.currentlyAvailable);
  return Math.max(50, Math.ceil((missing / status.restoreRate) * 1000));
}

function safetyMargin(cost: number): number {
  return 1 + cost * 0.005;
}
