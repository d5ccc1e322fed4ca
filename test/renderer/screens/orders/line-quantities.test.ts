import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../../../shared/domain.js';
import { lineQuantityNote, showsOrderedQuantity } from '../../../../renderer/src/screens/orders/line-quantities.js';

const line = (quantity: number, orderedQuantity?: number): OrderLine => ({ lineNo: 1, sku: 'A', quantity, orderedQuantity, price: '1.00', cartLineId: 'l1' });

describe('the quantities of an order line on the order screen', () => {
  it('show the ordered quantity beside the quantity to ship only when the cart fulfilled part of the order', () => {
    expect(showsOrderedQuantity([line(2), line(3, 3)])).toBe(false);
    expect(showsOrderedQuantity([line(2), line(1, 3)])).toBe(true);
  });

  it('say how much the cart fulfilled itself, and that such a line is not sent', () => {
    expect(lineQuantityNote(line(2))).toBeUndefined();
    expect(lineQuantityNote(line(1, 3))).toBe('2 fulfilled in the cart');
    expect(lineQuantityNote(line(0, 2))).toBe('fulfilled in the cart: not sent to the warehouse');
  });
});
