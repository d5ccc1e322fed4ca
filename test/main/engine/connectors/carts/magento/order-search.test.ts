import { afterEach, describe, expect, it } from 'vitest';
import { fetchOrderByIncrementId, fetchOrderPage } from '../../../../../../main/engine/connectors/carts/magento/order-search.js';
import { mapMagentoOrder } from '../../../../../../main/engine/connectors/carts/magento/order-mapper.js';
import { orderSearchResultSchema } from '../../../../../../main/engine/connectors/carts/magento/schemas.js';
import { createFakeMagento, type FakeMagento } from '../../../../../fakes/magento/index.js';
import { clientFor } from './helpers.js';

let fake: FakeMagento;

afterEach(async () => {
  await fake.close();
});

async function allPages(updatedFrom?: string, pageSize = 3) {
  const client = clientFor(fake);
  const pages = [];
  for (let page = 1; ; page++) {
    const got = await fetchOrderPage(client, { updatedFrom, page, pageSize });
    pages.push(got);
    if (!got.hasMore) break;
    if (page > 20) throw new Error('paging never stopped');
  }
  return pages;
}

describe('fetchOrderPage', () => {
  it('pages across three pages and stops by total_count, though Magento repeats the last page past the end', async () => {
    // A multiple of the page size: a client that pages until a short or empty page would ask for page 4,
    // get page 3 again from Magento, and never stop.
    fake = await createFakeMagento({ orders: 9 });
    const pages = await allPages();
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 3]);
    expect(pages.map((p) => p.totalCount)).toEqual([9, 9, 9]);
    const ids = pages.flatMap((p) => p.items.map((o) => (o as { entity_id: number }).entity_id));
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(fake.requests.filter((r) => r.path === '/V1/orders')).toHaveLength(3);
  });

  it('asks for orders updated at or after the high-water mark in Magento time, oldest change first', async () => {
    fake = await createFakeMagento({ orders: 4 });
    fake.state.advance(90);
    fake.state.modifyOrder(3);
    fake.state.advance(30);
    fake.state.modifyOrder(1);
    const pages = await allPages('2026-11-20T10:01:30.000Z');
    const orders = pages.flatMap((p) => p.items.map(mapMagentoOrder));
    expect(orders.map((o) => (o.ok ? [o.order.cartOrderId, o.order.updatedAt] : o.reason))).toEqual([
      ['3', '2026-11-20T10:01:30.000Z'],
      ['1', '2026-11-20T10:02:00.000Z'],
    ]);
    const asked = fake.requests[0].query;
    expect(asked.get('searchCriteria[filter_groups][0][filters][0][value]')).toBe('2026-11-20 10:01:30');
    expect(asked.get('searchCriteria[filter_groups][0][filters][0][condition_type]')).toBe('gteq');
  });

  it('ends on an empty first page without asking again', async () => {
    fake = await createFakeMagento({ orders: 0 });
    const pages = await allPages('2026-11-20T10:00:00.000Z');
    expect(pages).toEqual([{ items: [], totalCount: 0, page: 1, hasMore: false }]);
  });

  it('passes a malformed order through for the mapper to record, without failing the page', async () => {
    fake = await createFakeMagento({ orders: 3 });
    fake.corruptOrder(2);
    const [page] = await allPages(undefined, 10);
    const results = page.items.map(mapMagentoOrder);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ ok: false, cartOrderId: '2', updatedAt: '2026-11-20T10:00:00.000Z' });
  });

  it('fails a page whose reply lacks total_count, rather than guessing where paging ends', async () => {
    fake = await createFakeMagento({ orders: 1 });
    // An order where a search result was due (a proxy or extension rewriting the route): no total_count.
    const reply = clientFor(fake).get('/V1/orders/1', orderSearchResultSchema, { what: 'the order search' });
    await expect(reply).rejects.toMatchObject({ kind: 'transient', message: expect.stringContaining('malformed reply to the order search') });
  });

  it('refuses page numbers Magento would silently clamp to the first or last page', async () => {
    fake = await createFakeMagento({ orders: 1 });
    await expect(fetchOrderPage(clientFor(fake), { page: 0, pageSize: 10 })).rejects.toThrow(RangeError);
    await expect(fetchOrderPage(clientFor(fake), { page: 1, pageSize: 0 })).rejects.toThrow(RangeError);
    expect(fake.requests).toHaveLength(0);
  });

  it('finds an order by the number people know it by, with or without #, and null for none', async () => {
    fake = await createFakeMagento({ orders: 3 });
    const client = clientFor(fake);
    expect(await fetchOrderByIncrementId(client, '#000000002')).toMatchObject({ entity_id: 2 });
    expect(await fetchOrderByIncrementId(client, '000000009')).toBeNull();
  });
});
