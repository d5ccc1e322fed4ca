import { DockhandError } from '../../../../../shared/errors.js';
import { httpRequest, type HttpContext, type HttpRequest, type HttpResponse } from '../../../net/index.js';
import type { ShopLimiter } from './shop-limiter.js';

const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 15 * 60_000;

export interface LimitedRequestOptions {
  /** What the request spends of the limiter (1 request unless the platform counts otherwise). */
  cost?: number;
  /** Reads the platform's budget headers off every reply (QuotaHeaderLimiter.observeResponse). */
  observe?(res: HttpResponse, atMs: number): void;
  /** Longest total wait for 429s before giving up with rate_limited. */
  maxRateLimitWaitMs?: number;
}

/**
 * One HTTP exchange through a shop's limiter, for REST platforms: waits for the shop's budget, sends, feeds
 * the reply's budget headers back. A 429 is not waited out inside this one call as httpRequest would: its
 * Retry-After is put on the limiter, so every run of the shop holds back, and the call then waits its turn
 * like the others. 5xx and network retries stay httpRequest's.
 */
export async function limitedRequest(
  limiter: ShopLimiter,
  http: HttpContext,
  req: HttpRequest,
  options: LimitedRequestOptions = {},
): Promise<HttpResponse> {
  const maxWait = options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
  let waited = 0;
  for (;;) {
    await limiter.acquire(http, options.cost ?? 1);
    try {
      const res = await httpRequest(http, { ...req, maxRateLimitWaitMs: 0 });
      options.observe?.(res, http.clock.now().getTime());
      return res;
    } catch (err) {
      // httpRequest throws rate_limited with the Retry-After at once when it may not wait (maxRateLimitWaitMs 0).
      if (!(err instanceof DockhandError) || err.kind !== 'rate_limited' || err.retryAfterMs === undefined) throw err;
      waited += err.retryAfterMs;
      if (waited > maxWait) {
        throw new DockhandError('rate_limited', `${limiter.label} is still rate limiting after ${Math.round(waited / 1000)} s of waiting`, {
          retryAfterMs: err.retryAfterMs,
        });
      }
      limiter.refused(err.retryAfterMs, http.clock.now().getTime());
    }
  }
}
