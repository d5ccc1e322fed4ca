import { afterEach, describe, expect, it } from 'vitest';
import type { CanonicalOrder } from '../../../../../../shared/domain.js';
import type { BigCommerceOrderMapping } from '../../../../../../main/engine/connectors/carts/bigcommerce/order-mapper.js';
import { readOrderPage } from '../../../../../../main/engine/connectors/carts/bigcommerce/order-page.js';
import type { FakeBigCommerce } from '../../../../../fakes/bigcommerce/index.js';
import { clientFor, fakeStore, virtualClock } from './helpers.js';

let fake: FakeBigCommerce | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const EARLY = '2000-01-01T00:00:00Z';
const mapped = (orders: BigCommerceOrderMapping[]): CanonicalOrder[] => orders.flatMap((m) => (m.ok ? [m.order] : []));
const ids = (orders: BigCommerceOrderMapping[]) => mapped(orders).map((o) => o.cartOrderId);

describe('BigCommerce order page reader', () => {
  it('reads a page of orders with their lines and addresses in one request of the quota', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 5 });
    const { client } = clientFor(fake, vc);
    const page = await readOrderPage(client, { modifiedSince: EARLY, page: 1, limit: 2 });
    expect(ids(page.orders)).toEqual(['100', '101']);
    expect(page).toMatchObject({ received: 2, last: false });
    expect(fake.store.stats.requests).toBe(1);
    const [first] = mapped(page.orders);
    expect(first.lines).toHaveLength(2);
    expect(first.lines[0]).toMatchObject({ cartLineId: String(fake.store.order(100).products[0].id), quantity: 2 });
    expect(first.shipTo).toMatchObject({ address1: expect.stringContaining('Main Street'), country: 'US' });
    expect(first.shipCode).toBe('UPS Ground');
  });

  it('pages to the end, where the 204 of an empty page ends the list', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 4 });
    const { client } = clientFor(fake, vc);
    const pages = [];
    for (let n = 1; ; n += 1) {
      const page = await readOrderPage(client, { modifiedSince: EARLY, page: n, limit: 2 });
      pages.push(page);
      if (page.last) break;
    }
    expect(pages.map((p) => ids(p.orders))).toEqual([['100', '101'], ['102', '103'], []]);
    expect(pages[2]).toEqual({ orders: [], received: 0, last: true });
  });

  it('lists only orders modified since the time given, oldest change first', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 4 });
    const { client } = clientFor(fake, vc);
    vc.advance(60_000);
    fake.store.modifyOrder(101);
    const since = new Date(fake.store.order(103).modifiedMs).toISOString();
    const page = await readOrderPage(client, { modifiedSince: since, page: 1 });
    expect(ids(page.orders)).toEqual(['103', '101']);
    expect(mapped(page.orders)[1].updatedAt).toBe(new Date(vc.nowMs() - (vc.nowMs() % 1000)).toISOString());
  });

  it('records a malformed order with its reason and maps the rest of the page', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 3 });
    fake.store.malformOrder(101, { total_inc_tax: 21.59 });
    const { client } = clientFor(fake, vc);
    const page = await readOrderPage(client, { modifiedSince: EARLY, page: 1 });
    expect(ids(page.orders)).toEqual(['100', '102']);
    const bad = page.orders[1];
    expect(bad).toMatchObject({ ok: false, cartOrderId: '101', updatedAt: new Date(fake.store.order(101).modifiedMs).toISOString() });
    expect(!bad.ok && bad.reason).toContain('total_inc_tax');
    expect(page.received).toBe(3);
  });

  it('records a line in the wrong shape against its order', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 2 });
    const order = fake.store.order(100);
    fake.store.malformOrderProduct(100, order.products[0].id, { quantity: '2' });
    const { client } = clientFor(fake, vc);
    const page = await readOrderPage(client, { modifiedSince: EARLY, page: 1 });
    expect(page.orders[0]).toMatchObject({ ok: false, cartOrderId: '100' });
    expect(!page.orders[0].ok && page.orders[0].reason).toContain('quantity');
    expect(page.orders[1].ok).toBe(true);
  });

  it('reads the products and shipping_addresses sub-resources of an order that came without its consignments, to the same order', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 2 });
    const { client } = clientFor(fake, vc);
    const viaInclude = mapped((await readOrderPage(client, { modifiedSince: EARLY, page: 1 })).orders);
    fake.store.malformOrder(101, { consignments: { url: 'x', resource: '/orders/101/consignments' } });
    const page = await readOrderPage(client, { modifiedSince: EARLY, page: 1 });
    expect(fake.store.stats.byRoute.get('GET /v2/orders/{id}/products')).toBe(1);
    expect(fake.store.stats.byRoute.get('GET /v2/orders/{id}/shipping_addresses')).toBe(1);
    expect(mapped(page.orders)).toEqual(viaInclude);
  });

  it('keeps digital lines for reference with nothing to ship', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc);
    fake.store.addOrder({ lines: [['MUG', 1, 900], ['EBOOK', 1, 500]], digitalSkus: ['EBOOK'] });
    const { client } = clientFor(fake, vc);
    const [order] = mapped((await readOrderPage(client, { modifiedSince: EARLY, page: 1 })).orders);
    expect(order.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['MUG', 1],
      ['EBOOK', 0],
    ]);
  });
});
