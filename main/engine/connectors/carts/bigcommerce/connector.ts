import { DockhandError } from '../../../../../shared/errors.js';
import { bigcommerceApiAddress, type BigCommerceCredentials, type BigCommerceSettings } from '../../../../../shared/platforms/bigcommerce.js';
import type { BackoffPolicy, HttpContext } from '../../../net/index.js';
import type { CartConnector, CartContext } from '../cart-connector.js';
import { downloadOrders, fetchOrderByNumber } from './download.js';
import { pushInventory } from './inventory-push.js';
import { BigCommerceClient } from './rest-client.js';
import { uploadShipment } from './shipment-upload.js';
import { storeQuota } from './store-quota.js';
import { testBigCommerceConnection } from './test-connection.js';

/** Tuning that tests and the bench may change; the plugin uses the defaults. */
export interface BigCommerceConnectorOptions {
  timeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
  /** Orders per list request (at most 250, the default). */
  pageSize?: number;
}

/** A Test answers within its 60 s: one retry of a failed request, and no long wait for the quota. */
const TEST_BACKOFF: Partial<BackoffPolicy> = { attempts: 2, maxDelayMs: 2_000 };
const TEST_MAX_RATE_LIMIT_WAIT_MS = 30_000;

export function createBigCommerceConnector(
  ctx: CartContext,
  settings: BigCommerceSettings,
  credentials: BigCommerceCredentials,
  options: BigCommerceConnectorOptions = {},
): CartConnector {
  const http: HttpContext = { clock: ctx.clock, signal: ctx.signal, onThrottle: ctx.onThrottle };
  const apiBase = bigcommerceApiAddress(settings);
  let client: BigCommerceClient | undefined;

  // Built on first use so that a missing token surfaces as a config error of the run, not of create().
  const clientWith = (extra: { backoff?: Partial<BackoffPolicy>; maxRateLimitWaitMs?: number } = {}): BigCommerceClient => {
    if (!credentials.accessToken) {
      throw new DockhandError('config', `BigCommerce store ${settings.storeHash}: the API account access token is required`, {
        fields: { 'credentials.accessToken': 'Enter the access token of the store-level API account' },
      });
    }
    return new BigCommerceClient({
      apiBase,
      storeHash: settings.storeHash,
      accessToken: credentials.accessToken,
      http,
      // The store's quota, shared by every run and every cart of the store.
      quota: storeQuota(apiBase, settings.storeHash),
      timeoutMs: options.timeoutMs,
      backoff: { ...options.backoff, ...extra.backoff },
      maxRateLimitWaitMs: extra.maxRateLimitWaitMs,
    });
  };
  const getClient = (): BigCommerceClient => (client ??= clientWith());
  const deps = () => ({ client: getClient(), settings, ctx, pageSize: options.pageSize });

  // Every method reports a missing token as its own failure (a rejected promise, a failed run).
  return {
    testConnection: async (services) =>
      testBigCommerceConnection(
        clientWith({ backoff: TEST_BACKOFF, maxRateLimitWaitMs: TEST_MAX_RATE_LIMIT_WAIT_MS }),
        { storeHash: settings.storeHash, address: apiBase },
        services,
      ),
    fetchOrders: async function* (fetchOptions) {
      yield* downloadOrders(deps(), fetchOptions);
    },
    fetchOrderByNumber: async (orderNumber) => fetchOrderByNumber(deps(), orderNumber),
    uploadShipment: async (shipment) => uploadShipment(getClient(), shipment),
    pushInventory: async (levels) => pushInventory(getClient(), levels, { locationId: settings.locationId }),
  };
}
