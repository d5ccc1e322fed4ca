import { DockhandError } from '../../../../../shared/errors.js';
import { demoPlatform } from '../../../../../shared/platforms/demo.js';
import type { DemoSettings } from '../../../../../shared/schemas/demo.js';
import { pluginBasics } from '../plugin-basics.js';
import type { CartConnector, CartContext, CartPlugin } from '../cart-connector.js';
import { DEMO_PRODUCTS } from './demo-catalog.js';
import { checkEditedDemoCursor, parseDemoCursor, serializeDemoCursor } from './demo-cursor.js';
import { demoOrder } from './demo-orders.js';

/**
 * The built-in Demo store: each download hands out `ordersPerRun` new, realistic orders; it accepts
 * shipments for its own order lines and inventory for its own SKUs. No account, no network.
 */
function createDemoConnector(ctx: CartContext, settings: DemoSettings): CartConnector {
  const knownSkus = new Set<string>(DEMO_PRODUCTS.map((p) => p.sku));
  return {
    async testConnection() {
      return { ok: true, message: 'Demo store is ready (no account needed)' };
    },
    async *fetchOrders({ cursor }) {
      const from = parseDemoCursor(cursor);
      const at = ctx.clock.now().toISOString();
      const orders = Array.from({ length: settings.ordersPerRun }, (_, i) => demoOrder(settings.seed, from + i + 1, at));
      yield { orders, invalid: [], cursor: serializeDemoCursor(from + orders.length) };
    },
    async uploadShipment(s) {
      for (const item of s.items) {
        if (!item.cartLineId.startsWith('demo-line-')) {
          throw new DockhandError('data', `Line ${item.sku} is not a Demo store line`);
        }
      }
      return { outcome: 'accepted', remoteId: `demo-fulfillment-${s.trackingNumber}`, alreadyExisted: false };
    },
    async pushInventory(levels) {
      const unknownSkus = levels.filter((l) => !knownSkus.has(l.sku)).map((l) => l.sku);
      return { updated: levels.length - unknownSkus.length, unknownSkus, failed: [] };
    },
  };
}

export const demoPlugin: CartPlugin<DemoSettings, Record<string, never>> = {
  ...pluginBasics<DemoSettings, Record<string, never>>(demoPlatform),
  create: (ctx, settings) => createDemoConnector(ctx, settings),
  parseCursor: checkEditedDemoCursor,
};
