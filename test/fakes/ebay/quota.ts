/**
 * eBay's daily call limits per application and API (developer.ebay.com/develop/api/sell/api_call_limits),
 * as the fake counts them: calls per window (a day by default; the bench may shorten it), reset at the
 * end of the window. Over the limit: 429 with eBay's error 2001 and Retry-After, the seconds until the reset.
 */
export class DailyQuota {
  private windowStartMs: number | undefined;
  private used = 0;

  constructor(
    readonly limit: number,
    readonly windowMs = 86_400_000,
  ) {}

  /** Counts one call at `nowMs`; the seconds until the reset when the limit is used up. */
  take(nowMs: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    if (this.windowStartMs === undefined || nowMs >= this.windowStartMs + this.windowMs || nowMs < this.windowStartMs) {
      this.windowStartMs = nowMs;
      this.used = 0;
    }
    if (this.used >= this.limit) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((this.windowStartMs + this.windowMs - nowMs) / 1000)) };
    this.used += 1;
    return { ok: true };
  }

  remaining(): number {
    return this.limit - this.used;
  }
}
