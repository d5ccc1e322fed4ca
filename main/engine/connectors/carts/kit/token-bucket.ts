import { ShopLimiter } from './shop-limiter.js';

export interface TokenBucketSettings {
  /** Requests the platform allows per second, sustained. */
  ratePerSecond: number;
  /** Requests that may go at once after a quiet spell. */
  burst: number;
}

/** A platform that publishes a fixed rate (n requests per second, a burst of m). */
export class TokenBucketLimiter extends ShopLimiter {
  private tokens: number;
  private atMs: number | undefined;

  constructor(
    label: string,
    readonly settings: TokenBucketSettings,
  ) {
    super(label);
    this.tokens = settings.burst;
  }

  /** Tokens available at `nowMs` (refilled since the last spend, never above the burst). */
  availableAt(nowMs: number): number {
    if (this.atMs === undefined) return this.tokens;
    // A last spend far ahead of this caller's clock (another run's clock, in tests) is not waited for.
    const fullRefillMs = (this.settings.burst / Math.max(this.settings.ratePerSecond, 1e-9)) * 1000;
    if (this.atMs - nowMs > fullRefillMs) return this.settings.burst;
    const elapsed = Math.max(0, nowMs - this.atMs);
    return Math.min(this.settings.burst, this.tokens + (elapsed * this.settings.ratePerSecond) / 1000);
  }

  protected waitMsFor(cost: number, nowMs: number): number {
    const needed = Math.min(cost, this.settings.burst);
    const available = this.availableAt(nowMs);
    if (available >= needed || this.settings.ratePerSecond <= 0) return 0;
    return Math.ceil(((needed - available) / this.settings.ratePerSecond) * 1000);
  }

  protected spend(cost: number, nowMs: number): void {
    this.tokens = this.availableAt(nowMs) - Math.min(cost, this.settings.burst);
    // A clock behind the last spend (another caller's) refills from the later time, never backwards.
    this.atMs = Math.max(nowMs, this.atMs ?? nowMs);
  }
}

/**
 * The share (0..1) of a token bucket's budget that requests granted at `grantTimesMs` used: the requests
 * over the most a bucket that starts full could have granted from the first to the last of them
 * (its burst, plus its rate over that span). A limiter kept busy to the end scores 1; time before the
 * first request and after the last (a run starting, saving its last page) is not the limiter's and is
 * left out, so the share measures the limiter and what feeds it, not the run around them.
 * NaN for fewer than two requests.
 */
export function tokenBucketShare(settings: TokenBucketSettings, grantTimesMs: readonly number[]): number {
  if (grantTimesMs.length < 2) return NaN;
  let first = Infinity;
  let last = -Infinity;
  for (const t of grantTimesMs) {
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const available = settings.burst + (settings.ratePerSecond * (last - first)) / 1000;
  return grantTimesMs.length / available;
}
