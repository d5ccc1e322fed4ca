import { DockhandError } from '../../../../../shared/errors.js';
import { etsyApiOrigin, type EtsyCredentials, type EtsySettings } from '../../../../../shared/schemas/etsy.js';
import type { HttpContext } from '../../../net/index.js';
import type { CartConnector, CartContext } from '../cart-connector.js';
import { etsyAccessTokens } from './access-tokens.js';
import { etsyAppLimiter } from './app-limiter.js';
import { downloadEtsyReceipts, fetchEtsyReceipt } from './download.js';
import { pushEtsyInventory } from './inventory-push.js';
import { readSkuListings, type SkuListings } from './listing-map.js';
import { EtsyClient } from './rest-client.js';
import { findGrantShop, type EtsyShopRef } from './shop-lookup.js';
import { uploadEtsyShipment } from './shipment-upload.js';
import { testEtsyConnection } from './test-connection.js';

/** Tuning that tests may change; the plugin uses the defaults. */
export interface EtsyConnectorOptions {
  pageSize?: number;
}

/** x-api-key: the keystring, or "keystring:shared secret" for apps that have one (newer Etsy apps need it). */
export function etsyApiKey(credentials: Pick<EtsyCredentials, 'keystring' | 'sharedSecret'>): string {
  return credentials.sharedSecret ? `${credentials.keystring}:${credentials.sharedSecret}` : credentials.keystring;
}

export function etsyLabel(origin: string, shopName?: string): string {
  const host = new URL(origin).host;
  return shopName ? `Etsy shop ${shopName}` : host === 'api.etsy.com' ? 'Etsy' : `Etsy (${host})`;
}

export function createEtsyConnector(ctx: CartContext, settings: EtsySettings, credentials: EtsyCredentials, options: EtsyConnectorOptions = {}): CartConnector {
  const http: HttpContext = { clock: ctx.clock, signal: ctx.signal, onThrottle: ctx.onThrottle };
  const origin = etsyApiOrigin(settings);
  const label = etsyLabel(origin, credentials.shopName);
  let client: EtsyClient | undefined;
  let shop: Promise<EtsyShopRef> | undefined;
  let listings: Promise<SkuListings> | undefined;

  // Built on first use: a cart saved with only the app's fields fails its run (or Test) saying what to do.
  const getClient = (): EtsyClient => {
    if (!credentials.refreshToken) {
      throw new DockhandError(
        'auth',
        "Connect Etsy first: the cart has the app's keystring but no authorization from the shop yet. Press Connect on the cart and sign in as the shop's owner.",
      );
    }
    client ??= new EtsyClient({
      origin,
      apiKey: etsyApiKey(credentials),
      tokens: etsyAccessTokens({ origin, keystring: credentials.keystring, refreshToken: credentials.refreshToken, http, label, log: ctx.log, credentials: ctx.credentials }),
      limiter: etsyAppLimiter(origin, credentials.keystring),
      http,
      label,
    });
    return client;
  };

  // The shop saved with the grant; looked up (and saved) once when a grant came without it.
  const getShop = (): Promise<EtsyShopRef> => {
    if (credentials.shopId) return Promise.resolve({ shopId: credentials.shopId, ...(credentials.shopName ? { shopName: credentials.shopName } : {}) });
    shop ??= (async () => {
      const found = await findGrantShop(getClient(), credentials.refreshToken ?? '');
      await ctx.credentials?.save({ shopId: found.shopId, ...(found.shopName ? { shopName: found.shopName } : {}) });
      return found;
    })();
    shop.catch(() => (shop = undefined));
    return shop;
  };

  return {
    testConnection: (services) => testEtsyConnection({ client: getClient, shop: getShop }, services),
    fetchOrders: (fetchOptions) =>
      (async function* () {
        const { shopId } = await getShop();
        yield* downloadEtsyReceipts({ client: getClient(), shopId, ctx, pageSize: options.pageSize }, fetchOptions);
      })(),
    fetchOrderByNumber: async (orderNumber) => fetchEtsyReceipt(getClient(), (await getShop()).shopId, orderNumber),
    uploadShipment: async (shipment) => uploadEtsyShipment(getClient(), (await getShop()).shopId, shipment),
    pushInventory: async (levels) => {
      const { shopId } = await getShop();
      // Read once per run: every push of this run finds its listings in the same map.
      listings ??= readSkuListings(getClient(), shopId);
      listings.catch(() => (listings = undefined));
      return pushEtsyInventory(getClient(), await listings, levels);
    },
  };
}
