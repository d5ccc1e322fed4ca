import { DockhandError } from '../../../../../shared/errors.js';
import type { EbayApi } from '../../../../../shared/platforms/ebay.js';
import { ebayHosts, type EbayCredentials, type EbaySettings } from '../../../../../shared/schemas/ebay.js';
import type { BackoffPolicy, HttpContext } from '../../../net/index.js';
import type { CartConnector, CartContext } from '../cart-connector.js';
import { ebayApiLimiter } from './api-limiters.js';
import { downloadEbayOrders, fetchEbayOrderByNumber } from './download.js';
import { pushEbayInventory, type OfferCache } from './inventory-push.js';
import { EbayRestClient } from './rest-client.js';
import { uploadEbayShipment } from './shipment-upload.js';
import { testEbayConnection } from './test-connection.js';
import { ebayAccessTokens, tokenUrlOf } from './token.js';

/** Tuning that tests and the bench may change; the plugin uses the defaults. */
export interface EbayConnectorOptions {
  timeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
  pageSize?: number;
  /** Daily call limits other than eBay's defaults (the bench's fake). */
  dailyCalls?: Partial<Record<EbayApi, number>>;
}

export function createEbayConnector(ctx: CartContext, settings: EbaySettings, credentials: EbayCredentials, options: EbayConnectorOptions = {}): CartConnector {
  const http: HttpContext = { clock: ctx.clock, signal: ctx.signal, onThrottle: ctx.onThrottle };
  const offers: OfferCache = new Map();
  let client: EbayRestClient | undefined;

  // Built on first use: missing keys or a missing grant fail the run (or the Test) with a clear error, not create().
  const getClient = (): EbayRestClient => {
    if (client) return client;
    const { clientId, clientSecret, refreshToken } = credentials;
    if (!clientId || !clientSecret) {
      const fields: Record<string, string> = {};
      if (!clientId) fields['credentials.clientId'] = 'Enter the Client ID';
      if (!clientSecret) fields['credentials.clientSecret'] = 'Enter the Client Secret';
      throw new DockhandError('config', "eBay: the developer app's Client ID and Client Secret are required", { fields });
    }
    if (!refreshToken) {
      throw new DockhandError('auth', 'Connect eBay first: press Connect on the cart and sign in to eBay to let Dockhand read orders and write shipments and stock.');
    }
    const hosts = ebayHosts(settings);
    client = new EbayRestClient({
      apiBase: hosts.api,
      tokens: ebayAccessTokens(http, { tokenUrl: tokenUrlOf(hosts.api), clientId, clientSecret }, refreshToken),
      http,
      limiters: {
        fulfillment: ebayApiLimiter(hosts.api, clientId, 'fulfillment', options.dailyCalls?.fulfillment),
        inventory: ebayApiLimiter(hosts.api, clientId, 'inventory', options.dailyCalls?.inventory),
      },
      timeoutMs: options.timeoutMs,
      backoff: options.backoff,
    });
    return client;
  };

  return {
    testConnection: async (services) => {
      try {
        return await testEbayConnection(getClient(), services);
      } catch (err) {
        if (err instanceof DockhandError && (err.kind === 'config' || err.kind === 'auth')) return { ok: false, message: err.message, details: { errorKind: err.kind } };
        throw err;
      }
    },
    fetchOrders: (fetchOptions) =>
      (async function* () {
        yield* downloadEbayOrders({ client: getClient(), settings, ctx, pageSize: options.pageSize }, fetchOptions);
      })(),
    fetchOrderByNumber: (orderNumber) => fetchEbayOrderByNumber(getClient(), orderNumber),
    uploadShipment: (shipment) => uploadEbayShipment(getClient(), shipment),
    pushInventory: (levels) => pushEbayInventory(getClient(), offers, levels),
  };
}
