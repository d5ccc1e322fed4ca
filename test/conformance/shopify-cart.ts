import { shopifyPlugin } from '../../main/engine/connectors/carts/shopify/index.js';
import { ORDERS_PAGE_SIZE } from '../../main/engine/connectors/carts/shopify/queries.js';
import { createFakeShopify } from '../fakes/shopify/index.js';
import { ACCEPT_ALL_ORDERS } from '../support/world.js';
import type { CartUnderTest, FakeCart } from './cart-under-test.js';

/** A GraphQL reply in the documented envelope whose orders are not the documented connection. */
const MALFORMED_ORDERS = JSON.stringify({ data: { orders: { edges: 'not the nodes and pageInfo Shopify documents' } } });

/** Shopify against its fake (test/fakes/shopify): every case applies. */
export const shopifyCart: CartUnderTest = {
  name: 'Shopify',
  plugin: shopifyPlugin,
  remote: true,
  notApplicable: {},
  async start(clock): Promise<FakeCart> {
    // The fake's clock is the suite's: its leaky bucket refills while the connector "sleeps".
    const shop = await createFakeShopify({ orders: 0, now: () => clock.now().getTime() });
    const state = shop.state;
    const settings = { shopDomain: shop.shopDomain, baseUrl: shop.url, filters: ACCEPT_ALL_ORDERS };
    const credentials = { accessToken: shop.token };
    return {
      settings,
      credentials,
      connect: (ctx) => shopifyPlugin.create(ctx, shopifyPlugin.settingsSchema.parse(settings), credentials),
      knownSkus: state.catalog.map((v) => v.sku).filter((sku): sku is string => sku !== null),
      seedOrdersInOneGo(count) {
        for (let i = 0; i < count; i++) state.addOrder();
      },
      seedOrders(count) {
        for (let i = 0; i < count; i++) state.addOrder();
      },
      seedOrdersCreatedAt(count, createdAt) {
        for (let i = 0; i < count; i++) state.addOrder({ createdAt });
      },
      changeOrder(cartOrderId) {
        const order = state.updateOrder(cartOrderId, (o) => (o.note = `Changed by the conformance suite at ${clock.now().toISOString()}`));
        return new Date(order.updatedMs).toISOString();
      },
      pageSize: ORDERS_PAGE_SIZE,
      // Another app of the shop spent the budget: the next query is THROTTLED until the bucket refills.
      rateLimitNext: () => state.drainBucket(),
      rateLimitAnswers: () => state.stats.throttled,
      failNext: (count) => state.failNext(count, 503, { body: '{"errors":"Service Unavailable"}' }),
      // The first page is asked for without a cursor ("after":null), later pages with one.
      malformPage: (which) => state.malformNext(1, { body: MALFORMED_ORDERS, when: which === 'first' ? '"after":null' : '"after":"' }),
      seedMalformedOrder() {
        state.addOrder({ raw: { totalPriceSet: { shopMoney: { amount: 'twelve dollars', currencyCode: 'USD' } } } });
      },
      healthy: () => state.clearFaults(),
      wrongCredentials: () => ({ accessToken: 'shpat_refused_by_the_fake_0000' }),
      fulfillments: (cartOrderId) =>
        state
          .fulfillmentsOf(cartOrderId)
          .filter((f) => f.status === 'SUCCESS')
          .map((f) => ({
            trackingNumbers: f.trackingInfo.map((t) => t.number).filter((n): n is string => n !== null),
            lines: f.lines.map((l) => ({ cartLineId: l.lineItemId, quantity: l.quantity })),
          })),
      inventoryWrites: () =>
        state.inventoryUpdates.filter((u) => u.sku !== null).map((u) => ({ sku: u.sku as string, quantity: u.quantity })),
      close: () => shop.close(),
    };
  },
};
