import { listingWithSkusSchema, listPageSchema } from './payload-schemas.js';
import type { EtsyClient } from './rest-client.js';

/**
 * Which listings hold each SKU: the shop's listings read with their inventory (getListingsByShop,
 * includes=Inventory), 100 a page, once per run (the connector keeps the map). Etsy has no SKU search,
 * so this walk is what finds them. Listings of every state a quantity matters for: active ones, sold
 * out ones (a restock brings them back), inactive ones and drafts (stock right before they go live).
 */
export const LISTING_STATES = ['active', 'sold_out', 'inactive', 'draft'] as const;
const PAGE = 100;

export type SkuListings = Map<string, number[]>;

export async function readSkuListings(client: EtsyClient, shopId: string): Promise<SkuListings> {
  const map: SkuListings = new Map();
  const add = (sku: string, listingId: number) => {
    const ids = map.get(sku) ?? [];
    if (!ids.includes(listingId)) ids.push(listingId);
    map.set(sku, ids);
  };
  for (const state of LISTING_STATES) {
    for (let offset = 0; ; offset += PAGE) {
      const query = new URLSearchParams({ state, includes: 'Inventory', limit: String(PAGE), offset: String(offset) });
      const reply = await client.get(`/shops/${shopId}/listings`, listPageSchema, { what: `the shop's ${state.replace('_', ' ')} listings`, query });
      for (const raw of reply.results) {
        const parsed = listingWithSkusSchema.safeParse(raw);
        if (!parsed.success) continue; // a listing we cannot read holds no SKU we can find
        const listing = parsed.data;
        for (const sku of listing.skus ?? []) if (sku.trim() !== '') add(sku.trim(), listing.listing_id);
        for (const p of listing.inventory?.products ?? []) if (!p.is_deleted && p.sku && p.sku.trim() !== '') add(p.sku.trim(), listing.listing_id);
      }
      if (reply.results.length < PAGE || offset + PAGE >= reply.count) break;
    }
  }
  return map;
}
