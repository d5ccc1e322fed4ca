import { woocommercePlugin } from '../../main/engine/connectors/carts/woocommerce/plugin.js';
import { ORDERS_PER_PAGE } from '../../main/engine/connectors/carts/woocommerce/orders-api.js';
import { readLedgerNote } from '../../main/engine/connectors/carts/woocommerce/shipment-ledger.js';
import { createFakeWooCommerce } from '../fakes/woocommerce/index.js';
import type { CartUnderTest, FakeCart } from './cart-under-test.js';

/**
 * WooCommerce against its fake (test/fakes/woocommerce), with the Shipment Tracking extension installed:
 * every case applies. WooCommerce ties no lines to a tracking item, so a "fulfillment" here is a
 * tracking item with the lines of the package note the connector writes beside it (shipment-ledger.ts).
 */
export const woocommerceCart: CartUnderTest = {
  name: 'WooCommerce',
  plugin: woocommercePlugin,
  remote: true,
  notApplicable: {},
  async start(clock): Promise<FakeCart> {
    // WordPress keeps dates to the second: the store's clock starts on one.
    const shop = await createFakeWooCommerce({ startMs: Math.floor(clock.now().getTime() / 1000) * 1000 });
    const store = shop.store;
    store.addSimpleProduct('WOO-TENT-2P', { stock: 4 });
    store.addVariableProduct('WOO-BAG', [{ sku: 'WOO-BAG-RED', stock: 9 }, { sku: 'WOO-BAG-BLUE', stock: 2 }]);
    const settings = { storeUrl: 'https://acme-outdoor.example', baseUrl: shop.url, statuses: ['processing'] };
    const credentials = { consumerKey: shop.consumerKey, consumerSecret: shop.consumerSecret };
    // Rate-limit faults queued and then dropped unserved by healthy(), so the served count stays exact.
    return {
      settings,
      credentials,
      connect: (ctx) => woocommercePlugin.create(ctx, woocommercePlugin.settingsSchema.parse(settings), credentials),
      knownSkus: ['WOO-TENT-2P', 'WOO-BAG-RED'],
      seedOrdersInOneGo(count) {
        store.seedOrders(count);
      },
      seedOrders(count) {
        store.seedOrders(count);
      },
      seedOrdersCreatedAt(count, createdAt) {
        for (let i = 0; i < count; i++) store.addOrder({ createdMs: Date.parse(createdAt) });
      },
      changeOrder(cartOrderId) {
        const order = store.modifyOrder(Number(cartOrderId), (o) => (o.customer_note = `Changed by the conformance suite at ${clock.now().toISOString()}`));
        return new Date(order.modifiedMs).toISOString();
      },
      pageSize: ORDERS_PER_PAGE,
      // A host's limiter (WooCommerce has none of its own): 429 with Retry-After in seconds.
      rateLimitNext: () => store.rateLimitNext(1, '2'),
      rateLimitAnswers: () => store.rateLimitFaultsServed,
      failNext: (count) => store.failNext(count, 503),
      // The walk's first request is the first list page; 'later' lets one page through first.
      malformPage: (which) => (store.malformedOrdersList = { good: which === 'first' ? 0 : 1 }),
      seedMalformedOrder() {
        const order = store.addOrder();
        store.malformOrder(order.id, (json) => (json.total = 'twelve dollars'));
      },
      healthy() {
        store.faults.length = 0;
        store.malformedOrdersList = undefined;
      },
      wrongCredentials: () => ({ consumerKey: 'ck_refusedbythefake0000000000000000000000', consumerSecret: 'cs_refusedbythefake0000000000000000000000' }),
      fulfillments(cartOrderId) {
        const id = Number(cartOrderId);
        const ledger = store.notesOf(id).flatMap((n) => {
          const entry = n.customer_note ? undefined : readLedgerNote(n.note);
          return entry ? [entry] : [];
        });
        return store.trackingsOf(id).map((t) => ({
          trackingNumbers: [t.tracking_number],
          lines: Object.entries(ledger.find((e) => e.trackingNumber === t.tracking_number)?.lines ?? {}).map(([cartLineId, quantity]) => ({ cartLineId, quantity })),
        }));
      },
      inventoryWrites: () => [...store.stockWrites],
      close: () => shop.close(),
    };
  },
};
