import type { OrderLine } from '../../../../shared/domain.js';
import { orderedQuantityOf } from '../../../../shared/order-lines.js';

/** An "Ordered" column is worth its room only when some line is not sent whole. */
export function showsOrderedQuantity(lines: readonly OrderLine[]): boolean {
  return lines.some((line) => orderedQuantityOf(line) !== line.quantity);
}

/** Why a line's quantity to ship is below what was ordered, in words; undefined when it is not. */
export function lineQuantityNote(line: OrderLine): string | undefined {
  const fulfilled = orderedQuantityOf(line) - line.quantity;
  if (fulfilled <= 0) return undefined;
  return line.quantity === 0 ? 'fulfilled in the cart: not sent to the warehouse' : `${fulfilled} fulfilled in the cart`;
}
