import { demoPlugin } from '../../main/engine/connectors/carts/demo/index.js';
import { DEMO_PRODUCTS } from '../../main/engine/connectors/carts/demo/demo-catalog.js';
import type { CartUnderTest, FakeCart } from './cart-under-test.js';

const INVENTS_AT_DOWNLOAD = 'The Demo store invents each order at the moment it hands it out';
const NO_NETWORK = 'The Demo store runs in-process with no network and no account';
const KEEPS_NO_FULFILLMENTS =
  'The Demo store keeps no fulfillments: it accepts each shipment of its own lines and forgets it, so there is nothing to read back or to find again';

/**
 * The built-in Demo store, in-process. It has no fake of its own: it invents `ordersPerRun` orders per
 * download, so "seeding" N orders means the next connector made is set to invent N.
 */
export const demoCart: CartUnderTest = {
  name: 'Demo store',
  plugin: demoPlugin,
  remote: false,
  notApplicable: {
    'first-run-from-earliest-date': `${INVENTS_AT_DOWNLOAD}, so no order is older than the earliest order date and none can be made so`,
    'pages': 'The Demo store hands out all of a run\'s orders in one page',
    'mass-action-one-second': `${INVENTS_AT_DOWNLOAD}: it keeps no order times to bound, and a run is one page`,
    'incremental-changed': `${INVENTS_AT_DOWNLOAD} and never changes it afterwards`,
    'changed-during-run': `${INVENTS_AT_DOWNLOAD} and never changes it afterwards; a run is one page`,
    'rate-limit': `${NO_NETWORK}: nothing answers with a rate limit`,
    'server-error-retried': `${NO_NETWORK}: nothing answers with a 5xx`,
    'server-error-fails-cleanly': `${NO_NETWORK}: nothing answers with a 5xx`,
    'malformed-payload': `${NO_NETWORK}: its orders are built in memory, no payload is parsed`,
    'malformed-order': `${NO_NETWORK}: its orders are built in memory, no payload is parsed`,
    'wrong-credentials': `${NO_NETWORK}: there are no credentials to refuse`,
    'shipment-full': KEEPS_NO_FULFILLMENTS,
    'shipment-partial': KEEPS_NO_FULFILLMENTS,
    'shipment-resent': KEEPS_NO_FULFILLMENTS,
    'inventory-in-cart': 'The Demo store keeps no stock levels: it counts the SKUs it knows and forgets the quantities',
  },
  async start(): Promise<FakeCart> {
    const seed = 7;
    let toInvent = 0;
    return {
      // The cart connection the engine cases create invents nothing on its own.
      settings: { ordersPerRun: 0, seed },
      credentials: {},
      connect(ctx) {
        const settings = demoPlugin.settingsSchema.parse({ ordersPerRun: toInvent, seed });
        toInvent = 0;
        return demoPlugin.create(ctx, settings, {});
      },
      knownSkus: DEMO_PRODUCTS.map((p) => p.sku),
      seedOrders(count) {
        toInvent += count;
      },
      close: async () => {},
    };
  },
};
