import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ORDERS_PAGE_SIZE } from '../../../../../../main/engine/connectors/carts/shopify/queries.js';
import { createFakeShopify, type FakeShopify } from '../../../../../fakes/shopify/index.js';
import { ACCEPT_ALL, allOrders, collectPages, connectTo, cursorTime, lastCursor } from './helpers.js';

let fake: FakeShopify;

beforeEach(async () => {
  fake = await createFakeShopify({ orders: 60, restoreRate: 1e6, maximumAvailable: 1e6 });
});

afterEach(async () => {
  await fake.close();
});

describe('Shopify order download', () => {
  it('pages through every order, oldest change first, each page carrying its cursor', async () => {
    const { connector } = connectTo(fake, { settings: ACCEPT_ALL });
    const pages = await collectPages(connector, null);
    expect(pages.length).toBe(Math.ceil(60 / ORDERS_PAGE_SIZE));
    const orders = allOrders(pages);
    expect(orders).toHaveLength(60);
    expect(new Set(orders.map((o) => o.cartOrderId)).size).toBe(60);
    const times = orders.map((o) => o.updatedAt);
    expect([...times].sort()).toEqual(times);
    for (const page of pages) {
      const maxOnPage = page.orders.map((o) => o.updatedAt).sort().at(-1);
      expect(cursorTime(page.cursor)).toBe(maxOnPage);
    }
    expect(orders[0].orderNumber).toBe('#1001');
    expect(orders[0].cartOrderId).toMatch(/^gid:\/\/shopify\/Order\/\d+$/);
  });

  it('never moves the cursor backwards, even when a run finds nothing new', async () => {
    const { connector } = connectTo(fake, { settings: ACCEPT_ALL });
    const first = await collectPages(connector, null);
    const cursor = lastCursor(first);
    const again = await collectPages(connector, cursor);
    expect(allOrders(again)).toHaveLength(0);
    expect(cursorTime(lastCursor(again)) >= cursorTime(cursor)).toBe(true);
    const times = first.map((p) => cursorTime(p.cursor));
    expect([...times].sort()).toEqual(times);
  });

  it('hands over an order again only when it changed, and sees cancellations of known orders', async () => {
    const { connector } = connectTo(fake);
    const cursor = lastCursor(await collectPages(connector, null));
    const paid = fake.state.addOrder({ financialStatus: 'PAID' });
    fake.state.updateOrder(paid.id, (o) => (o.note = 'Ring the bell'));
    fake.state.cancelOrder('#1010');

    const pages = await collectPages(connector, cursor);
    const orders = allOrders(pages);
    expect(orders.map((o) => o.orderNumber).sort()).toEqual(['#1010', paid.name].sort());
    const cancelled = orders.find((o) => o.orderNumber === '#1010')!;
    expect(cancelled.cartState.canceled).toBe(true);
    expect(cancelled.skipReason).toBe('order status cancelled is not in the filter (open orders only)');
    expect(orders.find((o) => o.orderNumber === paid.name)!.shippingInstructions).toBe('Ring the bell');
    expect(cursorTime(lastCursor(pages)) > cursorTime(cursor)).toBe(true);
  });

  it('re-reads the overlap window so an order committed late behind the cursor is not lost', async () => {
    const { connector } = connectTo(fake, { settings: ACCEPT_ALL });
    const cursor = lastCursor(await collectPages(connector, null));
    const behind = new Date(Date.parse(cursorTime(cursor)) - 2 * 60_000).toISOString();
    const late = fake.state.addOrder({ createdAt: behind, updatedAt: behind });
    const pages = await collectPages(connector, cursor);
    expect(allOrders(pages).map((o) => o.orderNumber)).toEqual([late.name]);
    expect(cursorTime(lastCursor(pages))).toBe(cursorTime(cursor));
  });

  it('keeps filtered orders with the reason they were skipped', async () => {
    const { connector } = connectTo(fake);
    const cursor = lastCursor(await collectPages(connector, null));
    const pending = fake.state.addOrder({ financialStatus: 'PENDING' });
    const shipped = fake.state.addOrder({ financialStatus: 'PAID', fulfillmentStatus: 'FULFILLED' });
    const good = fake.state.addOrder({ financialStatus: 'PARTIALLY_REFUNDED' });
    const byName = new Map(allOrders(await collectPages(connector, cursor)).map((o) => [o.orderNumber, o]));
    expect(byName.get(pending.name)!.skipReason).toBe(
      'financial status PENDING is not in the filter (PAID, PARTIALLY_REFUNDED)',
    );
    expect(byName.get(shipped.name)!.skipReason).toContain('fulfillment status FULFILLED');
    expect(byName.get(good.name)!.skipReason).toBeUndefined();
  });

  it('asks only for what a partially fulfilled order still has to ship, line by line, keeping what was ordered', async () => {
    const { connector } = connectTo(fake);
    const cursor = lastCursor(await collectPages(connector, null));
    const partial = fake.state.addOrder({
      financialStatus: 'PAID',
      lines: [{ sku: 'DH-1000', quantity: 3 }, { sku: 'DH-1001', quantity: 2 }, { sku: 'DH-1002', quantity: 1 }],
    });
    fake.state.fulfillInCart(partial.id, { 0: 1, 1: 2 });
    const [order] = allOrders(await collectPages(connector, cursor));
    expect(order.cartState.fulfillmentStatus).toBe('PARTIALLY_FULFILLED');
    expect(order.skipReason).toBeUndefined();
    expect(order.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, orderedQuantity: l.orderedQuantity, cartLineId: l.cartLineId }))).toEqual([
      { sku: 'DH-1000', quantity: 2, orderedQuantity: 3, cartLineId: partial.lineItems[0].id },
      { sku: 'DH-1001', quantity: 0, orderedQuantity: 2, cartLineId: partial.lineItems[1].id },
      { sku: 'DH-1002', quantity: 1, orderedQuantity: 1, cartLineId: partial.lineItems[2].id },
    ]);
  });

  it("skips the shop's test orders with a reason, unless the settings include them", async () => {
    const cursor = lastCursor(await collectPages(connectTo(fake).connector, null));
    const test = fake.state.addOrder({ financialStatus: 'PAID', test: true });
    const [skipped] = allOrders(await collectPages(connectTo(fake).connector, cursor));
    expect(skipped).toMatchObject({ orderNumber: test.name, cartState: { test: true } });
    expect(skipped.skipReason).toMatch(/^test order/);
    const withTests = connectTo(fake, { settings: { filters: { includeTestOrders: true } } }).connector;
    const [taken] = allOrders(await collectPages(withTests, cursor));
    expect(taken.orderNumber).toBe(test.name);
    expect(taken.skipReason).toBeUndefined();
  });

  it('records a malformed order as invalid and still moves the cursor past it', async () => {
    const { connector } = connectTo(fake, { settings: ACCEPT_ALL });
    const cursor = lastCursor(await collectPages(connector, null));
    const fine = fake.state.addOrder();
    const broken = fake.state.addOrder({
      updatedAt: new Date(Date.now() + 60_000).toISOString(),
      raw: { totalPriceSet: { shopMoney: { amount: 'twelve dollars', currencyCode: 'USD' } } },
    });
    const pages = await collectPages(connector, cursor);
    expect(allOrders(pages).map((o) => o.orderNumber)).toEqual([fine.name]);
    const invalid = pages.flatMap((p) => p.invalid);
    expect(invalid).toEqual([
      { cartOrderId: broken.id, orderNumber: broken.name, reason: expect.stringContaining('totalPriceSet') },
    ]);
    expect(Date.parse(cursorTime(lastCursor(pages)))).toBe(broken.updatedMs);
  });

  it('downloads only orders created since the earliest order date on the first run', async () => {
    const { connector } = connectTo(fake, { settings: ACCEPT_ALL });
    const cutoff = new Date(fake.state.createdMsOf(40)).toISOString();
    const orders = allOrders(await collectPages(connector, null, cutoff));
    expect(orders.map((o) => o.orderNumber)).toEqual(Array.from({ length: 20 }, (_, i) => `#${1041 + i}`));
  });

  it('fetches every line of an order with more lines than the page carries', async () => {
    const { connector } = connectTo(fake, { settings: ACCEPT_ALL });
    const cursor = lastCursor(await collectPages(connector, null));
    const lines = Array.from({ length: 12 }, (_, i) => ({ sku: `DH-${1000 + i}`, quantity: i + 1 }));
    const big = fake.state.addOrder({ lines });
    const [order] = allOrders(await collectPages(connector, cursor));
    expect(order.orderNumber).toBe(big.name);
    expect(order.lines.map((l) => [l.sku, l.quantity])).toEqual(lines.map((l) => [l.sku, l.quantity]));
    expect(order.lines.map((l) => l.lineNo)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('looks one order up by its number', async () => {
    const { connector } = connectTo(fake);
    const order = await connector.fetchOrderByNumber!('#1005');
    expect(order?.cartOrderId).toBe(fake.state.order('#1005')!.id);
    expect(await connector.fetchOrderByNumber!('#99999')).toBeNull();
  });
});
