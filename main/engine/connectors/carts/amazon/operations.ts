import { shopLimiter } from '../kit/shop-limiters.js';
import { TokenBucketLimiter, type TokenBucketSettings } from '../kit/token-bucket.js';

/**
 * SP-API's usage plans: a token bucket per operation and selling partner (rate per second, burst), as
 * each operation's reference page lists them (shared/reference/cart-apis.md section 4). Amazon may
 * grant a seller more: the x-amzn-RateLimit-Limit header of a reply says the rate that applied, and the
 * operation's limiter takes it from then on.
 */
export const AMAZON_USAGE_PLANS = {
  getOrders: { ratePerSecond: 0.0167, burst: 20 },
  getOrder: { ratePerSecond: 0.5, burst: 30 },
  getOrderItems: { ratePerSecond: 0.5, burst: 30 },
  getOrderAddress: { ratePerSecond: 0.5, burst: 30 },
  getOrderBuyerInfo: { ratePerSecond: 0.5, burst: 30 },
  confirmShipment: { ratePerSecond: 2, burst: 10 },
  patchListingsItem: { ratePerSecond: 5, burst: 5 },
  createRestrictedDataToken: { ratePerSecond: 1, burst: 10 },
  getMarketplaceParticipations: { ratePerSecond: 0.016, burst: 15 },
} as const satisfies Record<string, TokenBucketSettings>;

export type AmazonOperation = keyof typeof AMAZON_USAGE_PLANS;

/** One operation's bucket for one seller; its rate follows what Amazon says applied. */
export class OperationLimiter extends TokenBucketLimiter {
  constructor(
    label: string,
    readonly operation: AmazonOperation,
  ) {
    super(label, { ...AMAZON_USAGE_PLANS[operation] });
  }

  /** x-amzn-RateLimit-Limit: the rate (requests per second) Amazon applied; anything unreadable is ignored. */
  observeLimitHeader(value: string | null): void {
    if (value == null) return;
    const rate = Number(value.trim());
    if (Number.isFinite(rate) && rate > 0) this.settings.ratePerSecond = rate;
  }

  /** How long one request's token takes to come back: what a QuotaExceeded answer is waited out for. */
  refillMs(): number {
    return Math.ceil(1000 / Math.max(this.settings.ratePerSecond, 1e-6));
  }
}

/**
 * The limiter of an operation for a seller, one for the process: every run (download, upload, Test) of
 * every connection of that seller on that endpoint waits on it, as Amazon counts per selling partner.
 */
export function operationLimiter(apiBase: string, sellerKey: string, operation: AmazonOperation): OperationLimiter {
  return shopLimiter('amazon', `${apiBase}/${encodeURIComponent(sellerKey)}/${operation}`, () => new OperationLimiter(`Amazon ${operation} (seller ${sellerKey})`, operation));
}
