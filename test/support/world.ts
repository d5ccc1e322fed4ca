import { defaultCsvWmsSettings } from '../../shared/csv-defaults.js';
import type { FakeShopify } from '../fakes/shopify/index.js';
import type { TestEngine } from './engine-harness.js';
import type { TestFtpServer } from './ftp-server.js';

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
  options: { filters?: typeof ACCEPT_ALL_ORDERS; minInventoryLevel?: number } = {},
): Promise<number> {
  const cart = await t.call('carts.create', {
    merchantId,
    platform: 'shopify',
    name: 'Acme Shopify',
    earliestOrderDate: '2000-01-01',
    minInventoryLevel: options.minInventoryLevel ?? 0,
    settings: { shopDomain: shop.shopDomain, baseUrl: shop.url, ...(options.filters ? { filters: options.filters } : {}) },
    credentials: { accessToken: shop.token },
  });
  return cart.id;
}
