import type { CanonicalOrder } from '../../../../../shared/domain.js';
import { mapMagentoOrder } from './order-mapper.js';

/**
 * A page of raw Magento orders -> the orders, the invalid ones with their reasons, and the high-water
 * mark the page takes the sync position to. The mark is computed from EVERY item whose updated_at can
 * be read, the invalid ones included, before anything is filtered out: a malformed order must neither
 * stop the position (it would be fetched forever) nor be the reason it moves backwards.
 */

export interface MappedOrderPage {
  orders: CanonicalOrder[];
  invalid: { cartOrderId?: string; orderNumber?: string; reason: string }[];
  /** ISO UTC; never earlier than the mark the page started from. */
  highWater?: string;
}

export function mapOrderPage(items: unknown[], startingHighWater?: string): MappedOrderPage {
  const page: MappedOrderPage = { orders: [], invalid: [] };
  let mark = startingHighWater;
  const raise = (at: string | undefined) => {
    if (at !== undefined && (mark === undefined || at > mark)) mark = at;
  };
  for (const item of items) {
    const result = mapMagentoOrder(item);
    if (result.ok) {
      page.orders.push(result.order);
      raise(result.order.updatedAt);
    } else {
      const { reason, cartOrderId, orderNumber, updatedAt } = result;
      page.invalid.push({ reason, ...(cartOrderId ? { cartOrderId } : {}), ...(orderNumber ? { orderNumber } : {}) });
      raise(updatedAt);
    }
  }
  if (mark !== undefined) page.highWater = mark;
  return page;
}
