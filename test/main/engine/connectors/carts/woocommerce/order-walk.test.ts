import { afterEach, describe, expect, it } from 'vitest';
import { walkOrders } from '../../../../../../main/engine/connectors/carts/woocommerce/order-walk.js';
import { createFakeWooCommerce, type FakeWooCommerce } from '../../../../../fakes/woocommerce/index.js';
import { clientFor } from './helpers.js';

let fake: FakeWooCommerce | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const START = Date.UTC(2026, 10, 20, 12, 0, 0);
const idsOf = (items: unknown[]) => items.map((o) => (o as { id: number }).id);

async function walk(shop: FakeWooCommerce, perPage: number, between?: (pageNo: number) => void): Promise<number[][]> {
  const pages: number[][] = [];
  for await (const items of walkOrders(clientFor(shop).client, { since: new Date(START).toISOString(), statuses: ['processing'], perPage })) {
    pages.push(idsOf(items));
    between?.(pages.length);
  }
  return pages;
}

describe('walking WooCommerce orders by modification time', () => {
  it('reads 25 orders in pages of 10, each once, oldest change first', async () => {
    fake = await createFakeWooCommerce({ startMs: START });
    const orders = fake.store.seedOrders(25);
    const pages = await walk(fake, 10);
    expect(pages.flat()).toEqual(orders.map((o) => o.id));
  });

  it('loses no order when one is modified between pages, where offset paging steps over one', async () => {
    fake = await createFakeWooCommerce({ startMs: START });
    const orders = fake.store.seedOrders(9);
    const pages = await walk(fake, 3, (pageNo) => {
      if (pageNo === 1) fake!.store.modifyOrder(orders[1].id);
    });
    const seen = pages.flat();
    expect(new Set(seen)).toEqual(new Set(orders.map((o) => o.id)));
    // The modified order comes again at the end, with its new date: a change, not a duplicate.
    expect(seen.at(-1)).toBe(orders[1].id);
    expect(seen.filter((id) => id === orders[1].id)).toHaveLength(2);
  });

  it('reads 250 orders saved in one second (a bulk action) in pages of 100, each once, even as one leaves the second', async () => {
    fake = await createFakeWooCommerce({ startMs: START });
    const bulkAt = START + 60_000;
    const orders = fake.store.seedOrders(Array.from({ length: 250 }, () => ({ modifiedMs: bulkAt })));
    const later = fake.store.seedOrders(2);
    const pages = await walk(fake, 100, (pageNo) => {
      if (pageNo === 1) fake!.store.modifyOrder(orders[0].id);
    });
    const seen = pages.flat();
    for (const o of [...orders, ...later]) expect(seen).toContain(o.id);
    const counts = new Map<number, number>();
    for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect([...counts.entries()].filter(([, n]) => n > 1).map(([id]) => id)).toEqual([orders[0].id]);
    expect(fake.store.requests.some((r) => r.query.has('exclude'))).toBe(true);
  });

  it('reads a second split across two pages whole: orders saved in the same second as the page’s last one', async () => {
    fake = await createFakeWooCommerce({ startMs: START });
    // Three orders a second for four seconds, four to a page: every page ends in the middle of a second.
    const orders = fake.store.seedOrders(Array.from({ length: 12 }, (_, i) => ({ modifiedMs: START + Math.floor(i / 3) * 1000 })));
    const seen = (await walk(fake, 4)).flat();
    expect([...seen].sort()).toEqual(orders.map((o) => o.id).sort());
  });

  it('hands on an order whose date cannot be read, and goes on past it', async () => {
    fake = await createFakeWooCommerce({ startMs: START });
    const orders = fake.store.seedOrders(5);
    fake.store.malformOrder(orders[2].id, (json) => void delete json.date_modified_gmt);
    const pages = await walk(fake, 2);
    expect(new Set(pages.flat())).toEqual(new Set(orders.map((o) => o.id)));
  });

  it('starts at the given time, its own second included', async () => {
    fake = await createFakeWooCommerce({ startMs: START - 5_000 });
    const orders = fake.store.seedOrders(8); // modified at START-4s ... START+3s
    const pages = await walk(fake, 10);
    expect(pages.flat()).toEqual(orders.slice(4).map((o) => o.id));
  });
});
