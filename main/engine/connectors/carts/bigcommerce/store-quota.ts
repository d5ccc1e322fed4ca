import { normalizeAddress } from '../kit/shop-limiters.js';
import { RequestQuotaTracker } from './request-quota.js';

/**
 * One request-quota tracker per store for the whole process. BigCommerce counts its quota per store
 * (every app and every API account of the store draws on it), so the download, the shipment upload and
 * the inventory push of a store, and two carts of one store, must pace on the same reading instead of
 * each believing it owns the whole window. Keyed by where the requests go: the API address and the
 * store hash (a cart moved to another store or address gets another tracker).
 */
const trackers = new Map<string, RequestQuotaTracker>();

export function storeQuota(apiAddress: string, storeHash: string): RequestQuotaTracker {
  const key = `${normalizeAddress(apiAddress)}/stores/${storeHash.toLowerCase()}`;
  let tracker = trackers.get(key);
  if (!tracker) {
    tracker = new RequestQuotaTracker();
    trackers.set(key, tracker);
  }
  return tracker;
}

/** Forgets every tracker (tests). */
export function clearStoreQuotas(): void {
  trackers.clear();
}
