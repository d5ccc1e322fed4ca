import { EBAY_ORDERS_PAGE_SIZE } from '../../main/engine/connectors/carts/ebay/download.js';
import { ebayPlugin } from '../../main/engine/connectors/carts/ebay/plugin.js';
import { createFakeEbay, type LineSeed } from '../fakes/ebay/index.js';
import type { CartUnderTest, FakeCart } from './cart-under-test.js';

/** The SKUs the fake seller lists, each an inventory item with a published offer. */
const CATALOG = ['EB-MUG', 'EB-TOTE', 'EB-TEE-S', 'EB-TEE-M'];

/** Each seeded order: two units of one item (so it can ship in parts) and, every other order, a tee. */
function linesFor(n: number): LineSeed[] {
  const lines: LineSeed[] = [{ sku: n % 2 === 0 ? 'EB-MUG' : 'EB-TOTE', quantity: 2, price: '12.50' }];
  if (n % 2 === 0) lines.push({ sku: 'EB-TEE-M', quantity: 1, price: '25.00' });
  return lines;
}

/** eBay against its fake (test/fakes/ebay): every case applies. */
export const ebayCart: CartUnderTest = {
  name: 'eBay',
  plugin: ebayPlugin,
  remote: true,
  notApplicable: {},
  async start(clock): Promise<FakeCart> {
    const fake = await createFakeEbay({ start: clock });
    const state = fake.state;
    for (const sku of CATALOG) state.addProduct(sku, 10);
    let seeded = 0;
    const settings = { environment: 'production', fulfillmentStatuses: 'NOT_STARTED|IN_PROGRESS', baseUrl: fake.url };
    const credentials = { clientId: fake.app.clientId, clientSecret: fake.app.clientSecret, ruName: fake.app.ruName, refreshToken: fake.grant() };
    return {
      settings,
      credentials,
      connect: (ctx) => ebayPlugin.create(ctx, ebayPlugin.settingsSchema.parse(settings), ebayPlugin.credentialsSchema.parse(credentials)),
      knownSkus: CATALOG,
      seedOrders(count) {
        for (let i = 0; i < count; i++) state.addOrder({ lines: linesFor(++seeded) });
      },
      seedOrdersInOneGo(count) {
        for (let i = 0; i < count; i++) state.addOrder({ lines: linesFor(++seeded) });
      },
      seedOrdersCreatedAt(count, createdAt) {
        for (let i = 0; i < count; i++) state.addOrder({ lines: linesFor(++seeded), createdAt: new Date(Date.parse(createdAt)).toISOString() });
      },
      changeOrder(cartOrderId) {
        state.advance(1);
        return state.modifyOrder(cartOrderId, (o) => (o.buyerCheckoutNotes = 'Changed by the conformance suite')).lastModifiedDate;
      },
      pageSize: EBAY_ORDERS_PAGE_SIZE,
      // The app's daily call limit for the API, reached: 429 with Retry-After.
      rateLimitNext: () => fake.rateLimitNext(1, 2),
      rateLimitAnswers: () => fake.stats.rateLimited,
      failNext: (count) => fake.failNext(count, { status: 500 }),
      malformPage: (which) => fake.malformNthOrderPage(which === 'first' ? 1 : 2),
      seedMalformedOrder() {
        const order = state.addOrder({ lines: linesFor(++seeded) });
        fake.corruptOrder(order.orderId, { ...(state.view(order) as object), pricingSummary: { priceSubtotal: { value: 'twelve dollars', currency: 'USD' }, total: { value: '12.00', currency: 'USD' } } });
      },
      healthy: () => fake.healthy(),
      wrongCredentials: () => ({ ...credentials, refreshToken: 'v^1.1#i^1#r^1#f^0#p^3#I^3#t^refused-by-the-fake' }),
      fulfillments: (cartOrderId) =>
        state.fulfillments
          .filter((f) => f.orderId === cartOrderId)
          .map((f) => ({ trackingNumbers: [f.shipmentTrackingNumber], lines: f.lineItems.map((l) => ({ cartLineId: l.lineItemId, quantity: l.quantity })) })),
      inventoryWrites: () => [...state.inventoryWrites],
      close: () => fake.close(),
    };
  },
};
