import type { CanonicalOrder } from '../../../../../shared/domain.js';
import type { MagentoSettings } from '../../../../../shared/platforms/magento.js';
import { allowedValues, skipReason, type OrderRule } from '../kit/order-filter.js';

/**
 * The cart settings' order statuses as the kit's rules. Every order is downloaded whatever its status
 * (a cancellation of an order the warehouse holds must arrive); one whose status is not chosen arrives
 * with a skip reason. The status is Magento's order status code ("processing", "pending", or a custom
 * status the store added), which the mapper keeps in cartState.fulfillmentStatus.
 */
export function magentoOrderRules(settings: Pick<MagentoSettings, 'orderStatuses'>): OrderRule<CanonicalOrder>[] {
  return [allowedValues<CanonicalOrder>('order status', (order) => order.cartState.fulfillmentStatus ?? 'none', settings.orderStatuses)];
}

export function magentoSkipReason(order: CanonicalOrder, rules: readonly OrderRule<CanonicalOrder>[]): string | undefined {
  return skipReason(order, rules);
}
