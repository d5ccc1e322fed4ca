import { MAGENTO_ORDERS_PAGE_SIZE } from '../../main/engine/connectors/carts/magento/download.js';
import { magentoPlugin } from '../../main/engine/connectors/carts/magento/plugin.js';
import { createFakeMagento } from '../fakes/magento/index.js';
import type { LineSeed } from '../fakes/magento/index.js';
import type { CartUnderTest, FakeCart } from './cart-under-test.js';

/** The catalog the fake sells: a simple product, a mug, and the sizes of a configurable tee. */
const CATALOG = ['MG-MUG', 'MG-TOTE', 'MG-TEE-S', 'MG-TEE-M'];

/**
 * Each seeded order: two units of a simple product (so it can ship in parts) and, every other order, a
 * configurable tee (a parent and a child item in Magento, one line for the warehouse).
 */
function linesFor(n: number): LineSeed[] {
  const lines: LineSeed[] = [{ sku: n % 2 === 0 ? 'MG-MUG' : 'MG-TOTE', qty: 2, price: 12.5 }];
  if (n % 2 === 0) lines.push({ sku: 'MG-TEE-M', qty: 1, price: 25, configurable: { parentSku: 'MG-TEE', parentName: 'Dock tee' } });
  return lines;
}

/** Magento 2 against its fake (test/fakes/magento): every case applies. */
export const magentoCart: CartUnderTest = {
  name: 'Magento 2',
  plugin: magentoPlugin,
  remote: true,
  notApplicable: {},
  async start(clock): Promise<FakeCart> {
    // The store's clock is the suite's: Retry-After and backoff waits pass for it too.
    const store = await createFakeMagento({ start: clock });
    const state = store.state;
    for (const sku of CATALOG) state.addProduct(sku, 10);
    let seeded = 0;
    // Every status downloads without a skip reason: the cases count orders, not filters.
    const settings = { storeUrl: store.url, storeCode: 'default', sourceCode: 'default', orderStatuses: [], authMode: 'integration_token' };
    const credentials = { accessToken: store.integrationToken };
    return {
      settings,
      credentials,
      connect: (ctx) => magentoPlugin.create(ctx, magentoPlugin.settingsSchema.parse(settings), magentoPlugin.credentialsSchema.parse(credentials)),
      knownSkus: CATALOG,
      seedOrdersInOneGo(count) {
        for (let i = 0; i < count; i++) state.addOrder({ lines: linesFor(++seeded) });
      },
      seedOrders(count) {
        for (let i = 0; i < count; i++) state.addOrder({ lines: linesFor(++seeded) });
      },
      seedOrdersCreatedAt(count, createdAt) {
        const at = new Date(Date.parse(createdAt)).toISOString().slice(0, 19).replace('T', ' ');
        for (let i = 0; i < count; i++) state.addOrder({ lines: linesFor(++seeded), createdAt: at });
      },
      changeOrder(cartOrderId) {
        // Magento keeps updated_at to the second: the change is made a second later, as a person would.
        state.advance(1);
        const order = state.modifyOrder(Number(cartOrderId), (o) => (o.customer_note = 'Changed by the conformance suite'));
        return `${order.updated_at.replace(' ', 'T')}Z`;
      },
      pageSize: MAGENTO_ORDERS_PAGE_SIZE,
      // A WAF in front of the store answers 429 with Retry-After.
      rateLimitNext: () => store.rateLimitNext(1, 2),
      rateLimitAnswers: () => store.stats.rateLimited,
      failNext: (count) => store.failNext(count, { status: 503 }),
      // The first search of the run, or its second (the run walks pages by keyset, always currentPage 1).
      malformPage: (which) => store.malformNthSearch(which === 'first' ? 1 : 2),
      seedMalformedOrder() {
        const order = state.addOrder({ lines: linesFor(++seeded) });
        store.corruptOrder(order.entity_id, { ...(state.view(order) as object), grand_total: 'twelve dollars' });
      },
      healthy: () => store.healthy(),
      wrongCredentials: () => ({ accessToken: 'int_refused_by_the_fake_00000000' }),
      fulfillments: (cartOrderId) =>
        state.shipments
          .filter((s) => s.order_id === Number(cartOrderId))
          .map((s) => ({
            trackingNumbers: s.tracks.map((t) => t.track_number),
            lines: s.items.map((i) => ({ cartLineId: String(i.order_item_id), quantity: i.qty })),
          })),
      inventoryWrites: () => [...state.inventoryWrites],
      close: () => store.close(),
    };
  },
};
