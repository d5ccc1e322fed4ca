import type { InventoryLevel } from '../../../../../shared/domain.js';
import { DockhandError } from '../../../../../shared/errors.js';
import type { InventoryPushResult } from '../cart-connector.js';
import { inventoryWithQuantities } from './inventory-body.js';
import type { SkuListings } from './listing-map.js';
import { inventorySchema } from './payload-schemas.js';
import type { EtsyClient } from './rest-client.js';

/**
 * Stock levels -> Etsy: for each listing that holds pushed SKUs, read its inventory
 * (getListingInventory), change the quantities of those SKUs' offerings, and put the whole inventory
 * back (updateListingInventory). Two requests per listing, however many of its SKUs change. A listing
 * Etsy refuses fails its SKUs with Etsy's reason; the others go on.
 */
export async function pushEtsyInventory(client: EtsyClient, listings: SkuListings, levels: InventoryLevel[]): Promise<InventoryPushResult> {
  const result: InventoryPushResult = { updated: 0, unknownSkus: [], failed: [] };
  const byListing = new Map<number, Map<string, number>>();
  for (const level of levels) {
    const sku = level.sku.trim();
    const ids = listings.get(sku);
    if (!ids) {
      result.unknownSkus.push(level.sku);
      continue;
    }
    if (!Number.isInteger(level.quantity)) {
      result.failed.push({ sku: level.sku, reason: `${level.quantity} is not a whole number of units` });
      continue;
    }
    for (const id of ids) {
      const quantities = byListing.get(id) ?? new Map<string, number>();
      quantities.set(sku, Math.max(0, level.quantity));
      byListing.set(id, quantities);
    }
  }
  const done = new Set<string>();
  const failed = new Map<string, string>();
  for (const [listingId, quantities] of byListing) {
    try {
      const inventory = await client.get(`/listings/${listingId}/inventory`, inventorySchema, { what: `the inventory of listing ${listingId}` });
      const { body, changed } = inventoryWithQuantities(inventory, quantities);
      if (changed.length === 0) continue; // the SKU left the listing since the map was read
      // Setting absolute quantities again leaves the same stock: safe to resend.
      await client.put(`/listings/${listingId}/inventory`, inventorySchema, { what: `the inventory of listing ${listingId}`, json: body });
      for (const sku of changed) done.add(sku);
    } catch (err) {
      if (!(err instanceof DockhandError) || (err.kind !== 'data' && err.kind !== 'not_found')) throw err;
      for (const sku of quantities.keys()) failed.set(sku, `Listing ${listingId}: ${err.message}`);
    }
  }
  for (const [sku, reason] of failed) result.failed.push({ sku, reason });
  for (const sku of done) if (!failed.has(sku)) result.updated += 1;
  for (const level of levels) {
    const sku = level.sku.trim();
    if (listings.has(sku) && Number.isInteger(level.quantity) && !done.has(sku) && !failed.has(sku)) result.unknownSkus.push(level.sku);
  }
  return result;
}
