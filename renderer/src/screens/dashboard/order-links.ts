import { BUCKET_OF_STATUS, ORDER_STATUSES, type HealthBucket, type OrderStatus } from '../../../../shared/domain.js';
import { withQuery } from '../../app/router.js';

/** The order statuses that make up each health bucket, in lifecycle order. */
export function statusesOf(bucket: HealthBucket): OrderStatus[] {
  return ORDER_STATUSES.filter((status) => BUCKET_OF_STATUS[status] === bucket);
}

/**
 * The Orders screen filters by one status (`?merchant&cart&status`). A bucket of one status links to
 * it; a bucket of several links to the merchant's orders unfiltered rather than to a part of it.
 */
export function ordersLink(filter: { merchant?: number; cart?: number; status?: OrderStatus; bucket?: HealthBucket }): string {
  const statuses = filter.bucket ? statusesOf(filter.bucket) : [];
  const status = filter.status ?? (statuses.length === 1 ? statuses[0] : undefined);
  return withQuery('/orders', { merchant: filter.merchant, cart: filter.cart, status });
}
