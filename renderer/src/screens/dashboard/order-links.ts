import { BUCKET_OF_STATUS, ORDER_STATUSES, type HealthBucket, type OrderStatus } from '../../../../shared/domain.js';
import { ordersPath } from '../orders/orders-query.js';

/** The order statuses that make up each health bucket, in lifecycle order. */
export function statusesOf(bucket: HealthBucket): OrderStatus[] {
  return ORDER_STATUSES.filter((status) => BUCKET_OF_STATUS[status] === bucket);
}

/**
 * A link to the Orders screen showing exactly the orders a dashboard count counts: a bucket links with
 * `?bucket=` (all of its statuses), a status with `?status=`.
 */
export function ordersLink(filter: { merchant?: number; cart?: number; status?: OrderStatus; bucket?: HealthBucket }): string {
  return ordersPath({ merchantId: filter.merchant, cartId: filter.cart, bucket: filter.bucket, status: filter.status, offset: 0 });
}
