import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CART_SERVICES, MERCHANT_SERVICES } from '../../../shared/domain.js';
import { defaultCsvWmsSettings } from '../../../shared/csv-defaults.js';
import { DEMO_SHIP_CODES } from '../connectors/carts/demo/demo-catalog.js';
import { getAccount, setAccountMode } from '../store/repositories/account-repo.js';
import { insertCart, listCarts } from '../store/repositories/carts-repo.js';
import { findMerchantByNameOrCode, insertMerchant } from '../store/repositories/merchants-repo.js';
import { setScheduleMinutes } from '../store/repositories/schedules-repo.js';
import { listShipMethods, replaceShipMethods, setShipCodeMapping } from '../store/repositories/ship-methods-repo.js';
import { getWms, saveWms } from '../store/repositories/wms-repo.js';
import { demoSetupEvent } from '../demo/demo-signal.js';
import { enableDemoWarehouse, wmsUsesDemoFolder } from '../demo/demo-warehouse-state.js';
import type { Handlers, MethodsOf } from './handler-types.js';

/**
 * "Try with demo data": a merchant, the Demo store, a local-folder WMS (unless one is set up already),
 * the demo ship methods mapped, and schedules, so the loop runs within minutes with no accounts.
 * When the WMS is that demo folder, the demo warehouse (main/engine/demo) is turned on to play the
 * warehouse, and told to start the loop now; this returns without waiting for it.
 * Running it twice reuses what the first run made.
 */
export const demoHandlers: Handlers<MethodsOf<'demo'>> = {
  async 'demo.setup'(input, ctx) {
    const folder = input.folder ?? path.join(ctx.dataDir, 'demo-warehouse');
    // The folder transport never creates its root (an unmounted share must not become an empty folder);
    // the demo warehouse is ours, so we make it.
    await mkdir(folder, { recursive: true });
    const ids = await ctx.store.write((db) => {
      const now = ctx.nowIso();
      if (!getAccount(db)) setAccountMode(db, 'fulfillment', now);
      const merchantId =
        findMerchantByNameOrCode(db, 'Demo Merchant', 'DEMO')[0]?.id ??
        insertMerchant(db, { name: 'Demo Merchant', code: 'DEMO', folders: null, errorContacts: [] }, now);
      let cartId = listCarts(db, merchantId).find((c) => c.platform === 'demo')?.id;
      if (!cartId) {
        cartId = insertCart(
          db,
          {
            merchantId,
            platform: 'demo',
            name: 'Demo store',
            orderSource: 'Demo store',
            settings: { ordersPerRun: 5, seed: 1 },
            credentialsSealed: null,
            earliestOrderDate: new Date(ctx.clock.now().getTime() - 7 * 86_400_000).toISOString(),
            rejectUnmapped: true,
            minInventoryLevel: 0,
          },
          now,
        );
        for (const s of CART_SERVICES) setScheduleMinutes(db, s, cartId, { order_download: 5, shipment_upload: 15, inventory_upload: 60 }[s]);
      }
      for (const s of MERCHANT_SERVICES) setScheduleMinutes(db, s, merchantId, { order_delivery: 5, shipment_pickup: 15, inventory_pickup: 60 }[s]);
      if (!getWms(db)) saveWms(db, defaultCsvWmsSettings({ kind: 'folder', path: folder }), null, now);
      const methods = listShipMethods(db);
      const missing = DEMO_SHIP_CODES.filter((c) => !methods.some((m) => m.code === c.wmsCode));
      if (missing.length) {
        replaceShipMethods(db, [...methods, ...missing.map((c) => ({ code: c.wmsCode, description: c.description, carrier: c.carrier }))]);
      }
      for (const c of DEMO_SHIP_CODES) setShipCodeMapping(db, cartId, c.cartCode, c.wmsCode, now);
      // Another WMS set up before the demo stays; there is no demo folder to play the warehouse on then.
      const playing = wmsUsesDemoFolder(getWms(db)?.settings, folder);
      if (playing) enableDemoWarehouse(db, { folder, merchantId, cartId }, now);
      return { merchantId, cartId, playing };
    });
    for (const s of MERCHANT_SERVICES) await ctx.jobs.sync(s, ids.merchantId);
    for (const s of CART_SERVICES) await ctx.jobs.sync(s, ids.cartId);
    ctx.emit(demoSetupEvent(ctx.nowIso(), { enabled: ids.playing, merchantId: ids.merchantId, cartId: ids.cartId }));
    return { merchantId: ids.merchantId, cartId: ids.cartId };
  },
};
