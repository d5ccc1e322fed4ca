import type { MagentoRestClient } from './rest-client.js';
import { orderSearchResultSchema } from './schemas.js';
import { isoToMagentoTime } from './values.js';

/**
 * One page of GET /V1/orders changed since a time, oldest change first. Magento filters with
 * searchCriteria (AdobeDocs rest/use-rest/performing-searches): updated_at gteq the high-water mark
 * (inclusive: the kit's overlap window and de-duplication take care of orders seen twice), sorted by
 * updated_at then entity_id so pages are stable among orders changed in the same second.
 *
 * Paging stops by total_count, never by an empty page: Magento answers a currentPage past the last page
 * with the last page again (magento/magento2#25619), so "until empty" never ends.
 */

export interface OrderPageRequest {
  /** ISO UTC; absent on a first run from the beginning. */
  updatedFrom?: string;
  /** 1-based, as Magento counts. */
  page: number;
  pageSize: number;
}

export interface OrderPage {
  /** Raw orders: each is mapped (and a malformed one recorded) on its own. */
  items: unknown[];
  totalCount: number;
  page: number;
  hasMore: boolean;
}

export function orderSearchQuery(req: OrderPageRequest): URLSearchParams {
  const q = new URLSearchParams();
  if (req.updatedFrom !== undefined) {
    q.set('searchCriteria[filter_groups][0][filters][0][field]', 'updated_at');
    q.set('searchCriteria[filter_groups][0][filters][0][value]', isoToMagentoTime(req.updatedFrom));
    q.set('searchCriteria[filter_groups][0][filters][0][condition_type]', 'gteq');
  }
  q.set('searchCriteria[sortOrders][0][field]', 'updated_at');
  q.set('searchCriteria[sortOrders][0][direction]', 'ASC');
  q.set('searchCriteria[sortOrders][1][field]', 'entity_id');
  q.set('searchCriteria[sortOrders][1][direction]', 'ASC');
  q.set('searchCriteria[pageSize]', String(req.pageSize));
  q.set('searchCriteria[currentPage]', String(req.page));
  return q;
}

export async function fetchOrderPage(client: MagentoRestClient, req: OrderPageRequest): Promise<OrderPage> {
  if (!Number.isInteger(req.page) || req.page < 1 || !Number.isInteger(req.pageSize) || req.pageSize < 1) {
    throw new RangeError(`page ${req.page} of ${req.pageSize}: both must be whole numbers from 1`);
  }
  const reply = await client.get('/V1/orders', orderSearchResultSchema, {
    what: `the order search (page ${req.page})`,
    query: orderSearchQuery(req),
  });
  return {
    items: reply.items,
    totalCount: reply.total_count,
    page: req.page,
    // Both: total_count says whether more exist; an empty page (orders deleted meanwhile) ends it too.
    hasMore: reply.items.length > 0 && req.page * req.pageSize < reply.total_count,
  };
}

/** The order a person knows by its number ("000000042"), or null: for diagnostics and change checks. */
export async function fetchOrderByIncrementId(client: MagentoRestClient, incrementId: string): Promise<unknown> {
  const q = new URLSearchParams({
    'searchCriteria[filter_groups][0][filters][0][field]': 'increment_id',
    'searchCriteria[filter_groups][0][filters][0][value]': incrementId.replace(/^#/, ''),
    'searchCriteria[filter_groups][0][filters][0][condition_type]': 'eq',
    'searchCriteria[pageSize]': '1',
    'searchCriteria[currentPage]': '1',
  });
  const reply = await client.get('/V1/orders', orderSearchResultSchema, { what: `the order numbered ${incrementId}`, query: q });
  return reply.items[0] ?? null;
}
