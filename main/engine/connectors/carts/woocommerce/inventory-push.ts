import type { InventoryPushResult } from '../cart-connector.js';
import { findProductsBySku, listVariations, updateStock, type StockOutcome, type StockUpdate } from './stock-api.js';
import type { WooRestClient } from './rest-client.js';

/**
 * Stock levels to WooCommerce. A SKU is looked up among products first (GET /products?sku=); the rest
 * can only be variations, which WooCommerce finds only under their parent, so the variable products'
 * variations are read once per push. Updates go in batches of 100, products in one stream and each
 * parent's variations in another; an item whose stock WooCommerce does not manage is reported as failed
 * with that reason, never counted as updated.
 */

interface Target {
  id: number;
  parentId?: number;
}

export async function pushWooInventory(client: WooRestClient, levels: readonly { sku: string; quantity: number }[]): Promise<InventoryPushResult> {
  const wanted = new Map<string, number>();
  for (const level of levels) if (level.sku.trim() !== '') wanted.set(level.sku.trim(), level.quantity);
  const targets = new Map<string, Target>();
  for (const product of await findProductsBySku(client, [...wanted.keys()])) {
    if (wanted.has(product.sku) && !targets.has(product.sku)) targets.set(product.sku, { id: product.id });
  }
  const missing = [...wanted.keys()].filter((sku) => !targets.has(sku));
  if (missing.length > 0) {
    for (const [sku, target] of await variationTargets(client, new Set(missing))) targets.set(sku, target);
  }

  const groups = new Map<number | undefined, { sku: string; update: StockUpdate }[]>();
  for (const [sku, target] of targets) {
    const group = groups.get(target.parentId) ?? [];
    group.push({ sku, update: { id: target.id, quantity: wanted.get(sku) as number } });
    groups.set(target.parentId, group);
  }
  const result: InventoryPushResult = { updated: 0, unknownSkus: [...wanted.keys()].filter((sku) => !targets.has(sku)), failed: [] };
  for (const [parentId, group] of groups) {
    const outcomes: StockOutcome[] = await updateStock(client, group.map((g) => g.update), parentId);
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) result.updated += 1;
      else result.failed.push({ sku: group[i].sku, reason: outcome.message });
    });
  }
  return result;
}

/** The SKUs among the variations of the store's variable products. */
async function variationTargets(client: WooRestClient, skus: Set<string>): Promise<Map<string, Target>> {
  const found = new Map<string, Target>();
  for (let page = 1; ; page++) {
    const parents = await client.list('wc/v3/products', { type: 'variable', per_page: 100, page });
    for (const parent of parents.items) {
      const parentId = (parent as { id?: unknown }).id;
      if (typeof parentId !== 'number') continue;
      for (const variation of await listVariations(client, parentId)) {
        if (skus.has(variation.sku) && !found.has(variation.sku)) found.set(variation.sku, { id: variation.id, parentId });
      }
      if (found.size === skus.size) return found;
    }
    const totalPages = parents.totalPages ?? (parents.items.length < 100 ? page : page + 1);
    if (page >= totalPages || parents.items.length === 0) return found;
  }
}
