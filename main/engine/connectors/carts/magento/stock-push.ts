import { DockhandError } from '../../../../../shared/errors.js';
import type { InventoryLevel } from '../../../../../shared/domain.js';
import type { InventoryPushResult } from '../cart-connector.js';
import { MagentoApiError } from './magento-errors.js';
import type { MagentoRestClient } from './rest-client.js';
import { productSkuSearchSchema, sourceSearchSchema, stockItemIdSchema, stockItemSchema, voidReplySchema } from './schemas.js';

/**
 * Stock levels -> Magento. Where Multi-Source Inventory is installed (2.3+ default) quantities go to one
 * source through POST /V1/inventory/source-items, batched; without it (MSI removed, or older stores)
 * through the legacy stock item, one SKU at a time (GET /V1/stockItems/{sku} for its item id, then
 * PUT /V1/products/{sku}/stockItems/{itemId}).
 *
 * SKUs are checked against the catalog first: MSI stores a source item for a SKU no product has without
 * complaint, so pushing blind would report success for stock that never shows in the store.
 */

export type StockMode = { kind: 'msi'; sourceCodes: string[] } | { kind: 'legacy' };

export const SOURCE_ITEMS_BATCH = 100;
const SKU_LOOKUP_BATCH = 50;

export async function detectStockMode(client: MagentoRestClient): Promise<StockMode> {
  try {
    const reply = await client.get('/V1/inventory/sources', sourceSearchSchema, {
      what: 'the inventory sources',
      query: new URLSearchParams({ 'searchCriteria[pageSize]': '100', 'searchCriteria[currentPage]': '1' }),
    });
    return { kind: 'msi', sourceCodes: reply.items.filter((s) => s.enabled !== false).map((s) => s.source_code) };
  } catch (err) {
    if (err instanceof MagentoApiError && err.missingRoute) return { kind: 'legacy' };
    throw err;
  }
}

export async function pushStock(
  client: MagentoRestClient,
  levels: InventoryLevel[],
  mode: StockMode,
  sourceCode = 'default',
): Promise<InventoryPushResult> {
  if (mode.kind === 'msi' && !mode.sourceCodes.includes(sourceCode)) {
    throw new DockhandError('config', `${client.label} has no inventory source "${sourceCode}" (it has ${mode.sourceCodes.join(', ') || 'none'})`);
  }
  const known = await knownSkus(client, levels.map((l) => l.sku));
  const result: InventoryPushResult = { updated: 0, unknownSkus: [], failed: [] };
  const toPush: InventoryLevel[] = [];
  for (const level of levels) {
    if (!known.has(level.sku)) result.unknownSkus.push(level.sku);
    else if (!Number.isInteger(level.quantity)) result.failed.push({ sku: level.sku, reason: `${level.quantity} is not a whole number of units` });
    else toPush.push(level);
  }
  if (mode.kind === 'msi') await pushSourceItems(client, toPush, sourceCode, result);
  else await pushStockItems(client, toPush, result);
  return result;
}

async function pushSourceItems(client: MagentoRestClient, levels: InventoryLevel[], sourceCode: string, result: InventoryPushResult): Promise<void> {
  for (let i = 0; i < levels.length; i += SOURCE_ITEMS_BATCH) {
    const batch = levels.slice(i, i + SOURCE_ITEMS_BATCH);
    const sourceItems = batch.map((l) => ({ sku: l.sku, source_code: sourceCode, quantity: Math.max(0, l.quantity), status: l.quantity > 0 ? 1 : 0 }));
    try {
      // Setting an absolute quantity twice leaves the same stock: safe to resend.
      await client.post('/V1/inventory/source-items', voidReplySchema, {
        what: `the stock of ${batch.length} SKUs`,
        body: { sourceItems },
      });
      result.updated += batch.length;
    } catch (err) {
      if (!(err instanceof DockhandError) || err.kind !== 'data') throw err;
      for (const l of batch) result.failed.push({ sku: l.sku, reason: err.message });
    }
  }
}

async function pushStockItems(client: MagentoRestClient, levels: InventoryLevel[], result: InventoryPushResult): Promise<void> {
  for (const level of levels) {
    const sku = encodeURIComponent(level.sku);
    try {
      const item = await client.get(`/V1/stockItems/${sku}`, stockItemSchema, { what: `the stock item of ${level.sku}` });
      await client.put(`/V1/products/${sku}/stockItems/${item.item_id}`, stockItemIdSchema, {
        what: `the stock of ${level.sku}`,
        body: { stockItem: { qty: Math.max(0, level.quantity), is_in_stock: level.quantity > 0 } },
      });
      result.updated += 1;
    } catch (err) {
      if (!(err instanceof DockhandError) || err.kind !== 'data') throw err;
      result.failed.push({ sku: level.sku, reason: err.message });
    }
  }
}

/** The SKUs of the list the catalog has. A SKU holding a comma is asked alone: "in" splits on commas. */
async function knownSkus(client: MagentoRestClient, skus: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  const plain = skus.filter((s) => !s.includes(','));
  const groups: { value: string; condition: 'in' | 'eq' }[] = skus.filter((s) => s.includes(',')).map((s) => ({ value: s, condition: 'eq' }));
  for (let i = 0; i < plain.length; i += SKU_LOOKUP_BATCH) groups.push({ value: plain.slice(i, i + SKU_LOOKUP_BATCH).join(','), condition: 'in' });
  for (const group of groups) {
    const reply = await client.get('/V1/products', productSkuSearchSchema, {
      what: 'the catalog SKUs',
      query: new URLSearchParams({
        'searchCriteria[filter_groups][0][filters][0][field]': 'sku',
        'searchCriteria[filter_groups][0][filters][0][value]': group.value,
        'searchCriteria[filter_groups][0][filters][0][condition_type]': group.condition,
        fields: 'items[sku],total_count',
      }),
    });
    for (const item of reply.items) known.add(item.sku);
  }
  return known;
}
