import { randomUUID } from 'node:crypto';
import { ok, problem, type FakeAnswer } from './answers.js';
import type { FakeBcProduct } from './model.js';
import type { FakeBcStore } from './store-state.js';
import { v3Page, v3ProductView, v3VariantView } from './views.js';

/** v3 catalog look-ups by SKU and the absolute inventory adjustment (inventory.v3 spec). */

const MAX_LIMIT = 250;
const MAX_ADJUSTMENT_ITEMS = 2000;
/** The store has one location, the default one. */
const LOCATION_IDS = new Set([1]);

export function listProducts(store: FakeBcStore, query: URLSearchParams): FakeAnswer {
  const skus = skuFilter(query);
  const ids = query.get('id:in')?.split(',').map(Number);
  const products = [...store.products.values()].filter((p) => (!skus || skus.has(p.sku)) && (!ids || ids.includes(p.id)));
  return paged(products.map(v3ProductView), query);
}

export function listVariants(store: FakeBcStore, query: URLSearchParams): FakeAnswer {
  const skus = skuFilter(query);
  const productIds = query.get('product_id:in')?.split(',').map(Number);
  const variants: Record<string, unknown>[] = [];
  for (const product of store.products.values()) {
    if (productIds && !productIds.includes(product.id)) continue;
    product.variants.forEach((v, index) => {
      if (!skus || skus.has(v.sku)) variants.push(v3VariantView(product, index));
    });
  }
  return paged(variants, query);
}

type Target = { product: FakeBcProduct; variantIndex: number | null; quantity: number };

/** PUT /inventory/adjustments/absolute: all items or none; an item the store cannot place is a 422. */
export function absoluteAdjustment(store: FakeBcStore, body: unknown): FakeAnswer {
  if (!isRecord(body) || !Array.isArray(body.items) || body.items.length === 0) {
    return problem(422, 'The request body is invalid: items are required.'); // [U]
  }
  if (body.items.length > MAX_ADJUSTMENT_ITEMS) return problem(422, `A request may adjust at most ${MAX_ADJUSTMENT_ITEMS} items.`); // [U]
  const targets: Target[] = [];
  for (const item of body.items) {
    const found = resolve(store, item);
    if ('title' in found) return problem(422, found.title);
    targets.push(found);
  }
  for (const t of targets) {
    if (t.variantIndex === null || t.product.inventory_tracking !== 'variant') t.product.inventory_level = t.quantity;
    else t.product.variants[t.variantIndex].inventory_level = t.quantity;
  }
  store.adjustments.push({ reason: typeof body.reason === 'string' ? body.reason : '', items: body.items as Record<string, unknown>[] });
  return ok({ transaction_id: randomUUID() });
}

function resolve(store: FakeBcStore, item: unknown): Target | { title: string } {
  if (!isRecord(item)) return { title: 'The request body is invalid.' }; // [U]
  const quantity = item.quantity;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0) return { title: '[Item quantity must be a whole number of at least 0]' }; // [U]
  if (!LOCATION_IDS.has(Number(item.location_id))) return { title: `[Location with id ${String(item.location_id)} not found]` }; // [U]
  if (item.product_id !== undefined) {
    const product = store.products.get(Number(item.product_id));
    if (!product) return { title: `Items with identity: [product_id ${String(item.product_id)}] not found` }; // [U]
    if (product.inventory_tracking === 'variant') {
      return { title: `[Item with product_id ${product.id} is tracked by variant, please update stock by variant id]` }; // [U]
    }
    return { product, variantIndex: null, quantity };
  }
  let match: { product: FakeBcProduct; index: number } | undefined;
  let identity: string;
  if (item.variant_id !== undefined) {
    identity = `variant_id ${String(item.variant_id)}`;
    for (const product of store.products.values()) {
      const index = product.variants.findIndex((v) => v.id === Number(item.variant_id));
      if (index >= 0) match = { product, index };
    }
  } else if (typeof item.sku === 'string') {
    identity = `sku ${item.sku}`;
    for (const product of store.products.values()) {
      const index = product.variants.findIndex((v) => v.sku === item.sku);
      if (index >= 0) match = { product, index };
    }
  } else return { title: 'Each item needs one of sku, variant_id or product_id.' }; // [U]
  if (!match) return { title: `Items with identity: [${identity}] not found` }; // [U]
  // A product tracked as a whole takes its stock by product id (or its own SKU), never by one of its variants.
  if (match.product.inventory_tracking === 'product' && match.index > 0) {
    return { title: `[Item with variant_id ${match.product.variants[match.index].id} is tracked by product, please update stock by product id]` };
  }
  return { product: match.product, variantIndex: match.index, quantity };
}

function skuFilter(query: URLSearchParams): Set<string> | null {
  const one = query.get('sku');
  const many = query.get('sku:in');
  if (one === null && many === null) return null;
  return new Set([...(one !== null ? [one] : []), ...(many?.split(',') ?? [])]);
}

function paged(all: unknown[], query: URLSearchParams): FakeAnswer {
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const limit = Math.min(MAX_LIMIT, Math.max(1, Number(query.get('limit') ?? 50) || 50));
  return ok(v3Page(all.slice((page - 1) * limit, page * limit), all.length, page, limit));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
