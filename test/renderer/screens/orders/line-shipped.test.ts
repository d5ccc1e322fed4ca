import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../../../shared/domain.js';
import { lineShipped } from '../../../../renderer/src/screens/orders/line-shipped.js';

const line: OrderLine = { lineNo: 1, sku: 'A', quantity: 3, price: '1.00', cartLineId: 'gid://shopify/LineItem/1' };

describe('the shipped quantity of a line on the order screen', () => {
  it('says how many of the ordered units shipped', () => {
    expect(lineShipped(line, {}, false)).toEqual({ text: '0 of 3', state: 'none' });
    expect(lineShipped(line, { [line.cartLineId]: 1 }, false)).toEqual({ text: '1 of 3', state: 'part' });
    expect(lineShipped(line, { [line.cartLineId]: 3 }, false)).toEqual({ text: '3 of 3', state: 'all' });
  });

  it('says the rest will not ship once a person canceled it', () => {
    expect(lineShipped(line, { [line.cartLineId]: 1 }, true)).toEqual({ text: '1 of 3, rest canceled', state: 'canceled' });
    expect(lineShipped(line, { [line.cartLineId]: 3 }, true)).toEqual({ text: '3 of 3', state: 'all' });
  });
});
