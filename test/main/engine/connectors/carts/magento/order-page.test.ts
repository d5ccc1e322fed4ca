import { describe, expect, it } from 'vitest';
import { mapOrderPage } from '../../../../../../main/engine/connectors/carts/magento/order-page.js';
import { FakeMagentoState } from '../../../../../fakes/magento/index.js';

function orders(count: number) {
  const state = new FakeMagentoState(new Date('2026-11-20T10:00:00Z'));
  return Array.from({ length: count }, () => {
    state.advance(60);
    return state.view(state.addOrder()) as Record<string, unknown>;
  });
}

describe('mapOrderPage', () => {
  it('maps the good orders, records the malformed one, and moves the mark past both', () => {
    const [a, b, c] = orders(3);
    delete c.items;
    const page = mapOrderPage([a, b, c]);
    expect(page.orders.map((o) => o.cartOrderId)).toEqual(['1', '2']);
    expect(page.invalid).toEqual([{ cartOrderId: '3', orderNumber: '000000003', reason: expect.stringMatching(/^items/) }]);
    expect(page.highWater).toBe('2026-11-20T10:03:00.000Z');
  });

  it('moves the mark on a page of nothing but malformed orders, so they are not fetched forever', () => {
    const [a] = orders(1);
    a.grand_total = 'lots';
    expect(mapOrderPage([a], '2026-11-20T09:00:00.000Z').highWater).toBe('2026-11-20T10:01:00.000Z');
  });

  it('never moves the mark backwards', () => {
    const [a] = orders(1);
    expect(mapOrderPage([a], '2026-12-01T00:00:00.000Z').highWater).toBe('2026-12-01T00:00:00.000Z');
    expect(mapOrderPage([], '2026-12-01T00:00:00.000Z').highWater).toBe('2026-12-01T00:00:00.000Z');
    expect(mapOrderPage([]).highWater).toBeUndefined();
  });
});
