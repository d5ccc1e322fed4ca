import type { ShopLimiter } from './shop-limiter.js';

/**
 * One rate limiter per shop for the whole process: every run, and every connector instance, of a shop
 * gets the same limiter, so download and upload of one shop share its budget. Keyed by the platform and
 * the address the requests go to: a cart whose settings now point at another shop (a changed domain or
 * base URL) gets another limiter, and two carts of one shop share one.
 *
 * The first caller's create() decides the limiter's kind and settings; a platform always creates the
 * same kind. Limiters are small and a workstation serves few shops, so they are kept for the process.
 */
const limiters = new Map<string, ShopLimiter>();

export function shopLimiter<L extends ShopLimiter>(platform: string, address: string, create: () => L): L {
  const key = `${platform} ${normalizeAddress(address)}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = create();
    limiters.set(key, limiter);
  }
  return limiter as L;
}

/** Forgets every limiter (tests). */
export function clearShopLimiters(): void {
  limiters.clear();
}

/** "HTTPS://Acme.MyShopify.com/" and "https://acme.myshopify.com" are one shop. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  try {
    const url = new URL(trimmed);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return trimmed.toLowerCase().replace(/\/+$/, '');
  }
}

export { ShopLimiter, type LimiterContext } from './shop-limiter.js';
export { TokenBucketLimiter, tokenBucketShare, type TokenBucketSettings } from './token-bucket.js';
export { CostBucketLimiter, throttledWaitMs, type CostBucketStatus } from './cost-bucket.js';
export { QuotaHeaderLimiter, BIGCOMMERCE_QUOTA_HEADERS, type QuotaHeaders } from './quota-header-limiter.js';
export { limitedRequest } from './limited-request.js';
