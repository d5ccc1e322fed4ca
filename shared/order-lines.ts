import type { OrderLine } from './domain.js';

/**
 * The two quantities of an order line (shared/domain.ts): the quantity to ship (`quantity`) and the
 * quantity ordered, which carts that do not tell them apart leave out.
 */

export function orderedQuantityOf(line: OrderLine): number {
  return line.orderedQuantity ?? line.quantity;
}

/** The lines the warehouse is asked to ship: a line the cart already fulfilled entirely is not one. */
export function linesToShip(lines: readonly OrderLine[]): OrderLine[] {
  return lines.filter((line) => line.quantity > 0);
}
