import { randomUUID } from 'node:crypto';
import { DockhandError } from '../../../../../shared/errors.js';
import type { InventoryPushResult } from '../cart-connector.js';
import type { ShopifyGraphqlClient } from './graphql-client.js';
import { inventorySetRequest } from './inventory-set-request.js';
import {
  INVENTORY_SET_CHUNK,
  LOCATIONS_QUERY,
  SKUS_PER_VARIANT_QUERY,
  VARIANTS_BY_SKU_QUERY,
} from './queries.js';
import { quoteSearchValue } from './search-syntax.js';
import type { ShopifyUserError } from './types.js';

/**
 * Inventory upload: SKUs -> inventory items (productVariants searched by SKU, several per query), the
 * current "available" at the chosen location read in the same query, and inventorySetQuantities for only
 * the quantities that differ, in chunks of at most 250, in the dialect of the API version called.
 */

interface ItemAtLocation {
  inventoryItemId: string;
  /** undefined when the item is not stocked at the location. */
  available: number | undefined;
}

interface PendingSet {
  sku: string;
  inventoryItemId: string;
  quantity: number;
}

export class InventoryPusher {
  private locationId: string | undefined;

  constructor(
    private readonly client: ShopifyGraphqlClient,
    private readonly configuredLocationId: string | undefined,
    /** The version the client calls (its endpoint's), which decides the mutation's dialect. */
    private readonly apiVersion: string,
  ) {}

  async push(levels: { sku: string; quantity: number }[]): Promise<InventoryPushResult> {
    const result: InventoryPushResult = { updated: 0, unknownSkus: [], failed: [] };
    const wanted = new Map<string, number>();
    for (const level of levels) {
      if (level.sku.trim() === '') continue;
      if (!Number.isInteger(level.quantity)) {
        result.failed.push({ sku: level.sku, reason: `quantity ${level.quantity} is not a whole number` });
        continue;
      }
      wanted.set(level.sku, level.quantity); // the last level of a SKU wins
    }
    if (wanted.size === 0) return result;

    const locationId = await this.location();
    const items = await this.findItems([...wanted.keys()], locationId);
    const pending: PendingSet[] = [];
    for (const [sku, quantity] of wanted) {
      const found = items.get(sku);
      if (!found || found.length === 0) {
        result.unknownSkus.push(sku);
        continue;
      }
      for (const item of found) {
        if (item.available !== quantity) pending.push({ sku, inventoryItemId: item.inventoryItemId, quantity });
      }
    }

    const failedSkus = new Map<string, string>();
    for (let i = 0; i < pending.length; i += INVENTORY_SET_CHUNK) {
      await this.setChunk(pending.slice(i, i + INVENTORY_SET_CHUNK), locationId, failedSkus);
    }
    const changedSkus = new Set(pending.map((p) => p.sku));
    for (const [sku, reason] of failedSkus) result.failed.push({ sku, reason });
    result.updated = [...changedSkus].filter((sku) => !failedSkus.has(sku)).length;
    return result;
  }

  private async location(): Promise<string> {
    if (this.configuredLocationId) return this.configuredLocationId;
    if (this.locationId) return this.locationId;
    const data = await this.client.query<unknown>(LOCATIONS_QUERY, {}, { costKey: 'locations', estimatedCost: 52 });
    const nodes = isRecord(data) && isRecord(data.locations) ? data.locations.nodes : undefined;
    if (!Array.isArray(nodes)) throw this.client.malformed('locations has no nodes');
    const active = nodes.find((n) => isRecord(n) && n.isActive === true && typeof n.id === 'string');
    if (!isRecord(active)) throw new DockhandError('config', 'The Shopify shop has no active location to hold inventory');
    this.locationId = String(active.id);
    return this.locationId;
  }

