import type { CanonicalOrder } from '../../../../../shared/domain.js';
import { mapWooOrder } from './order-mapper.js';
import { skipReasonFor } from './order-filters.js';

/**
 * One downloaded page of WooCommerce orders, read: every item mapped or recorded as invalid with its
 * reason, orders outside the chosen statuses kept with a skip reason, and the updatedAt of every item
 * whose date could be read, invalid ones included, for the window's high-water mark (a page of bad
 * orders must still move the sync position, never wedge it).
 */

export interface ReadOrdersPage {
  orders: CanonicalOrder[];
  invalid: { cartOrderId?: string; orderNumber?: string; reason: string }[];
  updatedAts: string[];
}

export function readOrdersPage(items: readonly unknown[], chosenStatuses: readonly string[]): ReadOrdersPage {
  const page: ReadOrdersPage = { orders: [], invalid: [], updatedAts: [] };
  for (const item of items) {
    const mapped = mapWooOrder(item);
    if (!mapped.ok) {
      if (mapped.updatedAt) page.updatedAts.push(mapped.updatedAt);
      const { reason, cartOrderId, orderNumber } = mapped;
      page.invalid.push({ reason, ...(cartOrderId ? { cartOrderId } : {}), ...(orderNumber ? { orderNumber } : {}) });
      continue;
    }
    page.updatedAts.push(mapped.order.updatedAt);
    const skipReason = skipReasonFor(mapped.order, mapped.status, chosenStatuses);
    page.orders.push(skipReason ? { ...mapped.order, skipReason } : mapped.order);
  }
  return page;
}
