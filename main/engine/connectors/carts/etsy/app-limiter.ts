import { DockhandError } from '../../../../../shared/errors.js';
import { ETSY_REQUEST_BUDGET } from '../../../../../shared/platforms/etsy.js';
import type { HttpResponse } from '../../../net/index.js';
import { shopLimiter } from '../kit/shop-limiters.js';
import { ShopLimiter } from '../kit/shop-limiter.js';

/**
 * The request budget of one Etsy app, shared by every run and every shop of its keystring: Etsy counts
 * per app key, not per shop. Two limits at once:
 * - 10 a second: requests are paced one every 100 ms, and a reply saying x-remaining-this-second 0
 *   holds everyone to the next second;
 * - 10,000 in any 24 hours (a sliding window): x-remaining-today says what is left. Waiting hours for
 *   the window to slide is no use to a run: once it says 0 the run stops with rate_limited, its saved
 *   position intact, and the next run carries on.
 */
export class EtsyAppLimiter extends ShopLimiter {
  /** One request every this many ms: 10 a second, spread evenly. */
  private readonly intervalMs = 1000 / ETSY_REQUEST_BUDGET.ratePerSecond;
  /** When the next request may go, on a grid `intervalMs` apart. */
  private nextAtMs: number | undefined;
  private secondHeldUntilMs = 0;
  private remainingToday: number | undefined;

  /** Reads Etsy's budget headers off a reply (a 429 carries none). */
  observeResponse(res: Pick<HttpResponse, 'headers'>, atMs: number): void {
    const today = headerNumber(res, 'x-remaining-today');
    if (today !== undefined) this.remainingToday = today;
    const thisSecond = headerNumber(res, 'x-remaining-this-second');
    // Etsy counts by the clock second: none left in this one means none until the next one starts.
    if (thisSecond === 0) this.secondHeldUntilMs = Math.max(this.secondHeldUntilMs, Math.floor(atMs / 1000) * 1000 + 1000);
  }

  /** Requests known to be left in the sliding day, or undefined before any reply said. */
  get leftToday(): number | undefined {
    return this.remainingToday;
  }

  protected waitMsFor(cost: number, nowMs: number): number {
    if (this.remainingToday !== undefined && this.remainingToday < cost) {
      throw new DockhandError(
        'rate_limited',
        `${this.label} has used its ${ETSY_REQUEST_BUDGET.perDay.toLocaleString('en-US')} requests of the last 24 hours; the next run carries on from where this one stopped`,
        { retryAfterMs: 15 * 60_000 },
      );
    }
    // A hold set on a clock far ahead of this caller's (another run's, in tests) is at most a second.
    if (this.secondHeldUntilMs - nowMs > 1000) this.secondHeldUntilMs = nowMs + 1000;
    // A grid time far ahead of this caller's clock (another run's, in tests) is not waited for.
    if (this.nextAtMs !== undefined && this.nextAtMs - nowMs > this.intervalMs * cost) this.nextAtMs = nowMs;
    const paced = this.nextAtMs === undefined ? 0 : this.nextAtMs - nowMs;
    return Math.max(this.secondHeldUntilMs - nowMs, paced, 0);
  }

  protected spend(cost: number, nowMs: number): void {
    // The next slot stays on the grid when this request went a little late (a timer firing late on a
    // busy machine), so lateness is not added to every later request; a request after a quiet spell
    // starts a new grid from now. The lag made up is at most a third of a slot, so two requests are
    // never closer than two thirds of one.
    const onGrid = this.nextAtMs === undefined ? nowMs : this.nextAtMs;
    const start = nowMs - onGrid > this.intervalMs / 3 ? nowMs : onGrid;
    this.nextAtMs = start + this.intervalMs * cost;
    if (this.remainingToday !== undefined) this.remainingToday -= cost;
  }
}

function headerNumber(res: Pick<HttpResponse, 'headers'>, name: string): number | undefined {
  const text = res.headers.get(name);
  if (text === null || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** The limiter of one app key at one API address, for the whole process. */
export function etsyAppLimiter(apiOrigin: string, keystring: string): EtsyAppLimiter {
  // The keystring goes in the key's path (kept case-sensitive by normalizeAddress); it is not a secret
  // on its own (Etsy shows it in every public call's header) and it never reaches a message.
  return shopLimiter('etsy', `${apiOrigin.replace(/\/+$/, '')}/apps/${encodeURIComponent(keystring)}`, () => new EtsyAppLimiter(`Etsy (${new URL(apiOrigin).host})`));
}
