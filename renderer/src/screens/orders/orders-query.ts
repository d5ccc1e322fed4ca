import { BUCKET_OF_STATUS, HEALTH_BUCKETS, ORDER_STATUSES, type HealthBucket, type OrderStatus } from '../../../../shared/domain.js';
import { firstDirection, orderSortOf, parseOrderSort, type OrderSort, type OrderSortField } from '../../../../shared/order-sort.js';
import { withQuery } from '../../app/router.js';

/**
 * The Orders list's filters and sort live in the URL (`#/orders?merchant=&cart=&bucket=&status=&q=&sort=&offset=`),
 * so links and back work. `bucket` is the dashboard's "what waits for whom" (several statuses); with a
 * status too, both apply. `sort` is "field:dir" (shared/order-sort.ts); without it, newest first.
 */
export interface OrdersFilter {
  merchantId?: number;
  cartId?: number;
  bucket?: HealthBucket;
  status?: OrderStatus;
  search?: string;
  sort?: OrderSort;
  offset: number;
}

export const PAGE_SIZE = 50;

const positiveInt = (value: string | null): number | undefined => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

export function filterFromQuery(query: URLSearchParams): OrdersFilter {
  const offset = Number(query.get('offset'));
  return {
    merchantId: positiveInt(query.get('merchant')),
    cartId: positiveInt(query.get('cart')),
    bucket: oneOf(HEALTH_BUCKETS, query.get('bucket')),
    status: oneOf(ORDER_STATUSES, query.get('status')),
    search: query.get('q')?.trim() || undefined,
    sort: orderSortOf(query.get('sort')),
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

export function ordersPath(filter: OrdersFilter): string {
  return withQuery('/orders', {
    merchant: filter.merchantId,
    cart: filter.cartId,
    bucket: filter.bucket,
    status: filter.status,
    q: filter.search,
    sort: filter.sort,
    offset: filter.offset || undefined,
  });
}

export function hasFilters(filter: OrdersFilter): boolean {
  return Boolean(filter.merchantId || filter.cartId || filter.bucket || filter.status || filter.search);
}

/** Choosing a bucket keeps the status only if it is one of that bucket's, so the two never contradict. */
export function withBucket(filter: OrdersFilter, bucket: HealthBucket | undefined): OrdersFilter {
  const status = bucket && filter.status && BUCKET_OF_STATUS[filter.status] !== bucket ? undefined : filter.status;
  return { ...filter, bucket, status, offset: 0 };
}

/** Choosing a status keeps the bucket only if the status is in it. */
export function withStatus(filter: OrdersFilter, status: OrderStatus | undefined): OrdersFilter {
  const bucket = status && filter.bucket && BUCKET_OF_STATUS[status] !== filter.bucket ? undefined : filter.bucket;
  return { ...filter, bucket, status, offset: 0 };
}

/** The direction the list is sorted by `field`, or undefined when it is sorted by another column (or none). */
export function sortedBy(filter: OrdersFilter, field: OrderSortField): 'asc' | 'desc' | undefined {
  if (!filter.sort) return undefined;
  const { field: f, dir } = parseOrderSort(filter.sort);
  return f === field ? dir : undefined;
}

/**
 * A header pressed: the same column turns the other way round, another column sorts its natural way
 * first (dates and totals largest first). Back to the first page, as the rows are others now.
 */
export function withSort(filter: OrdersFilter, field: OrderSortField): OrdersFilter {
  const current = sortedBy(filter, field);
  const dir = current ? (current === 'asc' ? 'desc' : 'asc') : firstDirection(field);
  return { ...filter, sort: `${field}:${dir}`, offset: 0 };
}
