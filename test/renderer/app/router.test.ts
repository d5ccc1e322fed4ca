import { describe, expect, it } from 'vitest';
import { parseHash, withQuery } from '../../../renderer/src/app/router.js';

describe('hash routes', () => {
  it('split into path segments and a query', () => {
    const route = parseHash('#/orders/12?status=error&q=%231001');
    expect(route.path).toBe('/orders/12');
    expect(route.segments).toEqual(['orders', '12']);
    expect(route.query.get('status')).toBe('error');
    expect(route.query.get('q')).toBe('#1001');
  });

  it('default to the dashboard when the hash is empty', () => {
    expect(parseHash('').segments).toEqual([]);
    expect(parseHash('#').path).toBe('/');
  });

  it('build links that leave out empty filters', () => {
    expect(withQuery('/orders', { merchant: 3, cart: undefined, status: '', q: 'a b' })).toBe('/orders?merchant=3&q=a+b');
    expect(withQuery('/orders', {})).toBe('/orders');
  });
});
