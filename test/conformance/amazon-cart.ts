import { AMAZON_ORDERS_PAGE_SIZE, TWO_MINUTES_MS } from '../../main/engine/connectors/carts/amazon/order-query.js';
import { amazonPlugin } from '../../main/engine/connectors/carts/amazon/plugin.js';
import { createFakeAmazon, US_MARKETPLACE } from '../fakes/amazon/index.js';
import type { CartUnderTest, FakeCart } from './cart-under-test.js';

/** The listings the fake seller has: every SKU its orders carry. */
const CATALOG = ['AZ-MUG', 'AZ-TOTE', 'AZ-TEE-M'];

/**
 * Amazon (SP-API) against its fake (test/fakes/amazon): every case applies.
 *
 * Amazon's two-minute rule: getOrders sees an order only once its LastUpdateDate is two minutes old.
 * The cases seed orders and download at once, so each seed and change lets two minutes and a second
 * of the suite's clock pass (a sleep: instant for the suite, time passed for the fake and the
 * connector), as a real seller's orders wait for Amazon's index.
 */
export const amazonCart: CartUnderTest = {
  name: 'Amazon (SP-API)',
  plugin: amazonPlugin,
  remote: true,
  notApplicable: {},
  async start(clock): Promise<FakeCart> {
    const fake = await createFakeAmazon({ start: clock });
    const state = fake.state;
    for (const sku of CATALOG) state.addListing(sku, 10);
    const indexed = () => clock.sleep(TWO_MINUTES_MS + 1000);
    const settings = { region: 'na', marketplaceIds: [US_MARKETPLACE], authMode: 'self_authorized', baseUrl: fake.url };
    const credentials = { clientId: fake.app.clientId, clientSecret: fake.app.clientSecret, refreshToken: fake.refreshToken, sellingPartnerId: fake.sellerId };
    return {
      settings,
      credentials,
      connect: (ctx) => amazonPlugin.create(ctx, amazonPlugin.settingsSchema.parse(settings), amazonPlugin.credentialsSchema.parse(credentials)),
      knownSkus: CATALOG,
      async seedOrders(count) {
        for (let i = 0; i < count; i++) state.addOrder();
        await indexed();
      },
      async seedOrdersInOneGo(count) {
        for (let i = 0; i < count; i++) state.addOrder();
        await indexed();
      },
      async seedOrdersCreatedAt(count, createdAt) {
        for (let i = 0; i < count; i++) state.addOrder({ purchasedAt: createdAt });
        await indexed();
      },
      async changeOrder(cartOrderId) {
        // Amazon keeps times to the second: the change is made a second later, as a person would.
        state.advance(1);
        const order = state.modifyOrder(cartOrderId, (o) => (o.ShipServiceLevel = 'Exp US D2D Dom'));
        await indexed();
        return order.LastUpdateDate;
      },
      pageSize: AMAZON_ORDERS_PAGE_SIZE,
      rateLimitNext: () => fake.rateLimitNext(1),
      rateLimitAnswers: () => fake.stats.rateLimited,
      failNext: (count) => fake.failNext(count, 503),
      malformPage: (which) => fake.malformNthOrderList(which === 'first' ? 1 : 2),
      async seedMalformedOrder() {
        const order = state.addOrder();
        fake.corruptOrder(order.AmazonOrderId);
        await indexed();
      },
      healthy: () => fake.healthy(),
      wrongCredentials: () => ({ ...credentials, refreshToken: 'Atzr|refused-by-the-fake-0000000000' }),
      fulfillments: (cartOrderId) =>
        state.packages
          .filter((p) => p.orderId === cartOrderId)
          .map((p) => ({ trackingNumbers: [p.trackingNumber], lines: p.items.map((i) => ({ cartLineId: i.orderItemId, quantity: i.quantity })) })),
      inventoryWrites: () => state.inventoryWrites.map(({ sku, quantity }) => ({ sku, quantity })),
      close: () => fake.close(),
    };
  },
};
