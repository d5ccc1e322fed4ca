import { DockhandError } from '../../../../../shared/errors.js';
import { batchReplySchema, wooProductSchema, wooVariationSchema, type WooProduct, type WooVariation } from './payload-schemas.js';
import type { WooRestClient } from './rest-client.js';

/**
 * Stock calls: find products by SKU, a variable product's variations, and batch updates of at most
 * 100 items. WooCommerce's /products?sku= does not search variations (a variation's SKU is found only
 * under its parent), and it accepts stock for an item whose manage_stock is off while ignoring it, so
 * each answered item is checked and reported, never assumed written.
 */

export const MAX_BATCH_ITEMS = 100;
const LOOKUP_SKUS_PER_CALL = 50;

/** Products (simple or variable parents) whose own SKU is one of `skus`. */
export async function findProductsBySku(client: WooRestClient, skus: readonly string[]): Promise<WooProduct[]> {
  const found: WooProduct[] = [];
  for (let i = 0; i < skus.length; i += LOOKUP_SKUS_PER_CALL) {
    const chunk = skus.slice(i, i + LOOKUP_SKUS_PER_CALL);
    // A comma inside a SKU would split it: such SKUs are asked for one at a time.
    const plain = chunk.filter((s) => !s.includes(','));
    const asks = [...(plain.length > 0 ? [plain.join(',')] : []), ...chunk.filter((s) => s.includes(','))];
    for (const sku of asks) {
      const page = await client.list('wc/v3/products', { sku, per_page: 100 });
      found.push(...parseAll(page.items, wooProductSchema, client.label, 'product'));
    }
  }
  return found;
}

/** Every variation of one variable product (paged by 100). */
export async function listVariations(client: WooRestClient, parentId: number): Promise<WooVariation[]> {
  const all: WooVariation[] = [];
  for (let page = 1; ; page++) {
    const reply = await client.list(`wc/v3/products/${parentId}/variations`, { per_page: 100, page });
    all.push(...parseAll(reply.items, wooVariationSchema, client.label, 'variation'));
    const totalPages = reply.totalPages ?? (reply.items.length < 100 ? page : page + 1);
    if (page >= totalPages || reply.items.length === 0) return all;
  }
}

export interface StockUpdate {
  id: number;
  quantity: number;
}

export type StockOutcome =
  | { id: number; ok: true }
  | { id: number; ok: false; reason: 'not_managed' | 'refused'; message: string };

/**
 * Sets stock_quantity for products (parentId undefined) or for one parent's variations, 100 per call.
 * manage_stock is not switched on for the merchant: an item that does not manage stock is reported.
 */
export async function updateStock(client: WooRestClient, updates: readonly StockUpdate[], parentId?: number): Promise<StockOutcome[]> {
  const route = parentId === undefined ? 'wc/v3/products/batch' : `wc/v3/products/${parentId}/variations/batch`;
  const outcomes: StockOutcome[] = [];
  for (let i = 0; i < updates.length; i += MAX_BATCH_ITEMS) {
    const chunk = updates.slice(i, i + MAX_BATCH_ITEMS);
    const reply = await client.request('POST', route, { body: { update: chunk.map((u) => ({ id: u.id, stock_quantity: u.quantity })) }, idempotent: true });
    const parsed = batchReplySchema.safeParse(reply.value);
    const answers = parsed.success ? (parsed.data.update ?? []) : [];
    if (answers.length !== chunk.length) {
      throw new DockhandError('transient', `${client.label} answered ${answers.length} of ${chunk.length} stock updates in ${route}`);
    }
    chunk.forEach((update, index) => outcomes.push(outcomeOf(update, answers[index])));
  }
  return outcomes;
}

function outcomeOf(update: StockUpdate, answer: unknown): StockOutcome {
  const item = answer as { error?: { code: string; message: string }; manage_stock?: unknown; stock_quantity?: unknown };
  if (item.error) return { id: update.id, ok: false, reason: 'refused', message: `${item.error.code}: ${item.error.message}` };
  if (item.manage_stock === false) {
    return { id: update.id, ok: false, reason: 'not_managed', message: 'stock is not managed for this item in WooCommerce (manage_stock is off), so the quantity was ignored' };
  }
  if (item.manage_stock === 'parent') {
    return { id: update.id, ok: false, reason: 'not_managed', message: 'this variation leaves stock to its parent product (manage_stock is "parent"), so its quantity was ignored' };
  }
  if (item.stock_quantity !== update.quantity) {
    return { id: update.id, ok: false, reason: 'refused', message: `WooCommerce kept stock ${String(item.stock_quantity)} instead of ${update.quantity}` };
  }
  return { id: update.id, ok: true };
}

function parseAll<T>(items: unknown[], schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, label: string, what: string): T[] {
  return items.map((item) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) throw new DockhandError('transient', `${label} sent a malformed ${what}`);
    return parsed.data;
  });
}
