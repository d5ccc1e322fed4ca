import { describe, expect, it } from 'vitest';
import { filterFromQuery, hasFilters, ordersPath } from '../../../../renderer/src/screens/orders/orders-query.js';

describe('the Orders filters in the URL', () => {
  it('read merchant, cart, status, search and offset from the query', () => {
    const filter = filterFromQuery(new URLSearchParams('merchant=2&cart=5&status=error&q=%20D1001%20&offset=50'));
    expect(filter).toEqual({ merchantId: 2, cartId: 5, status: 'error', search: 'D1001', offset: 50 });
    expect(hasFilters(filter)).toBe(true);
  });

  it('ignore values that are not ids, statuses or offsets', () => {
    const filter = filterFromQuery(new URLSearchParams('merchant=abc&cart=-1&status=lost&q=%20&offset=-5'));
    expect(filter).toEqual({ merchantId: undefined, cartId: undefined, status: undefined, search: undefined, offset: 0 });
    expect(hasFilters(filter)).toBe(false);
  });

  it('write back only what is set, so a link from the dashboard round-trips', () => {
    expect(ordersPath({ cartId: 3, status: 'on_hold', offset: 0 })).toBe('/orders?cart=3&status=on_hold');
    const path = ordersPath({ merchantId: 1, search: 'Maria Lopez', offset: 100 });
    expect(filterFromQuery(new URLSearchParams(path.split('?')[1]))).toEqual({ merchantId: 1, search: 'Maria Lopez', offset: 100 });
  });
});
