import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AFN_SKIP_REASON } from '../../../../../../main/engine/connectors/carts/amazon/download.js';
import { createAmazonConnector } from '../../../../../../main/engine/connectors/carts/amazon/connector.js';
import { NO_RESTRICTED_ROLE_NOTE } from '../../../../../../main/engine/connectors/carts/amazon/order-mapper.js';
import { amazonPlugin } from '../../../../../../main/engine/connectors/carts/amazon/plugin.js';
import { silentLogger } from '../../../../../../main/engine/platform/ports.js';
import { amazonWorld, downloadAll, type AmazonWorld } from './amazon-world.js';

describe('the Amazon order download', () => {
  let w: AmazonWorld;
  beforeEach(async () => {
    w = await amazonWorld();
  });
  afterEach(() => w.close());

  it('asks getOrders up to two minutes ago at most, merchant-fulfilled orders in the statuses to ship or cancel', async () => {
    for (let i = 0; i < 5; i++) w.fake.state.addOrder();
    await w.indexed();
    const { orders } = await downloadAll(w.connect());
    expect(orders).toHaveLength(5);
    const first = w.fake.requests.filter((r) => r.operation === 'getOrders')[0].query;
    expect(Date.parse(first.get('LastUpdatedBefore')!)).toBeLessThanOrEqual(w.clock.now().getTime() - 120_000);
    expect(first.get('FulfillmentChannels')).toBe('MFN');
    expect(first.get('OrderStatuses')).toBe('Unshipped,PartiallyShipped,Canceled');
  });

  it('walks NextToken pages of order items', async () => {
    await w.close();
    w = await amazonWorld({ itemsPageSize: 1 });
    for (let i = 0; i < 3; i++) w.fake.state.addOrder({ lines: [{ sku: 'A', qty: 1, priceCents: 100 }, { sku: 'B', qty: 2, priceCents: 250 }] });
    await w.indexed();
    const { orders } = await downloadAll(w.connect());
    expect(orders.map((o) => o.lines.map((l) => l.sku))).toEqual([['A', 'B'], ['A', 'B'], ['A', 'B']]);
    const itemPages = w.fake.requests.filter((r) => r.operation === 'getOrderItems');
    expect(itemPages).toHaveLength(6);
    expect(itemPages.filter((r) => r.query.has('NextToken'))).toHaveLength(3);
  });

  it('sends later order pages with only NextToken and MarketplaceIds', async () => {
    for (let i = 0; i < 3; i++) w.fake.state.addOrder();
    await w.indexed();
    const small = createAmazonConnector(
      { clock: w.clock, log: silentLogger, signal: new AbortController().signal },
      amazonPlugin.settingsSchema.parse(w.settings),
      amazonPlugin.credentialsSchema.parse(w.credentials),
      { pageSize: 1 },
    );
    const { pages, orders } = await downloadAll(small);
    expect(orders).toHaveLength(3);
    expect(pages).toHaveLength(3);
    const later = w.fake.requests.filter((r) => r.operation === 'getOrders' && r.query.has('NextToken'));
    expect(later).toHaveLength(2);
    for (const r of later) expect([...r.query.keys()].sort()).toEqual(['MarketplaceIds', 'NextToken']);
  });

  it('maps money exactly, the Prime ship code, and the buyer through a Restricted Data Token', async () => {
    w.fake.state.addOrder({ isPrime: true, category: 'Expedited', lines: [{ sku: 'THIRDS', qty: 3, priceCents: 1000 }] });
    await w.indexed();
    const [order] = (await downloadAll(w.connect())).orders;
    expect(order.shipCode).toBe('Prime Expedited');
    expect(order.lines[0]).toMatchObject({ sku: 'THIRDS', quantity: 3, price: '10.00' });
    expect(order).toMatchObject({ subtotal: '30.00', tax: '2.48', shipping: '4.99', total: '37.47', currency: 'USD' });
    expect(order.shipTo).toMatchObject({ firstName: 'Buyer 1', lastName: 'Example', address1: '101 Harbor Way', city: 'Seattle', country: 'US' });
    expect(order.shippingInstructions).toBeUndefined();
    expect(order.gaps).toBeUndefined();
    expect(w.fake.requests.some((r) => r.operation === 'createRestrictedDataToken')).toBe(true);
  });

  it('asks for a new Restricted Data Token once Amazon calls the one it holds expired, and carries on', async () => {
    w.fake.state.addOrder();
    await w.indexed();
    const connector = w.connect();
    const first = await downloadAll(connector);
    w.fake.expireRestrictedTokens();
    w.fake.state.addOrder();
    await w.indexed();
    const next = await downloadAll(connector, '2020-01-01T00:00:00Z', first.cursor);
    expect(next.orders).toHaveLength(1);
    expect(next.orders[0].shipTo.address1).toBeTruthy();
    expect(w.fake.requests.filter((r) => r.operation === 'createRestrictedDataToken')).toHaveLength(2);
  });

  it('lets the order flow without the buyer when the app has no Restricted Data role, and says so on the order', async () => {
    w.fake.setRestrictedRole(false);
    w.fake.state.addOrder();
    await w.indexed();
    const { orders } = await downloadAll(w.connect());
    expect(orders).toHaveLength(1);
    expect(orders[0].shipTo.address1).toBeUndefined();
    expect(orders[0].shipTo).toMatchObject({ city: 'Seattle', zip: '98109', country: 'US' });
    expect(orders[0].gaps).toEqual([NO_RESTRICTED_ROLE_NOTE]);
    expect(orders[0].shippingInstructions).toBeUndefined();
    expect(w.logged.some((l) => l.level === 'warn' && /Restricted Data Token/.test(l.message))).toBe(true);
  });

  it('skips Fulfilled-by-Amazon orders that come back with a reason, without asking for their items', async () => {
    await w.close();
    w = await amazonWorld();
    const afn = w.fake.state.addOrder({ fulfillmentChannel: 'AFN' });
    w.fake.state.addOrder();
    await w.indexed();
    const { orders, invalid } = await downloadAll(w.connect({ settings: { includeAfn: true } }));
    expect(invalid).toEqual([]);
    const skipped = orders.find((o) => o.cartOrderId === afn.AmazonOrderId);
    expect(skipped?.skipReason).toBe(AFN_SKIP_REASON);
    expect(orders.filter((o) => !o.skipReason)).toHaveLength(1);
    // includeAfn: FulfillmentChannels left out of the query.
    expect(w.fake.requests.find((r) => r.operation === 'getOrders')?.query.has('FulfillmentChannels')).toBe(false);
  });

  it('skips an AFN order that comes back despite the MFN filter with a reason, counted in the log, its items never asked for', async () => {
    await w.close();
    w = await amazonWorld({ channelFilter: false });
    const afn = w.fake.state.addOrder({ fulfillmentChannel: 'AFN' });
    w.fake.state.addOrder();
    await w.indexed();
    const { orders, invalid } = await downloadAll(w.connect());
    expect(invalid).toEqual([]);
    expect(orders.find((o) => o.cartOrderId === afn.AmazonOrderId)?.skipReason).toBe(AFN_SKIP_REASON);
    expect(orders.filter((o) => !o.skipReason)).toHaveLength(1);
    expect(w.fake.requests.filter((r) => r.operation === 'getOrderItems' && r.path.includes(afn.AmazonOrderId))).toEqual([]);
    expect(w.logged.some((l) => /1 Fulfilled-by-Amazon order/.test(l.message))).toBe(true);
  });

  it('asks for nothing while the window is inside the last two minutes', async () => {
    const connector = w.connect();
    const now = w.clock.now().toISOString();
    const { pages } = await downloadAll(connector, now);
    expect(pages).toEqual([]);
    expect(w.fake.requests.filter((r) => r.operation === 'getOrders')).toEqual([]);
  });

  it('records an order off the documented shape as invalid and hands over the rest', async () => {
    const bad = w.fake.state.addOrder();
    w.fake.state.addOrder();
    w.fake.corruptOrder(bad.AmazonOrderId);
    await w.indexed();
    const { orders, invalid } = await downloadAll(w.connect());
    expect(orders).toHaveLength(1);
    expect(invalid).toEqual([expect.objectContaining({ cartOrderId: bad.AmazonOrderId, reason: expect.stringContaining('PurchaseDate') })]);
  });
});

