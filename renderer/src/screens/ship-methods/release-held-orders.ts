import type { OrderSummaryView } from '../../../../shared/api-types.js';
import { call } from '../../api/client.js';
import { errorMessage } from '../../api/api-error.js';
import { UNMAPPED_REASON_PREFIX } from '../../../../shared/order-actions.js';

/** The reason the engine gives an order it holds for an unmapped ship code (status "error"). */
export { UNMAPPED_REASON_PREFIX };

export function isHeldForCode(order: OrderSummaryView, cartCode: string): boolean {
  return order.status === 'error' && order.shipCode === cartCode && (order.statusReason ?? '').startsWith(UNMAPPED_REASON_PREFIX);
}

/** The orders of one cart held because `cartCode` was not mapped (all pages). */
export async function findHeldOrders(cartId: number, cartCode: string): Promise<OrderSummaryView[]> {
  const held: OrderSummaryView[] = [];
  const limit = 500;
  for (let offset = 0; ; offset += limit) {
    // Exact ship code as received (a search would miss codes with " or \, which the payload escapes);
    // the check below still decides, since an order can be in error for another reason.
    const page = await call('orders.list', { cartId, status: 'error', shipCode: cartCode, limit, offset });
    held.push(...page.items.filter((order) => isHeldForCode(order, cartCode)));
    if (offset + limit >= page.total) return held;
  }
}

export interface ReleaseOutcome {
  released: number;
  failed: { orderNumber: string; message: string }[];
}

/**
 * Mapping a code does not release the orders it held: a person decides. This releases each one (the
 * engine checks the mapping again), one at a time, reporting progress and every refusal.
 */
export async function releaseHeldOrders(cartId: number, cartCode: string, onProgress: (done: number, total: number) => void): Promise<ReleaseOutcome> {
  const orders = await findHeldOrders(cartId, cartCode);
  const outcome: ReleaseOutcome = { released: 0, failed: [] };
  onProgress(0, orders.length);
  for (const [i, order] of orders.entries()) {
    try {
      await call('orders.release', { id: order.id });
      outcome.released++;
    } catch (err) {
      outcome.failed.push({ orderNumber: order.orderNumber, message: errorMessage(err) });
    }
    onProgress(i + 1, orders.length);
  }
  return outcome;
}
