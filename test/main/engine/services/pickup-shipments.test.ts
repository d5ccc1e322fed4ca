import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../../../shared/domain.js';
import { shipmentItem } from '../../../../main/engine/services/pickup-shipments.js';

const line = (lineNo: number, sku: string, quantity: number): OrderLine => ({
  lineNo,
  sku,
  quantity,
  price: '10.00',
  cartLineId: `gid://shopify/LineItem/${lineNo}`,
});

describe('the shipment item for a confirmed SKU', () => {
  it('names the cart line when the SKU is on exactly one line of the order', () => {
    const lines = [line(1, 'A', 2), line(2, 'B', 1)];
    expect(shipmentItem(lines, 'A', 2)).toEqual({ sku: 'A', quantity: 2, cartLineId: 'gid://shopify/LineItem/1' });
  });

  it('names no single line when the SKU is on several lines, so the cart fills them all', () => {
    // The same variant added twice: 2 + 3 units; naming the first line would ask it for 5.
    const lines = [line(1, 'A', 2), line(2, 'B', 1), line(3, 'A', 3)];
    expect(shipmentItem(lines, 'A', 5)).toEqual({ sku: 'A', quantity: 5 });
  });
});
