import type { Clock } from '../../../platform/ports.js';

/** What a wait needs from the run: its clock, its abort signal, and where to report the wait (the CartContext). */
export interface LimiterContext {
  clock: Clock;
  signal?: AbortSignal;
  onThrottle?(waitMs: number, reason: string): void;
}

/**
 * The request budget of one shop. Platforms count their limits per shop (and app), not per run, so every
 * run and every connector instance of a shop waits on the same limiter (shop-limiters.ts hands it out):
 * download and upload of one shop do not each think they own its budget.
 *
 * Kinds say how the budget refills (token-bucket.ts, cost-bucket.ts, quota-header-limiter.ts); this base
 * holds what they share: the wait loop, and a hold that a 429's Retry-After puts on everyone.
 */
export abstract class ShopLimiter {
  private holdUntilMs = 0;
  private holdMs = 0;

  /** Names the shop in the reasons given to onThrottle ("Shopify acme.myshopify.com"). */
  constructor(readonly label: string) {}

  /** How long to wait before `cost` may be spent at `nowMs` (0 = now). */
  protected abstract waitMsFor(cost: number, nowMs: number): number;

  /** Counts `cost` as spent at `nowMs`; called by acquire() right after a wait of 0. */
  protected abstract spend(cost: number, nowMs: number): void;

  /**
   * Waits until `cost` (requests, or points for a cost-based limit) may be spent, then counts it spent.
   * Several callers may wait at once: each re-checks after its wait, so they go one after another as the
   * budget refills rather than all at once. Rejects with the signal's reason when the run is aborted.
   */
  async acquire(ctx: LimiterContext, cost = 1, reason?: string): Promise<void> {
    for (;;) {
      if (ctx.signal?.aborted) throw ctx.signal.reason ?? new Error('aborted');
      const now = ctx.clock.now().getTime();
      const held = this.heldMs(now);
      const wait = Math.max(held, this.waitMsFor(cost, now));
      if (wait <= 0) {
        this.spend(cost, now);
        return;
      }
      const why =
        held >= wait
          ? `${this.label} asked to wait (Retry-After), for every run of the shop`
          : (reason ?? `${this.label}: waiting for the shop's request budget`);
      ctx.onThrottle?.(wait, why);
      await ctx.clock.sleep(wait, ctx.signal);
    }
  }

  /** The shop answered 429 with Retry-After `waitMs`: nobody sharing the limiter sends before then. */
  refused(waitMs: number, nowMs: number): void {
    if (!(waitMs > 0)) return;
    if (nowMs + waitMs > this.holdUntilMs) {
      this.holdUntilMs = nowMs + waitMs;
      this.holdMs = waitMs;
    }
  }

  private heldMs(nowMs: number): number {
    // Never longer than the hold asked for: a hold set on a clock ahead of this caller's (a test's) is
    // moved back to this clock, or the caller would wait for ever.
    if (this.holdUntilMs - nowMs > this.holdMs) this.holdUntilMs = nowMs + this.holdMs;
    return Math.max(0, this.holdUntilMs - nowMs);
  }
}
