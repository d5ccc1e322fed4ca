import { pagingHeaders, readList, readPaging, slice } from './collection-params.js';
import { productJson, variationJson, type FakeProduct, type FakeVariation } from './fake-model.js';
import type { FakeWooStore } from './fake-store.js';
import { isRecord, type RouteRequest } from './orders-routes.js';
import { json, restError, type FakeReply } from './wp-replies.js';

/**
 * /products (by sku), /products/<id>, /products/<id>/variations and the two batch routes. As in
 * WooCommerce, /products?sku= searches products only: a variation's SKU is found under its parent.
 * Stock sent while manage_stock is off is accepted and ignored, without a word.
 */

export const MAX_BATCH_ITEMS = 100;

export function productsRoute(store: FakeWooStore, req: RouteRequest): FakeReply | undefined {
  const [, first, second, third, fourth] = req.parts;
  if (first === undefined) return req.method === 'GET' ? listProducts(store, req) : undefined;
  if (first === 'batch' && second === undefined) return req.method === 'POST' ? batch(req, (item) => updateProduct(store, item)) : undefined;
  if (!/^\d+$/.test(first)) return undefined;
  const product = store.products.get(Number(first));
  if (second === undefined) {
    if (!product) return restError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
    if (req.method === 'GET') return json(200, productJson(product));
    if (req.method === 'PUT' || req.method === 'POST' || req.method === 'PATCH') {
      const result = updateProduct(store, { ...(isRecord(req.body) ? req.body : {}), id: product.id });
      return itemReply(result);
    }
    return undefined;
  }
  if (second !== 'variations') return undefined;
  if (!product) return restError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
  if (third === undefined) return req.method === 'GET' ? listVariations(store, req, product) : undefined;
  if (third === 'batch' && fourth === undefined) {
    return req.method === 'POST' ? batch(req, (item) => updateVariation(store, product, item)) : undefined;
  }
  if (!/^\d+$/.test(third) || fourth !== undefined) return undefined;
  if (req.method === 'GET') {
    const variation = store.variations.get(Number(third));
    if (!variation || variation.parent_id !== product.id) return restError(404, 'woocommerce_rest_product_variation_invalid_id', 'Invalid ID.');
    return json(200, variationJson(variation, product));
  }
  if (req.method === 'PUT' || req.method === 'POST' || req.method === 'PATCH') {
    const result = updateVariation(store, product, { ...(isRecord(req.body) ? req.body : {}), id: Number(third) });
    return itemReply(result);
  }
  return undefined;
}

function listProducts(store: FakeWooStore, req: RouteRequest): FakeReply {
  const paging = readPaging(req.query);
  if ('status' in paging) return paging;
  const skus = readList(req.query, 'sku');
  const type = req.query.get('type');
  const matching = [...store.products.values()]
    .filter((p) => (skus ? skus.includes(p.sku) : true) && (type ? p.type === type : true))
    .sort((a, b) => b.id - a.id);
  return json(200, slice(matching, paging).map(productJson), pagingHeaders(matching.length, paging, req.url));
}

function listVariations(store: FakeWooStore, req: RouteRequest, product: FakeProduct): FakeReply {
  const paging = readPaging(req.query);
  if ('status' in paging) return paging;
  const skus = readList(req.query, 'sku');
  const matching = product.variations
    .map((id) => store.variations.get(id) as FakeVariation)
    .filter((v) => (skus ? skus.includes(v.sku) : true));
  return json(200, slice(matching, paging).map((v) => variationJson(v, product)), pagingHeaders(matching.length, paging, req.url));
}

type ItemError = { id: number; error: { code: string; message: string; data: { status: number } } };
type ItemResult = Record<string, unknown> | ItemError;

function itemReply(result: ItemResult): FakeReply {
  return isItemError(result) ? { status: result.error.data.status, body: result.error } : json(200, result);
}

function isItemError(result: ItemResult): result is ItemError {
  return isRecord(result.error) && 'code' in result.error;
}

/** {create, update, delete}: at most 100 objects in all; each item answers itself, errors included. */
function batch(req: RouteRequest, update: (item: Record<string, unknown>) => ItemResult): FakeReply {
  const body = isRecord(req.body) ? req.body : {};
  const lists = (['create', 'update', 'delete'] as const).filter((k) => Array.isArray(body[k]));
  const count = lists.reduce((n, k) => n + (body[k] as unknown[]).length, 0);
  if (count > MAX_BATCH_ITEMS) {
    return restError(413, 'woocommerce_rest_request_entity_too_large', `Unable to accept more than ${MAX_BATCH_ITEMS} items for this request.`);
  }
  const reply: Record<string, unknown[]> = {};
  for (const key of lists) {
    const items = body[key] as unknown[];
    reply[key] = items.map((item) => {
      if (key !== 'update') return { id: 0, error: itemError('woocommerce_rest_cannot_create', 'The fake store only updates in batches.', 400) };
      return isRecord(item) ? update(item) : { id: 0, error: itemError('woocommerce_rest_invalid_id', 'Invalid ID.', 400) };
    });
  }
  return json(200, reply);
}

function updateProduct(store: FakeWooStore, item: Record<string, unknown>): ItemResult {
  const id = Number(item.id);
  const product = store.products.get(id);
  if (!product) return { id: Number.isFinite(id) ? id : 0, error: itemError('woocommerce_rest_product_invalid_id', 'Invalid ID.', 400) };
  if (typeof item.manage_stock === 'boolean') product.manage_stock = item.manage_stock;
  if (product.manage_stock && item.stock_quantity !== undefined) {
    const quantity = Number(item.stock_quantity);
    if (!Number.isInteger(quantity)) return { id, error: itemError('rest_invalid_param', 'Invalid parameter(s): stock_quantity', 400) };
    product.stock_quantity = quantity;
    store.stockWrites.push({ sku: product.sku, quantity });
  }
  store.tick();
  return productJson(product);
}

function updateVariation(store: FakeWooStore, parent: FakeProduct, item: Record<string, unknown>): ItemResult {
  const id = Number(item.id);
  const variation = store.variations.get(id);
  if (!variation || variation.parent_id !== parent.id) {
    return { id: Number.isFinite(id) ? id : 0, error: itemError('woocommerce_rest_product_variation_invalid_id', 'Invalid ID.', 400) };
  }
  if (typeof item.manage_stock === 'boolean') variation.manage_stock = item.manage_stock;
  if (variation.manage_stock === true && item.stock_quantity !== undefined) {
    const quantity = Number(item.stock_quantity);
    if (!Number.isInteger(quantity)) return { id, error: itemError('rest_invalid_param', 'Invalid parameter(s): stock_quantity', 400) };
    variation.stock_quantity = quantity;
    store.stockWrites.push({ sku: variation.sku, quantity });
  }
  store.tick();
  return variationJson(variation, parent);
}

function itemError(code: string, message: string, status: number): ItemError['error'] {
  return { code, message, data: { status } };
}
