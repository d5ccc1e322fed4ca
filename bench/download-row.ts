/**
 * The steps every cart row of `npm run bench` takes the same way: connect a cart to the row's fake, run
 * order_download once through the engine and time it, check it ended ok with every order new, and the
 * figures that open each row (orders, seconds, orders a second) and, for a cart that holds itself to a
 * request budget, the share of it the download used. What differs stays in the row: its fake and its
 * options, its budget maths, its figures of its own.
 */
import { performance } from 'node:perf_hooks';
import type { TokenBucketSettings } from '../main/engine/connectors/carts/kit/token-bucket.js';
import type { RunView } from '../shared/api-types.js';
import { budgetShare, checkBudget } from './budget-share.js';
import { round } from './measure.js';
import type { Call, Check } from './platform-row-alone.js';
import type { RequestLog } from './request-log.js';

/** The cart a row downloads from, connected to its fake as a merchant would connect the real one. */
export interface BenchCart {
  /** The platform's id ("ebay"): the cart's platform and the tag of the row's log lines. */
  platform: string;
  /** The platform as the row's check messages name it ("eBay"). */
  label: string;
  /** The cart's name in the app. */
  name: string;
  /** ISO date: what the fake holds is all later (daysAgo). */
  earliestOrderDate: string;
  settings: Record<string, unknown>;
  /** Left out for a source with none (the CSV folder). */
  credentials?: Record<string, string>;
}

/** The download's run and how long runNow took for it. */
export interface TimedDownload {
  /** The cart created: a row that runs the service again (the CSV source's archive run) names it. */
  cartId: number;
  run: RunView;
  sec: number;
  /** What the client waited for its limiter (the engine sums the waits into the run's throttleWaitMs). */
  waitMs: number;
}

/** An ISO timestamp `days` days before now: a cart's earliest order date. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString();
}

/**
 * Creates `cart` and runs order_download for it once (unmapped ship codes accepted: the bench measures
 * the download, not the mapping), checking the run ended ok with `orders` new orders.
 */
export async function downloadRow(call: Call, merchantId: number, check: Check, cart: BenchCart, orders: number): Promise<TimedDownload> {
  const { platform, label, ...fields } = cart;
  const created = await call('carts.create', { merchantId, platform, ...fields, rejectUnmappedShipCodes: false } as never);
  const t0 = performance.now();
  const run = await call('services.runNow', { service: 'order_download', targetId: created.id });
  const sec = (performance.now() - t0) / 1000;
  console.error(`${platform} order_download: ${run.status} in ${round(sec, 1)} s ${JSON.stringify(run.counts)}`);
  check(run.status === 'ok', `${label} download ended ${run.status}: ${run.message ?? ''}`);
  check(run.counts.new === orders, `${label} download: ${run.counts.new ?? 0} new orders, expected ${orders}`);
  return { cartId: created.id, run, sec, waitMs: run.counts.throttleWaitMs ?? 0 };
}

/** The figures a row opens with: `<prefix>: orders`, `download s` and `download orders/s`. */
export function downloadFigures(prefix: string, orders: number, download: TimedDownload): Record<string, number> {
  return {
    [`${prefix}: orders`]: orders,
    [`${prefix}: download s`]: round(download.sec, 1),
    [`${prefix}: download orders/s`]: round(orders / download.sec, 1),
  };
}

/**
 * The share of the cart's own request budget (`budget.bucket`) the download's requests used, checked
 * >= 90% where the limiter bound them (budget-share.ts), as three figures: the client's wait, the share
 * under `budget.figure` (the row's name for it) and the limiter's binding share of the requests' span.
 */
export function limiterFigures(
  prefix: string,
  what: string,
  budget: { bucket: TokenBucketSettings; figure: string },
  log: RequestLog,
  download: TimedDownload,
  check: Check,
): Record<string, string | number> {
  const share = budgetShare(budget.bucket, log.times(), download.waitMs);
  checkBudget(share, round(budget.bucket.ratePerSecond, 3), what, check);
  return {
    [`${prefix}: client wait (ms)`]: download.waitMs,
    [`${prefix}: ${budget.figure}`]: share.text,
    [`${prefix}: limiter binding % of requests span`]: share.bindingPct,
  };
}
