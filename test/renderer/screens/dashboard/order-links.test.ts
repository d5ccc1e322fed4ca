import { describe, expect, it } from 'vitest';
import { HEALTH_BUCKETS, ORDER_STATUSES } from '../../../../shared/domain.js';
import { ordersLink, statusesOf } from '../../../../renderer/src/screens/dashboard/order-links.js';
import { filterFromQuery } from '../../../../renderer/src/screens/orders/orders-query.js';

const filterOf = (link: string) => filterFromQuery(new URLSearchParams(link.split('?')[1] ?? ''));

describe('the statuses behind each dashboard bucket', () => {
  it('are listed in the order an order lives through them', () => {
    expect(statusesOf('needs_attention')).toEqual(['error', 'on_hold', 'cancel_sending']);
    expect(statusesOf('done')).toEqual(['confirmed', 'canceled', 'skipped']);
    expect(statusesOf('at_warehouse')).toEqual(['at_wms', 'partially_shipped']);
  });

  it('cover every status exactly once, so the buckets add up to the total', () => {
    const all = HEALTH_BUCKETS.flatMap((bucket) => statusesOf(bucket));
    expect([...all].sort()).toEqual([...ORDER_STATUSES].sort());
  });
});

describe('a link from the dashboard to the Orders screen', () => {
  it('for a bucket opens the orders of that bucket, whatever statuses it holds', () => {
    expect(ordersLink({ bucket: 'to_deliver' })).toBe('/orders?bucket=to_deliver');
    expect(ordersLink({ merchant: 2, bucket: 'needs_attention' })).toBe('/orders?merchant=2&bucket=needs_attention');
    expect(ordersLink({ bucket: 'done' })).toBe('/orders?bucket=done');
  });

  it('for one status of a bucket opens that status', () => {
    expect(ordersLink({ status: 'on_hold' })).toBe('/orders?status=on_hold');
  });

  it("for a cart opens that cart's orders of its merchant", () => {
    expect(ordersLink({ merchant: 1, cart: 7 })).toBe('/orders?merchant=1&cart=7');
    expect(ordersLink({ merchant: 1, cart: 7, bucket: 'to_confirm' })).toBe('/orders?merchant=1&cart=7&bucket=to_confirm');
  });

  it('is read back by the Orders screen as the same filter', () => {
    expect(filterOf(ordersLink({ merchant: 3, cart: 9, bucket: 'needs_attention' }))).toEqual({
      merchantId: 3,
      cartId: 9,
      bucket: 'needs_attention',
      status: undefined,
      search: undefined,
      offset: 0,
    });
    expect(filterOf(ordersLink({ merchant: 3, status: 'error' }))).toMatchObject({ merchantId: 3, status: 'error' });
    expect(filterOf(ordersLink({ merchant: 3, status: 'error' })).bucket).toBeUndefined();
  });
});
