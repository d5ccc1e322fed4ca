import type { CanonicalOrder } from '../../../shared/domain.js';
import { linesToShip } from '../../../shared/order-lines.js';

/**
 * Why an order goes to no warehouse: it has no lines, or the cart already fulfilled every one of them
 * (the merchant shipped it from the shop, another app did). Undefined when something is left to ship.
 */
export function nothingToShipReason(order: CanonicalOrder): string | undefined {
  if (order.lines.length === 0) return 'Nothing to ship: the order has no lines';
  if (linesToShip(order.lines).length === 0) return 'Nothing left to ship: the cart already fulfilled every line';
  return undefined;
}
