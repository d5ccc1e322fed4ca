import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JobView, RunView } from '../../shared/api-types.js';
import { defaultCsvWmsSettings } from '../../shared/csv-defaults.js';
import type { ServiceName } from '../../shared/domain.js';
import { startTestEngine, type TestEngine } from '../support/engine-harness.js';
import type { CartUnderTest, FakeCart } from './cart-under-test.js';
import type { VirtualClock } from './virtual-clock.js';

/**
 * The engine with its store, on the suite's clock, for the cases whose promise lives in the store or the
 * scheduler (nothing half-written, auth pauses, what inventory upload sends): merchant ACME, a warehouse
 * in a local folder, and one cart connection on the fake.
 */
export interface EngineWorld {
  t: TestEngine;
  merchantId: number;
  cartId: number;
  run(service: ServiceName, targetId: number): Promise<RunView>;
  /** The scheduled job of a service for this cart. */
  job(service: ServiceName): Promise<JobView>;
  /** Orders the store holds for the cart. */
  orderNumbers(): Promise<string[]>;
  syncPosition(): Promise<string | null>;
  /** A stock file from the warehouse (rows of SKU and quantity), left where inventory pickup reads it. */
  warehouseStock(fileName: string, levels: Record<string, number>): Promise<void>;
  close(): Promise<void>;
}

export async function startEngineWorld(
  adapter: CartUnderTest,
  fake: FakeCart,
  clock: VirtualClock,
  options: { credentials?: unknown; earliestOrderDate: string },
): Promise<EngineWorld> {
  const t = await startTestEngine({ clock });
  try {
    const folder = path.join(t.dataDir, 'warehouse');
    await mkdir(folder, { recursive: true });
    await t.call('account.setup', { mode: 'fulfillment' });
    const merchantId = (await t.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME' })).id;
    await t.call('wms.save', { settings: defaultCsvWmsSettings({ kind: 'folder', path: folder }), secrets: {} });
    const cart = await t.call('carts.create', {
      merchantId,
      platform: adapter.plugin.manifest.platform,
      name: `${adapter.name} under test`,
      earliestOrderDate: options.earliestOrderDate,
      settings: fake.settings,
      credentials: options.credentials ?? fake.credentials,
      // Holding orders for unmapped ship codes is not what these cases are about.
      rejectUnmappedShipCodes: false,
    } as never);
    const cartId = cart.id;
    return {
      t,
      merchantId,
      cartId,
      run: (service, targetId) => t.call('services.runNow', { service, targetId }),
      async job(service) {
        const found = (await t.call('schedules.list', {})).find((j) => j.service === service && j.targetId === cartId);
        if (!found) throw new Error(`No ${service} job for cart ${cartId}`);
        return found;
      },
      async orderNumbers() {
        const page = await t.call('orders.list', { cartId, limit: 500, offset: 0 });
        if (page.total > page.items.length) throw new Error('More orders than one page of the list: raise the limit');
        return page.items.map((o) => o.orderNumber);
      },
      syncPosition: async () => (await t.call('carts.get', { id: cartId })).syncCursor,
      async warehouseStock(fileName, levels) {
        const dir = path.join(folder, 'ACME', 'inventory');
        await mkdir(dir, { recursive: true });
        const rows = Object.entries(levels).map(([sku, quantity]) => `${sku},${quantity}`);
        await writeFile(path.join(dir, fileName), ['SKU,Quantity', ...rows].join('\n'));
      },
      close: () => t.close(),
    };
  } catch (err) {
    await t.close();
    throw err;
  }
}
