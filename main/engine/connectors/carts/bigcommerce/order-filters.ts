import { BIGCOMMERCE_ORDER_STATUSES } from '../../../../../shared/platforms/bigcommerce.js';
import { skipReason, type OrderRule } from '../kit/order-filter.js';
import type { BigCommerceOrderFacts } from './order-mapper.js';

/**
 * The settings' order filter: the statuses chosen in setup. Every order of the store is downloaded (a
 * cancellation of an order already at the warehouse must arrive); one in another status gets the
 * reason, in the words of the store's admin.
 */
export function statusRule(statusIds: readonly number[]): OrderRule<BigCommerceOrderFacts> {
  return {
    name: 'order status',
    refuses(facts) {
      if (statusIds.includes(facts.statusId)) return undefined;
      const chosen = statusIds.map(statusName).join(', ');
      return `order status ${statusName(facts.statusId)} is not in the filter (${chosen})`;
    },
  };
}

export function skipReasonFor(facts: BigCommerceOrderFacts, statusIds: readonly number[]): string | undefined {
  return skipReason(facts, [statusRule(statusIds)]);
}

function statusName(id: number): string {
  return (BIGCOMMERCE_ORDER_STATUSES as Record<number, string>)[id] ?? `status ${id}`;
}
