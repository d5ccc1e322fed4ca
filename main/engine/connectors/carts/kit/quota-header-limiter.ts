import type { HttpResponse } from '../../../net/index.js';
import { ShopLimiter } from './shop-limiter.js';

/** The header names a platform reports its quota in (BigCommerce's by default). */
export interface QuotaHeaders {
  /** Requests left in the current window. */
  requestsLeft: string;
  /** Milliseconds until the window resets. */
  timeToResetMs: string;
}

export const BIGCOMMERCE_QUOTA_HEADERS: QuotaHeaders = {
  requestsLeft: 'x-rate-limit-requests-left',
  timeToResetMs: 'x-rate-limit-time-reset-ms',
};

/**
 * A platform that tells, with each reply, how many requests are left in its window and when the window
 * resets (BigCommerce: X-Rate-Limit-Requests-Left, X-Rate-Limit-Time-Reset-Ms). Requests go as fast as
 * they may until the quota is spent, then everyone waits for the reset: the whole quota is used, and a
 * 429 stays an exception.
 */
export class QuotaHeaderLimiter extends ShopLimiter {
  private left: number | undefined;
  private resetAtMs = 0;
  private windowMs = 0;

  constructor(
    label: string,
    private readonly headers: QuotaHeaders = BIGCOMMERCE_QUOTA_HEADERS,
  ) {
    super(label);
  }

  /** Records what a reply said; replies without the headers (or with nonsense in them) change nothing. */
  observe(requestsLeft: number, timeToResetMs: number, atMs: number): void {
    if (!Number.isFinite(requestsLeft) || !Number.isFinite(timeToResetMs) || requestsLeft < 0 || timeToResetMs < 0) return;
    this.left = requestsLeft;
    this.resetAtMs = atMs + timeToResetMs;
    this.windowMs = timeToResetMs;
  }

  observeResponse(res: Pick<HttpResponse, 'headers'>, atMs: number): void {
    const left = res.headers.get(this.headers.requestsLeft);
    const reset = res.headers.get(this.headers.timeToResetMs);
    if (left === null || reset === null || left.trim() === '' || reset.trim() === '') return;
    this.observe(Number(left), Number(reset), atMs);
  }

  /** Requests known to be left at `nowMs`; undefined when unknown or the window has reset since. */
  leftAt(nowMs: number): number | undefined {
    return this.left === undefined || nowMs >= this.resetAtMs ? undefined : this.left;
  }

  override refused(waitMs: number, nowMs: number): void {
    super.refused(waitMs, nowMs);
    // The shop says the quota is spent, whatever we counted: wait for the reset we know of too.
    if (nowMs < this.resetAtMs) this.left = 0;
  }

  protected waitMsFor(cost: number, nowMs: number): number {
    const left = this.leftAt(nowMs);
    if (left === undefined || left >= cost) return 0;
    // Never longer than the window last reported: a reset time on a clock ahead of this caller's is moved
    // back to this clock, or the caller would wait for ever.
    if (this.resetAtMs - nowMs > this.windowMs) this.resetAtMs = nowMs + this.windowMs;
    return this.resetAtMs - nowMs;
  }

  protected spend(cost: number, nowMs: number): void {
    const left = this.leftAt(nowMs);
    if (left !== undefined) this.left = left - cost;
    else this.left = undefined;
  }
}