describe('the Amazon download position', () => {
  it('never moves past LastUpdatedBefore, so an order changed late in a long run does not hide one placed meanwhile', async () => {
    const w = await amazonWorld();
    try {
      for (let i = 0; i < 3; i++) w.fake.state.addOrder();
      await w.indexed();
      const first = await downloadAll(w.connect());
      const b = first.orders[1];
      const small = createAmazonConnector(
        { clock: w.clock, log: silentLogger, signal: new AbortController().signal },
        amazonPlugin.settingsSchema.parse(w.settings),
        amazonPlugin.credentialsSchema.parse(w.credentials),
        { pageSize: 1 },
      );
      w.fake.state.modifyOrder(first.orders[0].cartOrderId);
      await w.indexed();
      // A run longer than the overlap window: an order is placed 200 s in (not in the run's list), and an
      // order of the list changes 600 s in (its later page shows the new time).
      const pages = [];
      let placed = '';
      for await (const page of small.fetchOrders({ cursor: first.cursor, earliestOrderDate: '2020-01-01T00:00:00Z' })) {
        pages.push(page);
        if (pages.length === 1) {
          await w.clock.sleep(200_000);
          placed = w.fake.state.addOrder().AmazonOrderId;
          await w.clock.sleep(400_000);
          w.fake.state.modifyOrder(b.cartOrderId);
        }
      }
      await w.indexed();
      const next = await downloadAll(w.connect(), '2020-01-01T00:00:00Z', pages.at(-1)!.cursor);
      expect(next.orders.map((o) => o.cartOrderId)).toContain(placed);
    } finally {
      await w.close();
    }
  });
});
