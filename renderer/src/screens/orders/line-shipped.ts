import type { OrderLine } from '../../../../shared/domain.js';
import { lineKey, quantityToShip } from '../../../../shared/line-shipping.js';

export type LineShippedState = 'none' | 'part' | 'all' | 'canceled';

/** A line's shipped units next to what it was to ship ("1 of 3"), and whether the rest still comes. */
export function lineShipped(line: OrderLine, shippedQuantities: Record<string, number>, restCanceled: boolean): { text: string; state: LineShippedState } {
  const shipped = shippedQuantities[lineKey(line)] ?? 0;
  const toShip = quantityToShip(line);
  const text = `${shipped} of ${toShip}`;
  if (shipped >= toShip) return { text, state: 'all' };
  if (restCanceled) return { text: `${text}, rest canceled`, state: 'canceled' };
  return { text, state: shipped > 0 ? 'part' : 'none' };
}
