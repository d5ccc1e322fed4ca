import { DockhandError } from '../../../../../shared/errors.js';
import { MAGENTO_REQUEST_BUDGET, magentoStoreAddress, type MagentoCredentials, type MagentoSettings } from '../../../../../shared/platforms/magento.js';
import type { BackoffPolicy, HttpContext } from '../../../net/index.js';
import type { CartConnector, CartContext } from '../cart-connector.js';
import { downloadMagentoOrders, fetchMagentoOrderByNumber } from './download.js';
import { MagentoRestClient } from './rest-client.js';
import { uploadShipment } from './shipment-upload.js';
import { addTrack } from './track-add.js';
import { detectStockMode, pushStock, type StockMode } from './stock-push.js';
import { restBaseFor } from './store-address.js';
import { testMagentoConnection } from './test-connection.js';
import { limitedRequest } from '../kit/limited-request.js';
import { shopLimiter } from '../kit/shop-limiters.js';
import { TokenBucketLimiter } from '../kit/token-bucket.js';
import { cachedTokenSource } from '../kit/token-source.js';
import { ADMIN_TOKEN_LIFETIME_MS, AdminTokenExchange, IntegrationToken, type MagentoTokenSource } from './token.js';

/** Tuning that tests may change; the plugin uses the defaults. */
export interface MagentoConnectorOptions {
  timeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
  pageSize?: number;
}

export function createMagentoConnector(
  ctx: CartContext,
  settings: MagentoSettings,
  credentials: MagentoCredentials,
  options: MagentoConnectorOptions = {},
): CartConnector {
  const http: HttpContext = { clock: ctx.clock, signal: ctx.signal, onThrottle: ctx.onThrottle };
  let client: MagentoRestClient | undefined;
  let stockMode: Promise<StockMode> | undefined;

  // Built on first use: a bad address or missing credentials fail the run (or the Test) with a config
  // error that names the field, not create().
  const getClient = (): MagentoRestClient => {
    if (!client) {
      const restBase = restBaseFor(settings.storeUrl, settings.storeCode);
      const limiter = magentoLimiter(settings);
      client = new MagentoRestClient({
        restBase,
        tokens: tokenSource(restBase, settings, credentials, http),
        http,
        timeoutMs: options.timeoutMs,
        backoff: options.backoff,
        transport: (req) => limitedRequest(limiter, http, req),
      });
    }
    return client;
  };
  const deps = () => ({ client: getClient(), settings, ctx, pageSize: options.pageSize });

  return {
    testConnection: async (services) => {
      try {
        return await testMagentoConnection(getClient(), services);
      } catch (err) {
        // A store address that cannot be used is the answer to Test, not a failure of it.
        if (err instanceof DockhandError && err.kind === 'config') return { ok: false, message: err.message, details: { errorKind: err.kind } };
        throw err;
      }
    },
    // The client is built once the walk starts, so a bad address fails the iteration, like any other error.
    fetchOrders: (fetchOptions) =>
      (async function* () {
        yield* downloadMagentoOrders(deps(), fetchOptions);
      })(),
    fetchOrderByNumber: (orderNumber) => fetchMagentoOrderByNumber(deps(), orderNumber),
    uploadShipment: (shipment) => uploadShipment(getClient(), shipment),
    addTracking: (tracking) => addTrack(getClient(), tracking),
    pushInventory: async (levels) => {
      // MSI or the legacy stock item: asked once per connector (a store does not switch mid-run).
      stockMode ??= detectStockMode(getClient());
      stockMode.catch(() => (stockMode = undefined));
      return pushStock(getClient(), levels, await stockMode, settings.sourceCode);
    },
  };
}

/**
 * The store's limiter, one per store address for the process (every run and store view of one server
 * shares it): Adobe Commerce has no public quota, so a conservative budget of our own
 * (MAGENTO_REQUEST_BUDGET in the descriptor says why), and a 429's Retry-After holds back every run.
 */
export function magentoLimiter(settings: Pick<MagentoSettings, 'storeUrl'>): TokenBucketLimiter {
  const address = magentoStoreAddress(settings.storeUrl);
  return shopLimiter('magento', address, () => new TokenBucketLimiter(`Magento ${new URL(address).host}`, { ...MAGENTO_REQUEST_BUDGET }));
}

function tokenSource(restBase: string, settings: MagentoSettings, credentials: MagentoCredentials, http: HttpContext): MagentoTokenSource {
  const store = new URL(restBase).host;
  if (settings.authMode === 'admin_user') {
    const fields: Record<string, string> = {};
    if (!credentials.username) fields['credentials.username'] = 'Enter the admin user name';
    if (!credentials.password) fields['credentials.password'] = 'Enter the admin password';
    if (Object.keys(fields).length > 0) throw new DockhandError('config', `Magento ${store}: the admin user name and password are required`, { fields });
    const exchange = new AdminTokenExchange({ restBase, username: credentials.username as string, password: credentials.password as string, http });
    // Cached for the process, per store and user: each run reuses the token until shortly before its
    // 4 hours run out, instead of signing the admin in again (which Magento logs, and may lock on).
    return cachedTokenSource({
      key: `magento|${restBase}|${credentials.username as string}`,
      clock: http.clock,
      issue: () => exchange.issue(),
      defaultLifetimeMs: ADMIN_TOKEN_LIFETIME_MS,
    });
  }
  if (!credentials.accessToken) {
    throw new DockhandError('config', `Magento ${store}: the integration Access Token is required`, {
      fields: { 'credentials.accessToken': 'Enter the integration Access Token' },
    });
  }
  return new IntegrationToken(credentials.accessToken);
}
