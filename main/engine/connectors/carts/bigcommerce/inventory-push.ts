import type { z } from 'zod';
import { isDockhandError } from '../../../../../shared/errors.js';
import type { InventoryPushResult } from '../cart-connector.js';
import type { BigCommerceClient } from './rest-client.js';
import { bcInventoryTransactionSchema, bcProductSchema, bcV3ListSchema, bcVariantSchema, describeIssues, type BcProduct, type BcVariant } from './schemas.js';

/**
 * Stock levels by SKU -> PUT /v3/inventory/adjustments/absolute. A SKU is found among the catalog's
 * variants (every product has a base variant carrying its own SKU); how the product tracks stock
 * decides what the adjustment names: the variant (tracked by variant) or the product (tracked as a
 * whole, only through its own SKU). A product that does not track stock is reported, not silently
 * skipped; SKUs the catalog does not have are listed as unknown.
 */

export interface InventoryPushOptions {
  /** BigCommerce's default location is 1. */
  locationId?: number;
  reason?: string;
}

/** SKUs per catalog look-up, keeping the query string short. (sku:in is comma-separated: a SKU with a comma is not found.) */
const SKUS_PER_LOOKUP = 50;
/** Items per adjustment request (inventory.v3: at most 2000). */
const ITEMS_PER_ADJUSTMENT = 2000;
const PAGE_LIMIT = 250;

type AdjustmentItem = { location_id: number; quantity: number } & ({ variant_id: number } | { product_id: number });

export async function pushInventory(client: BigCommerceClient, levels: { sku: string; quantity: number }[], options: InventoryPushOptions = {}): Promise<InventoryPushResult> {
  const locationId = options.locationId ?? 1;
  const wanted = new Map(levels.map((l) => [l.sku, l.quantity]));
  const variants = await lookUp(client, '/v3/catalog/variants', 'sku:in', [...wanted.keys()], bcVariantSchema);
  const products = new Map((await lookUp(client, '/v3/catalog/products', 'id:in', [...new Set(variants.map((v) => String(v.product_id)))], bcProductSchema)).map((p) => [p.id, p]));

  const result: InventoryPushResult = { updated: 0, unknownSkus: [], failed: [] };
  const bySku = new Map<string, BcVariant[]>();
  for (const v of variants) bySku.set(v.sku, [...(bySku.get(v.sku) ?? []), v]);
  const items: { sku: string; item: AdjustmentItem }[] = [];
  for (const [sku, quantity] of wanted) {
    const found = bySku.get(sku) ?? [];
    if (found.length === 0) {
      result.unknownSkus.push(sku);
      continue;
    }
    if (found.length > 1) {
      result.failed.push({ sku, reason: `the SKU is on ${found.length} variants in BigCommerce; stock cannot be set for one of them` });
      continue;
    }
    const target = adjustmentTarget(found[0], products.get(found[0].product_id));
    if ('reason' in target) result.failed.push({ sku, reason: target.reason });
    else items.push({ sku, item: { location_id: locationId, quantity: Math.max(0, Math.trunc(quantity)), ...target } });
  }

  for (let i = 0; i < items.length; i += ITEMS_PER_ADJUSTMENT) {
    const batch = items.slice(i, i + ITEMS_PER_ADJUSTMENT);
    try {
      const answer = bcInventoryTransactionSchema.safeParse(
        await client.put('/v3/inventory/adjustments/absolute', { reason: options.reason ?? 'Dockhand stock update', items: batch.map((b) => b.item) }),
      );
      if (!answer.success) throw client.malformed(`the adjustment answer: ${describeIssues(answer.error)}`);
      result.updated += batch.length;
    } catch (err) {
      // A refused adjustment (422) refuses every item of its request; the run goes on with the next.
      if (!isDockhandError(err) || err.kind !== 'data') throw err;
      for (const b of batch) result.failed.push({ sku: b.sku, reason: err.message });
    }
  }
  return result;
}

function adjustmentTarget(variant: BcVariant, product: BcProduct | undefined): { variant_id: number } | { product_id: number } | { reason: string } {
  if (!product) return { reason: `product ${variant.product_id} of the SKU was not found in the catalog` };
  switch (product.inventory_tracking) {
    case 'variant':
      return { variant_id: variant.id };
    case 'product':
      if (product.base_variant_id === variant.id || product.sku === variant.sku) return { product_id: product.id };
      return { reason: `its product (${product.sku}) tracks stock as a whole, not per variant: send the stock for ${product.sku}` };
    case 'none':
      return { reason: 'inventory tracking is off for this product in BigCommerce; turn it on to receive stock levels' };
  }
}

/** GET a v3 list filtered by `field` in chunks of values, every page of each. */
async function lookUp<T>(client: BigCommerceClient, path: string, field: string, values: string[], item: z.ZodType<T>): Promise<T[]> {
  const schema = bcV3ListSchema(item);
  const found: T[] = [];
  for (let i = 0; i < values.length; i += SKUS_PER_LOOKUP) {
    const chunk = values.slice(i, i + SKUS_PER_LOOKUP).join(',');
    for (let page = 1; ; page += 1) {
      const parsed = schema.safeParse(await client.get(path, { [field]: chunk, page, limit: PAGE_LIMIT }));
      if (!parsed.success) throw client.malformed(`${path}: ${describeIssues(parsed.error)}`);
      found.push(...(parsed.data.data as T[]));
      if (page >= parsed.data.meta.pagination.total_pages) break;
    }
  }
  return found;
}
