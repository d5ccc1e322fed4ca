import { describe, expect, it } from 'vitest';
import { filterFromQuery, hasFilters, ordersPath, withBucket, withStatus } from '../../../../renderer/src/screens/orders/orders-query.js';

describe('the Orders filters in the URL', () => {
  it('read merchant, cart, bucket, status, search and offset from the query', () => {
    const filter = filterFromQuery(new URLSearchParams('merchant=2&cart=5&bucket=needs_attention&status=error&q=%20D1001%20&offset=50'));
    expect(filter).toEqual({ merchantId: 2, cartId: 5, bucket: 'needs_attention', status: 'error', search: 'D1001', offset: 50 });
    expect(hasFilters(filter)).toBe(true);
  });

  it('ignore values that are not ids, buckets, statuses or offsets', () => {
    const filter = filterFromQuery(new URLSearchParams('merchant=abc&cart=-1&bucket=someday&status=lost&q=%20&offset=-5'));
    expect(filter).toEqual({ merchantId: undefined, cartId: undefined, bucket: undefined, status: undefined, search: undefined, offset: 0 });
    expect(hasFilters(filter)).toBe(false);
  });

  it('count a bucket alone as a filter', () => {
    expect(hasFilters(filterFromQuery(new URLSearchParams('bucket=done')))).toBe(true);
  });

  it('write back only what is set, so a link from the dashboard round-trips', () => {
    expect(ordersPath({ cartId: 3, status: 'on_hold', offset: 0 })).toBe('/orders?cart=3&status=on_hold');
    expect(ordersPath({ merchantId: 1, bucket: 'needs_attention', offset: 0 })).toBe('/orders?merchant=1&bucket=needs_attention');
    const path = ordersPath({ merchantId: 1, search: 'Maria Lopez', offset: 100 });
    expect(filterFromQuery(new URLSearchParams(path.split('?')[1]))).toEqual({ merchantId: 1, search: 'Maria Lopez', offset: 100 });
  });
});

describe('choosing a bucket and a status together', () => {
  it('keeps a status that is in the chosen bucket, and starts again at the first page', () => {
    expect(withBucket({ status: 'on_hold', offset: 50 }, 'needs_attention')).toEqual({ bucket: 'needs_attention', status: 'on_hold', offset: 0 });
    expect(withStatus({ bucket: 'needs_attention', offset: 50 }, 'error')).toEqual({ bucket: 'needs_attention', status: 'error', offset: 0 });
  });

  it('drops the other one when they would contradict, rather than show nothing', () => {
    expect(withBucket({ cartId: 2, status: 'new', offset: 0 }, 'done')).toEqual({ cartId: 2, bucket: 'done', status: undefined, offset: 0 });
    expect(withStatus({ bucket: 'done', offset: 0 }, 'error')).toEqual({ bucket: undefined, status: 'error', offset: 0 });
  });

  it('keeps the other one when either is cleared', () => {
    expect(withBucket({ bucket: 'done', status: 'canceled', offset: 0 }, undefined)).toEqual({ bucket: undefined, status: 'canceled', offset: 0 });
    expect(withStatus({ bucket: 'done', status: 'canceled', offset: 0 }, undefined)).toEqual({ bucket: 'done', status: undefined, offset: 0 });
  });
});
