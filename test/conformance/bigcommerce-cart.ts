import { bigcommercePlugin } from '../../main/engine/connectors/carts/bigcommerce/index.js';
import { ORDERS_PAGE_SIZE } from '../../main/engine/connectors/carts/bigcommerce/download.js';
import { createFakeBigCommerce } from '../fakes/bigcommerce/index.js';
import type { CartUnderTest, FakeCart } from './cart-under-test.js';

/** SKUs of the fake store's catalog, each a product that tracks stock as a whole. */
const SKUS = ['BC-TEE-RED', 'BC-MUG-BLUE'];

/** BigCommerce against its fake (test/fakes/bigcommerce): every case applies. */
export const bigcommerceCart: CartUnderTest = {
  name: 'BigCommerce',
  plugin: bigcommercePlugin,
  remote: true,
  notApplicable: {},
  async start(clock): Promise<FakeCart> {
    // The fake's clock is the suite's: its quota window resets while the connector "sleeps".
    const fake = await createFakeBigCommerce({ now: () => clock.now().getTime() });
    const store = fake.store;
    for (const sku of SKUS) store.addProduct(sku);
    // Two units of the first line, so an order can ship in two packages.
    const lines: [string, number, number][] = [
      [SKUS[0], 2, 1999],
      [SKUS[1], 1, 550],
    ];
    const settings = { storeHash: fake.storeHash, baseUrl: fake.url };
    const credentials = { accessToken: fake.token };
    const skuOf = (item: Record<string, unknown>): string => {
      for (const product of store.products.values()) {
        if (item.product_id === product.id) return product.sku;
        const variant = product.variants.find((v) => v.id === item.variant_id);
        if (variant) return variant.sku;
      }
      return `unknown item ${JSON.stringify(item)}`;
    };
    return {
      settings,
      credentials,
      connect: (ctx) => bigcommercePlugin.create(ctx, bigcommercePlugin.settingsSchema.parse(settings), credentials),
      knownSkus: SKUS,
      seedOrdersInOneGo(count) {
        for (let i = 0; i < count; i++) store.addOrder({ createdAt: clock.now().getTime(), lines });
      },
      seedOrders(count) {
        for (let i = 0; i < count; i++) store.addOrder({ createdAt: clock.now().getTime(), lines });
      },
      seedOrdersCreatedAt(count, createdAt) {
        for (let i = 0; i < count; i++) store.addOrder({ createdAt: Date.parse(createdAt), lines });
      },
      async changeOrder(cartOrderId) {
        // BigCommerce keeps whole seconds: a person's edit lands in a later second than the version read.
        await clock.sleep(1000);
        const order = store.modifyOrder(Number(cartOrderId), (o) => (o.staff_notes = `Changed by the conformance suite at ${clock.now().toISOString()}`));
        return new Date(order.modifiedMs).toISOString();
      },
      pageSize: ORDERS_PAGE_SIZE,
      // Other apps of the store spent its quota: the next request is answered 429 until the window resets.
      rateLimitNext: () => store.spendQuota(store.quota.quota),
      rateLimitAnswers: () => store.stats.rateLimited,
      failNext: (count) => store.failNext(count, 503),
      // The download asks for one list page per request: the first, or the one after it.
      malformPage: (which) => store.malformOrderList(which === 'first' ? 0 : 1),
      seedMalformedOrder() {
        const order = store.addOrder({ createdAt: clock.now().getTime(), lines });
        // v2 money is a decimal string; a number is off the documented shape.
        store.malformOrder(order.id, { total_inc_tax: 12.5 });
      },
      healthy() {
        store.failNext(0);
        store.garbleNext(0);
        store.clearOrderListMalform();
      },
      wrongCredentials: () => ({ accessToken: 'bc-refused-by-the-fake-0000' }),
      fulfillments: (cartOrderId) =>
        store.order(Number(cartOrderId)).shipments.map((s) => ({
          trackingNumbers: [s.tracking_number],
          lines: s.items.map((i) => ({ cartLineId: String(i.order_product_id), quantity: i.quantity })),
        })),
      inventoryWrites: () => store.adjustments.flatMap((a) => a.items.map((item) => ({ sku: skuOf(item), quantity: Number(item.quantity) }))),
      close: () => fake.close(),
    };
  },
};