  private async findItems(skus: string[], locationId: string): Promise<Map<string, ItemAtLocation[]>> {
    const found = new Map<string, ItemAtLocation[]>();
    for (let i = 0; i < skus.length; i += SKUS_PER_VARIANT_QUERY) {
      const batch = new Set(skus.slice(i, i + SKUS_PER_VARIANT_QUERY));
      const query = [...batch].map((sku) => `sku:${quoteSearchValue(sku)}`).join(' OR ');
      let after: string | null = null;
      do {
        const data: unknown = await this.client.query<unknown>(
          VARIANTS_BY_SKU_QUERY,
          { query, after, locationId },
          { costKey: 'variants-by-sku', estimatedCost: 402 },
        );
        const connection = isRecord(data) ? data.productVariants : undefined;
        if (!isRecord(connection) || !Array.isArray(connection.nodes) || !isRecord(connection.pageInfo)) {
          throw this.client.malformed('productVariants is missing its nodes or pageInfo');
        }
        for (const variant of connection.nodes) {
          if (!isRecord(variant) || typeof variant.sku !== 'string' || !isRecord(variant.inventoryItem)) continue;
          // Shopify's search is prefix/fuzzy; only exact SKU matches count.
          if (!batch.has(variant.sku)) continue;
          const item = variant.inventoryItem;
          if (typeof item.id !== 'string') continue;
          const list = found.get(variant.sku) ?? [];
          if (!list.some((l) => l.inventoryItemId === item.id)) {
            list.push({ inventoryItemId: item.id, available: availableOf(item.inventoryLevel) });
          }
          found.set(variant.sku, list);
        }
        after = connection.pageInfo.hasNextPage === true && typeof connection.pageInfo.endCursor === 'string'
          ? connection.pageInfo.endCursor
          : null;
      } while (after);
    }
    return found;
  }

  /**
   * inventorySetQuantities is all-or-nothing: when some quantities are refused, those SKUs are recorded as
   * failed and the rest of the chunk is sent once more without them.
   */
  private async setChunk(chunk: PendingSet[], locationId: string, failed: Map<string, string>): Promise<void> {
    let remaining = chunk;
    for (let round = 0; round < 2 && remaining.length > 0; round++) {
      const errors = await this.sendSet(remaining, locationId);
      if (errors.length === 0) return;
      const rejected = new Set<number>();
      for (const error of errors) {
        const index = quantityIndex(error.field);
        if (index !== undefined && remaining[index]) {
          rejected.add(index);
          failed.set(remaining[index].sku, error.message);
        }
      }
      if (rejected.size === 0) {
        const reason = errors.map((e) => e.message).join('; ');
        for (const p of remaining) failed.set(p.sku, reason);
        return;
      }
      remaining = remaining.filter((_, i) => !rejected.has(i) && !failed.has(remaining[i].sku));
    }
    for (const p of remaining) if (!failed.has(p.sku)) failed.set(p.sku, 'Shopify refused the inventory update');
  }

  private async sendSet(items: PendingSet[], locationId: string): Promise<ShopifyUserError[]> {
    const quantities = items.map((p) => ({ inventoryItemId: p.inventoryItemId, locationId, quantity: p.quantity }));
    // A new key per request; the client's retries resend the same body, key included. Setting absolute
    // quantities is idempotent anyway, so this mutation may safely be resent.
    const { document, variables } = inventorySetRequest(this.apiVersion, quantities, randomUUID());
    const data = await this.client.query<unknown>(document, variables, { costKey: 'inventory-set', estimatedCost: 10 });
    const payload = isRecord(data) ? data.inventorySetQuantities : undefined;
    if (!isRecord(payload) || !Array.isArray(payload.userErrors)) {
      throw this.client.malformed('inventorySetQuantities has no userErrors');
    }
    return payload.userErrors.filter(isRecord).map((e) => ({
      message: typeof e.message === 'string' ? e.message : 'refused',
      field: Array.isArray(e.field) ? e.field.map(String) : null,
      code: typeof e.code === 'string' ? e.code : null,
    }));
  }
}

function availableOf(level: unknown): number | undefined {
  if (!isRecord(level) || !Array.isArray(level.quantities)) return undefined;
  const entry = level.quantities.find((q) => isRecord(q) && q.name === 'available');
  return isRecord(entry) && typeof entry.quantity === 'number' ? entry.quantity : undefined;
}

/** ["input", "quantities", "3", "quantity"] -> 3 */
function quantityIndex(field: string[] | null | undefined): number | undefined {
  if (!field) return undefined;
  const at = field.indexOf('quantities');
  const index = at >= 0 ? Number(field[at + 1]) : NaN;
  return Number.isInteger(index) ? index : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
