import { mapBigCommerceOrder, type BigCommerceOrderMapping, type BigCommerceOrderParts } from './order-mapper.js';
import { ORDER_INCLUDES, partsFromConsignments } from './order-parts.js';
import { readAllPages, V2_MAX_PAGE_SIZE } from './read-all-pages.js';
import { BigCommerceHttpError, type BigCommerceClient } from './rest-client.js';
import { toDateFilter } from './values.js';

/**
 * One page of GET /v2/orders modified since a time, oldest change first, each order mapped (or
 * refused with its reason). The incremental download (the connector kit: overlap window, high-water
 * mark, de-duplication) decides which pages to ask for.
 *
 * Page numbers are offsets: an order modified while the pages are read moves to the end of the list
 * and the orders after it move up one place, so the caller should move `modifiedSince` forward to the
 * page's last date_modified (keyset) rather than count pages, and de-duplicate by order id.
 */

export const MAX_PAGE_SIZE = V2_MAX_PAGE_SIZE;

export interface OrderPageRequest {
  /** ISO UTC; inclusive, at whole seconds as the store keeps them. */
  modifiedSince: string;
  /** ISO UTC; inclusive: only orders modified up to this second (to walk one second through by id). */
  modifiedUntil?: string;
  /** ISO UTC; inclusive: only orders created since (the cart's earliest order date). */
  createdSince?: string;
  /** Only orders with this id or higher, listed by id instead of by date_modified. */
  minId?: number;
  page: number;
  limit?: number;
}

export interface OrderPageResult {
  orders: BigCommerceOrderMapping[];
  /** Orders the store listed on this page, mapped or not. */
  received: number;
  /** Fewer than `limit` orders (or 204 No Content): there is no next page. */
  last: boolean;
}

export async function readOrderPage(client: BigCommerceClient, request: OrderPageRequest): Promise<OrderPageResult> {
  const limit = Math.min(MAX_PAGE_SIZE, request.limit ?? MAX_PAGE_SIZE);
  const listed = await client.getList('/v2/orders', {
    min_date_modified: toDateFilter(request.modifiedSince),
    max_date_modified: request.modifiedUntil === undefined ? undefined : toDateFilter(request.modifiedUntil),
    min_date_created: request.createdSince === undefined ? undefined : toDateFilter(request.createdSince),
    min_id: request.minId,
    sort: request.minId === undefined ? 'date_modified:asc' : 'id:asc',
    page: request.page,
    limit,
    ...ORDER_INCLUDES,
  });
  const orders: BigCommerceOrderMapping[] = [];
  for (const raw of listed) orders.push(await mapListedOrder(client, raw));
  return { orders, received: listed.length, last: listed.length < limit };
}

/** One order as a list (or GET /v2/orders/{id} with ORDER_INCLUDES) gives it, mapped with its lines and addresses. */
export async function mapListedOrder(client: BigCommerceClient, raw: unknown): Promise<BigCommerceOrderMapping> {
  const parts = partsFromConsignments(raw) ?? (await readParts(client, raw));
  if ('missing' in parts) {
    // Still mapped, for the id and date_modified the sync position needs; the reason is ours.
    const mapped = mapBigCommerceOrder({ order: raw, products: null, shippingAddresses: null });
    return mapped.ok ? mapped : { ...mapped, reason: parts.missing };
  }
  return mapBigCommerceOrder(parts);
}

/** The sub-resources of an order that came without its consignments, or why they cannot be read. */
async function readParts(client: BigCommerceClient, order: unknown): Promise<BigCommerceOrderParts | { missing: string }> {
  const id = typeof order === 'object' && order !== null ? (order as { id?: unknown }).id : undefined;
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) return { missing: `the order has no id to read its lines with (${JSON.stringify(id)})` };
  try {
    const [products, shippingAddresses] = await Promise.all([
      readAllPages(client, `/v2/orders/${id}/products`),
      readAllPages(client, `/v2/orders/${id}/shipping_addresses`),
    ]);
    return { order, products, shippingAddresses };
  } catch (err) {
    if (err instanceof BigCommerceHttpError && err.status === 404) return { missing: `order ${id} was deleted while its lines were read` };
    throw err;
  }
}
