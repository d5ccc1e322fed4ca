/**
 * The fake's side of SP-API's usage plans: a token bucket per operation (rate per second, burst), read
 * on the seller's clock. A request that finds its bucket empty is answered 429 QuotaExceeded.
 */

export interface Plan {
  rate: number;
  burst: number;
}

/** The documented defaults (each operation's reference page). */
export const DOCUMENTED_PLANS: Record<string, Plan> = {
  getOrders: { rate: 0.0167, burst: 20 },
  getOrder: { rate: 0.5, burst: 30 },
  getOrderItems: { rate: 0.5, burst: 30 },
  confirmShipment: { rate: 2, burst: 10 },
  patchListingsItem: { rate: 5, burst: 5 },
  createRestrictedDataToken: { rate: 1, burst: 10 },
  getMarketplaceParticipations: { rate: 0.016, burst: 15 },
};

export class UsagePlans {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();

  constructor(
    private readonly plans: Record<string, Plan>,
    private readonly nowMs: () => number,
  ) {}

  plan(operation: string): Plan {
    return this.plans[operation] ?? { rate: 10, burst: 10 };
  }

  /** Spends one token of the operation; false when none is left (the caller answers 429). */
  take(operation: string): boolean {
    const plan = this.plan(operation);
    const now = this.nowMs();
    const bucket = this.buckets.get(operation) ?? { tokens: plan.burst, atMs: now };
    const tokens = Math.min(plan.burst, bucket.tokens + (Math.max(0, now - bucket.atMs) * plan.rate) / 1000);
    // A small tolerance: the client's bucket and this one read the same clock a few ms apart.
    if (tokens < 1 - 1e-3) {
      this.buckets.set(operation, { tokens, atMs: now });
      return false;
    }
    this.buckets.set(operation, { tokens: tokens - 1, atMs: now });
    return true;
  }
}
