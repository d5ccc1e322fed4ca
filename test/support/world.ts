import { defaultCsvWmsSettings } from '../../shared/csv-defaults.js';
import { createFakeShopify, type FakeShopify } from '../fakes/shopify/index.js';
import { startTestEngine, type TestEngine } from './engine-harness.js';
import { startFtpServer, type TestFtpServer } from './ftp-server.js';

/** Building blocks the integration tests share: the WMS on a test FTP server, a cart on a fake shop. */

/** Shopify filters that let every order through (the default filters skip unpaid and fulfilled ones). */
export const ACCEPT_ALL_ORDERS = { orderStatus: 'any' as const, financialStatuses: [], fulfillmentStatuses: [] };

/** `wms.save` input for the CSV WMS with default profiles on a test FTP server. */
export function ftpWms(ftp: Pick<TestFtpServer, 'port' | 'user' | 'password'>) {
  return {
    settings: defaultCsvWmsSettings({
      kind: 'ftp',
      host: '127.0.0.1',
      port: ftp.port,
      user: ftp.user,
      security: 'none',
      allowSelfSigned: false,
      passive: true,
      root: '/',
    }),
    secrets: { password: ftp.password },
  };
}

/** Connects the merchant to the fake shop through `carts.create` and returns the cart id. */
export async function connectShopify(
  t: TestEngine,
  merchantId: number,
  shop: FakeShopify,
  options: { filters?: typeof ACCEPT_ALL_ORDERS; minInventoryLevel?: number; carrierNames?: Record<string, string> } = {},
): Promise<number> {
  const cart = await t.call('carts.create', {
    merchantId,
    platform: 'shopify',
    name: 'Acme Shopify',
    earliestOrderDate: '2000-01-01',
    minInventoryLevel: options.minInventoryLevel ?? 0,
    settings: { shopDomain: shop.shopDomain, baseUrl: shop.url, ...(options.filters ? { filters: options.filters } : {}) },
    credentials: { accessToken: shop.token },
    // These worlds deliver orders whatever their ship code; holding unmapped codes is tested on its own.
    rejectUnmappedShipCodes: false,
    ...(options.carrierNames ? { carrierNames: options.carrierNames } : {}),
  });
  return cart.id;
}

/** A merchant "ACME" on a fresh engine, with the CSV WMS on a real FTP server and a cart on a fake shop. */
export interface ShopifyFtpWorld {
  t: TestEngine;
  ftp: TestFtpServer;
  shop: FakeShopify;
  merchantId: number;
  cartId: number;
  close(): Promise<void>;
}

export async function startShopifyFtpWorld(options: {
  orders: number;
  cart?: Parameters<typeof connectShopify>[3];
}): Promise<ShopifyFtpWorld> {
  const shop = await createFakeShopify({ orders: options.orders, restoreRate: 1000, maximumAvailable: 20_000 });
  const ftp = await startFtpServer();
  const t = await startTestEngine();
  await t.call('account.setup', { mode: 'fulfillment' });
  const merchantId = (await t.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME' })).id;
  await t.call('wms.save', ftpWms(ftp));
  const cartId = await connectShopify(t, merchantId, shop, options.cart);
  return {
    t,
    ftp,
    shop,
    merchantId,
    cartId,
    async close() {
      await t.close();
      await ftp.close();
      await shop.close();
    },
  };
}
