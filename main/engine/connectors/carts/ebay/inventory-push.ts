import type { InventoryPushResult } from '../cart-connector.js';
import { EbayApiError } from './ebay-errors.js';
import type { EbayRestClient } from './rest-client.js';
import { bulkPriceQuantityReplySchema, offersSchema } from './schemas.js';

/**
 * Stock levels -> bulkUpdatePriceQuantity (POST /sell/inventory/v1/bulk_update_price_quantity), at most
 * 25 SKUs a call. eBay wants the quantity set on the inventory item and on each of its published offers
 * (or the listing keeps the old one), so each SKU's offers are looked up first (GET /offer?sku=…) and
 * kept for the connector's life (one run). A SKU with no inventory item on eBay is unknown; a SKU eBay
 * refuses in the 207 multi-status reply fails with its message while the others are written.
 */

export const EBAY_BULK_MAX = 25;

/** SKU -> its offer ids, or null for a SKU eBay does not know. Kept per connector (one run). */
export type OfferCache = Map<string, string[] | null>;

async function offersOf(client: EbayRestClient, cache: OfferCache, sku: string): Promise<string[] | null> {
  const cached = cache.get(sku);
  if (cached !== undefined) return cached;
  let ids: string[] | null;
  try {
    const { value } = await client.json('GET', '/sell/inventory/v1/offer', offersSchema, {
      what: `the offers of ${sku}`,
      api: 'inventory',
      query: new URLSearchParams({ sku }),
    });
    ids = value.offers.map((o) => o.offerId);
  } catch (err) {
    // 404 (and eBay's "SKU not found" as a 400) mean no inventory item: the SKU is not sold through this API.
    if (err instanceof EbayApiError && err.kind === 'data') ids = null;
    else throw err;
  }
  cache.set(sku, ids);
  return ids;
}

export async function pushEbayInventory(client: EbayRestClient, cache: OfferCache, levels: { sku: string; quantity: number }[]): Promise<InventoryPushResult> {
  const result: InventoryPushResult = { updated: 0, unknownSkus: [], failed: [] };
  const known: { sku: string; quantity: number; offers: string[] }[] = [];
  for (const level of levels) {
    if (!Number.isInteger(level.quantity)) {
      result.failed.push({ sku: level.sku, reason: `${level.quantity} is not a whole number of units` });
      continue;
    }
    const offers = await offersOf(client, cache, level.sku);
    // eBay refuses a negative quantity; a warehouse short of stock has none to sell.
    if (offers === null) result.unknownSkus.push(level.sku);
    else known.push({ sku: level.sku, quantity: Math.max(0, level.quantity), offers });
  }
  for (let i = 0; i < known.length; i += EBAY_BULK_MAX) {
    const batch = known.slice(i, i + EBAY_BULK_MAX);
    const body = {
      requests: batch.map((l) => ({
        sku: l.sku,
        shipToLocationAvailability: { quantity: l.quantity },
        offers: l.offers.map((offerId) => ({ offerId, availableQuantity: l.quantity })),
      })),
    };
    const { value } = await client.json('POST', '/sell/inventory/v1/bulk_update_price_quantity', bulkPriceQuantityReplySchema, {
      what: `the stock of ${batch.length} SKU${batch.length === 1 ? '' : 's'}`,
      api: 'inventory',
      body,
    });
    const refused = new Map<string, string>();
    for (const r of value.responses) {
      if (r.statusCode < 400 || !r.sku || refused.has(r.sku)) continue;
      const e = r.errors?.[0];
      refused.set(r.sku, `eBay refused the quantity${r.offerId ? ` of offer ${r.offerId}` : ''}: ${e?.longMessage ?? e?.message ?? `HTTP ${r.statusCode}`}${e?.errorId ? ` (eBay error ${e.errorId})` : ''}`);
    }
    for (const l of batch) {
      const reason = refused.get(l.sku);
      if (reason) result.failed.push({ sku: l.sku, reason });
      else result.updated += 1;
    }
  }
  return result;
}
