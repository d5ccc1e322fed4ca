import { DockhandError, isDockhandError } from '../../../../../shared/errors.js';
import type { WooCredentials, WooSettings } from '../../../../../shared/platforms/woocommerce.js';
import type { BackoffPolicy, HttpContext } from '../../../net/index.js';
import type { CartConnector, CartContext } from '../cart-connector.js';
import { limitedRequest } from '../kit/limited-request.js';
import { shopLimiter } from '../kit/shop-limiters.js';
import { TokenBucketLimiter } from '../kit/token-bucket.js';
import { downloadWooOrders } from './download.js';
import { pushWooInventory } from './inventory-push.js';
import { listTrackingProviders } from './orders-api.js';
import { uploadWooPackage } from './package-upload.js';
import { keyDeliveryMemory } from './key-delivery.js';
import { WooRestClient } from './rest-client.js';
import { testWooConnection } from './test-connection.js';

/** Tuning that tests may change; the plugin uses the defaults. */
export interface WooConnectorOptions {
  timeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
}

/**
 * WooCommerce itself sets no request limit; the store's host and firewall do, and every request costs
 * the merchant's server a WordPress boot. So every run of one store shares a polite budget (a host's 429
 * with Retry-After holds them all back through the same limiter).
 */
export const WOO_REQUESTS_PER_SECOND = 20;

/** Where the requests go: the advanced override (a fake in tests), else the store address. */
export function wooRequestAddress(settings: Pick<WooSettings, 'storeUrl' | 'baseUrl'>): string {
  return (settings.baseUrl ?? settings.storeUrl).trim().replace(/\/+$/, '');
}

/** Plain http only for the override on this machine (a fake); a store's address must be https. */
function isLoopbackOverride(settings: Pick<WooSettings, 'baseUrl'>): boolean {
  if (!settings.baseUrl) return false;
  const host = new URL(settings.baseUrl).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

export function createWooConnector(ctx: CartContext, settings: WooSettings, credentials: WooCredentials, options: WooConnectorOptions = {}): CartConnector {
  const http: HttpContext = { clock: ctx.clock, signal: ctx.signal, onThrottle: ctx.onThrottle };
  let client: WooRestClient | undefined;
  let providers: Promise<readonly string[] | undefined> | undefined;

  const address = wooRequestAddress(settings);
  // Whether an earlier run found that this store needs the keys in the query string (key-delivery.ts).
  const keyDelivery = keyDeliveryMemory(ctx.positions, address, ctx.log, `WooCommerce ${address}`);
  let learnt: Promise<boolean> | undefined;

  // Built on first use, so missing keys or a refused address surface as the run's config error (or
  // Test's message), not as a crash of create().
  const getClient = (): WooRestClient => {
    if (client) return client;
    const fields: Record<string, string> = {};
    if (!credentials.consumerKey) fields['credentials.consumerKey'] = 'Enter the consumer key';
    if (!credentials.consumerSecret) fields['credentials.consumerSecret'] = 'Enter the consumer secret';
    if (Object.keys(fields).length > 0) {
      throw new DockhandError('config', `WooCommerce ${settings.storeUrl}: the consumer key and secret are required`, { fields });
    }
    const limiter = shopLimiter('woocommerce', address, () => new TokenBucketLimiter(`WooCommerce ${address}`, { ratePerSecond: WOO_REQUESTS_PER_SECOND, burst: WOO_REQUESTS_PER_SECOND }));
    client = new WooRestClient({
      storeUrl: address,
      consumerKey: credentials.consumerKey as string,
      consumerSecret: credentials.consumerSecret as string,
      http,
      log: ctx.log,
      allowHttp: isLoopbackOverride(settings),
      queryStringAuth: settings.queryStringAuth,
      onQueryStringAuthLearnt: () => keyDelivery.rememberQueryString(),
      timeoutMs: options.timeoutMs,
      backoff: options.backoff,
      transport: (req) => limitedRequest(limiter, http, req),
    });
    return client;
  };

  /** The client, set to send the keys in the query string when an earlier run learnt the store needs it. */
  const ready = async (): Promise<WooRestClient> => {
    const c = getClient();
    learnt ??= keyDelivery.queryStringLearnt();
    if (await learnt) c.useQueryStringAuth();
    return c;
  };

  return {
    async testConnection(services) {
      let tested: WooRestClient;
      try {
        tested = await ready();
      } catch (err) {
        // An http:// address, a typo, missing keys: said on Test, not thrown at the person.
        if (isDockhandError(err) && err.kind === 'config') return { ok: false, message: err.message, details: { errorKind: 'config' } };
        throw err;
      }
      return testWooConnection(tested, services);
    },
    async *fetchOrders(fetchOptions) {
      yield* downloadWooOrders(await ready(), settings.statuses, ctx, fetchOptions);
    },
    async uploadShipment(shipment) {
      const c = await ready();
      providers ??= listTrackingProviders(c);
      const known = providers;
      return uploadWooPackage(c, shipment, () => known);
    },
    pushInventory: async (levels) => pushWooInventory(await ready(), levels),
  };
}
