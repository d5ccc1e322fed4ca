import { afterEach, describe, expect, it } from 'vitest';
import type { CartConnector, OrderPage } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { createBigCommerceConnector } from '../../../../../../main/engine/connectors/carts/bigcommerce/connector.js';
import { silentLogger } from '../../../../../../main/engine/platform/ports.js';
import { bigcommerceSettingsSchema } from '../../../../../../shared/platforms/bigcommerce.js';
import type { FakeBigCommerce } from '../../../../../fakes/bigcommerce/index.js';
import { fakeStore, virtualClock, type VirtualClock } from './helpers.js';

let fake: FakeBigCommerce | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const EARLIEST = '2026-01-01T00:00:00Z';

function connect(vc: VirtualClock, store: FakeBigCommerce, settings: Record<string, unknown> = {}, pageSize = 3): CartConnector {
  const parsed = bigcommerceSettingsSchema.parse({ storeHash: store.storeHash, baseUrl: store.url, ...settings });
  const ctx = { clock: vc.clock, log: silentLogger, signal: new AbortController().signal };
  return createBigCommerceConnector(ctx, parsed, { accessToken: store.token }, { pageSize, backoff: { baseDelayMs: 10, maxDelayMs: 40 } });
}

async function run(connector: CartConnector, cursor: string | null, afterPage?: (page: OrderPage, index: number) => void, earliestOrderDate = EARLIEST) {
  const pages: OrderPage[] = [];
  for await (const page of connector.fetchOrders({ cursor, earliestOrderDate })) {
    pages.push(page);
    afterPage?.(page, pages.length - 1);
  }
  return { pages, orders: pages.flatMap((p) => p.orders), invalid: pages.flatMap((p) => p.invalid), cursor: pages.at(-1)?.cursor ?? cursor };
}

const updatedAtOf = (cursor: string | null) => (cursor ? (JSON.parse(cursor) as { updatedAt: string }).updatedAt : null);

describe('BigCommerce order download', () => {
  it('loses no order when one is modified between pages, where counting pages would skip the next', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 9 });
    const connector = connect(vc, fake);
    const result = await run(connector, null, (_page, index) => {
      if (index !== 0) return;
      vc.advance(5_000);
      fake!.store.modifyOrder(100); // handed over already; moves to the end of the list
    });
    const ids = result.orders.map((o) => o.cartOrderId);
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: 9 }, (_, i) => String(100 + i))));
    // Order 100 twice, in its two versions; no other order twice.
    expect(ids.filter((id) => id === '100')).toHaveLength(2);
    expect(new Set(result.orders.map((o) => `${o.cartOrderId}@${o.updatedAt}`)).size).toBe(result.orders.length);
  });

  it('walks a second shared by more orders than a page through by id, every order once', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc);
    const at = vc.nowMs() - 60_000;
    for (let i = 0; i < 8; i++) fake.store.addOrder({ createdAt: at });
    const result = await run(connect(vc, fake), null);
    expect(result.orders.map((o) => o.cartOrderId).sort()).toEqual(Array.from({ length: 8 }, (_, i) => String(100 + i)));
    expect(updatedAtOf(result.cursor)).toBe(new Date(at).toISOString());
  });

  it('starts the first run at the earliest order date, and an older order changed later stays out', async () => {
    const vc = virtualClock('2026-11-20T12:00:00Z');
    fake = await fakeStore(vc);
    const old = fake.store.addOrder({ createdAt: Date.parse('2026-10-01T00:00:00Z') });
    fake.store.addOrder({ createdAt: Date.parse('2026-11-10T00:00:00Z') });
    const first = await run(connect(vc, fake), null, undefined, '2026-11-01T00:00:00Z');
    expect(first.orders.map((o) => o.cartOrderId)).toEqual(['101']);
    vc.advance(60_000);
    fake.store.modifyOrder(old.id);
    const next = await run(connect(vc, fake), first.cursor, undefined, '2026-11-01T00:00:00Z');
    expect(next.orders).toEqual([]);
  });

  it('hands over orders in statuses not chosen with a skip reason in the words of the admin', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc);
    fake.store.addOrder({ createdAt: vc.nowMs() - 120_000 });
    fake.store.addOrder({ createdAt: vc.nowMs() - 60_000, status_id: 5 });
    const { orders } = await run(connect(vc, fake), null);
    expect(orders.map((o) => o.skipReason)).toEqual([undefined, 'order status Cancelled is not in the filter (Awaiting Fulfillment)']);
    expect(orders[1].cartState.canceled).toBe(true);

    const wider = await run(connect(vc, fake, { statusIds: [11, 5] }), null);
    expect(wider.orders.map((o) => o.skipReason)).toEqual([undefined, undefined]);
  });

  it('records an order off the documented shape as invalid with its reason, moves past it, and does not record it again', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 4 });
    fake.store.malformOrder(102, { total_inc_tax: 12.5 });
    const first = await run(connect(vc, fake), null);
    expect(first.orders.map((o) => o.cartOrderId)).toEqual(['100', '101', '103']);
    expect(first.invalid).toEqual([{ cartOrderId: '102', orderNumber: '102', reason: expect.stringContaining('total_inc_tax') }]);
    expect(updatedAtOf(first.cursor)).toBe(new Date(fake.store.order(103).modifiedMs).toISOString());

    const again = await run(connect(vc, fake), first.cursor);
    expect(again.invalid).toEqual([]);
    expect(again.orders).toEqual([]);
  });

  it('never moves the position backwards, even from a position past every order', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 3 });
    const ahead = JSON.stringify({ v: 1, updatedAt: new Date(vc.nowMs() + 3_600_000).toISOString() });
    vc.advance(2 * 3_600_000);
    fake.store.modifyOrder(101);
    const result = await run(connect(vc, fake), ahead);
    expect(result.orders.map((o) => o.cartOrderId)).toEqual(['101']);
    for (const page of result.pages) expect(Date.parse(updatedAtOf(page.cursor)!)).toBeGreaterThanOrEqual(Date.parse(updatedAtOf(ahead)!));
  });

  it('looks one order up by its number', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 2 });
    const connector = connect(vc, fake);
    expect((await connector.fetchOrderByNumber!('#101'))?.cartOrderId).toBe('101');
    expect(await connector.fetchOrderByNumber!('999')).toBeNull();
    expect(await connector.fetchOrderByNumber!('not a number')).toBeNull();
  });

  it('paces two connectors of one store (two runs, or two carts) on one quota reading', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc, { orders: 2, quota: 5, windowMs: 30_000 });
    const a = connect(vc, fake);
    const b = connect(vc, fake);
    // Five requests by one connector use the window up; the sixth, the other's first, waits for the reset instead of a 429.
    for (let i = 0; i < 3; i++) await run(a, null);
    await a.fetchOrderByNumber!('100');
    await a.fetchOrderByNumber!('101');
    await run(b, null);
    expect(fake.store.stats.rateLimited).toBe(0);
    expect(vc.sleeps.some((ms) => ms > 0)).toBe(true);
  });
});
