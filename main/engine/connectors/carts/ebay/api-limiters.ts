import { ebayBudget, type EbayApi } from '../../../../../shared/platforms/ebay.js';
import { shopLimiter } from '../kit/shop-limiters.js';
import { TokenBucketLimiter } from '../kit/token-bucket.js';

/**
 * One limiter per eBay API and developer app for the process: eBay counts its daily call limits per
 * application and API, so every run of every cart on that app (and the download and the upload of one
 * cart) draws on the same bucket. `dailyCalls` is for tests and the bench only.
 */
export function ebayApiLimiter(apiBase: string, clientId: string, api: EbayApi, dailyCalls?: number): TokenBucketLimiter {
  const address = `${apiBase}/sell/${api}/${encodeURIComponent(clientId)}`;
  return shopLimiter('ebay', address, () => new TokenBucketLimiter(`eBay ${api === 'fulfillment' ? 'Fulfillment' : 'Inventory'} API`, ebayBudget(api, dailyCalls)));
}
