import { tokenBucketShare, type TokenBucketSettings } from '../main/engine/connectors/carts/kit/token-bucket.js';
import { round } from './measure.js';

/**
 * The share of a self-imposed request budget (a token bucket) a platform row used, and whether it is
 * fair to hold the row to ">= 90%": only where the limiter, not the machine, set the pace.
 */

/** Below this span of requests the starting burst (one second's budget) is too much of them to tell. */
const MIN_BOUND_SEC = 5;
/** The limiter is the binding constraint when the client spent at least this share of the span waiting for it. */
const MIN_BINDING_PCT = 10;

export interface BudgetShare {
  /** Percent of the budget the requests used from the first to the last (tokenBucketShare); NaN when too short. */
  pct: number;
  /** Percent of the requests' span the client spent waiting for the limiter. */
  bindingPct: number;
  /** The limiter bound the requests (the client waited for it at least MIN_BINDING_PCT of their span). */
  bound: boolean;
  /** The row's figure: the share, "(machine-bound)" when the limiter did not bind, "-" when too short. */
  text: string | number;
}

/** The budget share of requests arriving at `times` (ms) whose client waited `waitedMs` for the limiter. */
export function budgetShare(budget: TokenBucketSettings, times: number[], waitedMs: number): BudgetShare {
  const spanMs = times.length < 2 ? 0 : Math.max(...times) - Math.min(...times);
  const pct = spanMs >= MIN_BOUND_SEC * 1000 ? 100 * tokenBucketShare(budget, times) : NaN;
  const bindingPct = spanMs > 0 ? round(Math.min(100, (100 * waitedMs) / spanMs), 1) : 0;
  const bound = bindingPct >= MIN_BINDING_PCT;
  const text = Number.isNaN(pct) ? '-' : bound ? round(pct, 1) : `${round(pct, 1)} (machine-bound)`;
  return { pct, bindingPct, bound, text };
}

/** >= 90% where the limiter bound the requests; otherwise the figure stands with its reason, on stderr too. */
export function checkBudget(budget: BudgetShare, ratePerSecond: number, what: string, check: (ok: boolean, what: string) => void): void {
  if (Number.isNaN(budget.pct)) return;
  if (!budget.bound) {
    console.error(`${what}: the limiter bound ${budget.bindingPct}% of the time, so the machine, not the budget, set the pace (${round(budget.pct, 1)}% of the budget used); not checked against 90%`);
    return;
  }
  check(budget.pct >= 90, `${what} used ${round(budget.pct, 1)}% of its ${ratePerSecond} requests/s budget while the limiter bound it (target >= 90%)`);
}
