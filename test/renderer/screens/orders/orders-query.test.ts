import { describe, expect, it } from 'vitest';
import { filterFromQuery, hasFilters, ordersPath, sortedBy, withBucket, withSort, withStatus } from '../../../../renderer/src/screens/orders/orders-query.js';

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

describe('sorting the Orders list from its headers', () => {
  it('keeps the sort in the URL, and ignores one this version does not know', () => {
    const path = ordersPath({ merchantId: 1, sort: 'total:desc', offset: 50 });
    expect(path).toBe('/orders?merchant=1&sort=total%3Adesc&offset=50');
    expect(filterFromQuery(new URLSearchParams(path.split('?')[1])).sort).toBe('total:desc');
    expect(filterFromQuery(new URLSearchParams('sort=price:up')).sort).toBeUndefined();
  });

  it('sorts a column its natural way first (dates and totals largest first), then the other way round, from the first page', () => {
    expect(withSort({ offset: 100 }, 'total')).toEqual({ sort: 'total:desc', offset: 0 });
    expect(withSort({ offset: 0 }, 'merchant')).toEqual({ sort: 'merchant:asc', offset: 0 });
    expect(withSort({ sort: 'merchant:asc', offset: 0 }, 'merchant').sort).toBe('merchant:desc');
    expect(withSort({ sort: 'merchant:desc', offset: 0 }, 'store').sort).toBe('store:asc');
  });

  it('tells each header whether the list is sorted by it, and which way', () => {
    expect(sortedBy({ sort: 'date:asc', offset: 0 }, 'date')).toBe('asc');
    expect(sortedBy({ sort: 'date:asc', offset: 0 }, 'total')).toBeUndefined();
    expect(sortedBy({ offset: 0 }, 'date')).toBeUndefined();
  });
});
