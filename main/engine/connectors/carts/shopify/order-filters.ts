import type { CanonicalOrder } from '../../../../../shared/domain.js';
import type { ShopifySettings } from '../../../../../shared/schemas/shopify.js';

type Filters = ShopifySettings['filters'];

/** What the order-status filter needs to know about an order besides its canonical fields. */
export interface OrderStatusFacts {
  canceled: boolean;
  closed: boolean;
}

/**
 * Why the settings' filters exclude this order, or undefined when it passes. Applied on our side so that
 * every order (a cancellation of one we already hold included) still reaches the service.
 */
export function skipReasonFor(order: CanonicalOrder, facts: OrderStatusFacts, filters: Filters): string | undefined {
  if (order.cartState.test && !filters.includeTestOrders) {
    return 'test order (placed with a test payment): test orders are left out unless the cart settings include them';
  }
  const status = facts.canceled ? 'cancelled' : facts.closed ? 'closed' : 'open';
  if (filters.orderStatus !== 'any' && status !== filters.orderStatus) {
    return `order status ${status} is not in the filter (${filters.orderStatus} orders only)`;
  }
  const financial = order.cartState.financialStatus ?? 'NONE';
  if (filters.financialStatuses.length > 0 && !(filters.financialStatuses as readonly string[]).includes(financial)) {
    return `financial status ${financial} is not in the filter (${filters.financialStatuses.join(', ')})`;
  }
  const fulfillment = order.cartState.fulfillmentStatus ?? 'NONE';
  if (filters.fulfillmentStatuses.length > 0 && !(filters.fulfillmentStatuses as readonly string[]).includes(fulfillment)) {
    return `fulfillment status ${fulfillment} is not in the filter (${filters.fulfillmentStatuses.join(', ')})`;
  }
  return undefined;
}
