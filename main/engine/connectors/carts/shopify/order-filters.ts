import type { CanonicalOrder } from '../../../../../shared/domain.js';
import type { ShopifySettings } from '../../../../../shared/schemas/shopify.js';
import { allowedValues, refuseWhen, skipReason, type OrderRule } from '../kit/order-filter.js';

type Filters = ShopifySettings['filters'];

/** What the order-status filter needs to know about an order besides its canonical fields. */
export interface OrderStatusFacts {
  canceled: boolean;
  closed: boolean;
}

interface FilteredOrder {
  order: CanonicalOrder;
  facts: OrderStatusFacts;
}

const orderStatus = (facts: OrderStatusFacts): string => (facts.canceled ? 'cancelled' : facts.closed ? 'closed' : 'open');

/** The settings' filters as the kit's rules, in the order their reasons are given. */
export function shopifyOrderRules(filters: Filters): OrderRule<FilteredOrder>[] {
  return [
    refuseWhen<FilteredOrder>(
      'test orders',
      ({ order }) => order.cartState.test === true && !filters.includeTestOrders,
      'test order (placed with a test payment): test orders are left out unless the cart settings include them',
    ),
    refuseWhen<FilteredOrder>(
      'order status',
      ({ facts }) => filters.orderStatus !== 'any' && orderStatus(facts) !== filters.orderStatus,
      ({ facts }) => `order status ${orderStatus(facts)} is not in the filter (${filters.orderStatus} orders only)`,
    ),
    allowedValues<FilteredOrder>('financial status', ({ order }) => order.cartState.financialStatus ?? 'NONE', filters.financialStatuses),
    allowedValues<FilteredOrder>('fulfillment status', ({ order }) => order.cartState.fulfillmentStatus ?? 'NONE', filters.fulfillmentStatuses),
  ];
}

/**
 * Why the settings' filters exclude this order, or undefined when it passes. Applied on our side so that
 * every order (a cancellation of one we already hold included) still reaches the service.
 */
export function skipReasonFor(order: CanonicalOrder, facts: OrderStatusFacts, filters: Filters): string | undefined {
  let rules = rulesOf.get(filters);
  if (!rules) {
    rules = shopifyOrderRules(filters);
    rulesOf.set(filters, rules);
  }
  return skipReason({ order, facts }, rules);
}

/** Built once per settings object: a download asks for every order of the run. */
const rulesOf = new WeakMap<Filters, OrderRule<FilteredOrder>[]>();
