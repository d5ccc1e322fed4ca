/**
 * Shopify's cost limiter for one app and shop: a bucket of `maximumAvailable` points refilled at
 * `restoreRate` points per second. A query needs its requested cost available up front; the difference
 * to its actual cost is refunded afterwards.
 */
export class LeakyBucket {
  private available: number;
  private atMs: number;

  constructor(
    readonly maximumAvailable: number,
    readonly restoreRate: number,
    nowMs: number,
  ) {
    this.available = maximumAvailable;
    this.atMs = nowMs;
  }

  currentlyAvailable(nowMs: number): number {
    this.refill(nowMs);
    return this.available;
  }

  /** Takes `cost` points if they are there; false (nothing taken) when the caller must be throttled. */
  take(cost: number, nowMs: number): boolean {
    this.refill(nowMs);
    if (this.available < cost) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.available = Math.min(this.maximumAvailable, this.available + points);
  }

  /** Test hook: the same app spent these points elsewhere (another process, another run). */
  drain(points: number, nowMs: number): void {
    this.refill(nowMs);
    this.available = Math.max(0, this.available - points);
  }

  private refill(nowMs: number): void {
    const elapsed = Math.max(0, nowMs - this.atMs) / 1000;
    this.available = Math.min(this.maximumAvailable, this.available + elapsed * this.restoreRate);
    this.atMs = nowMs;
  }
}
