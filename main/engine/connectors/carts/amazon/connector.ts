import { createHash } from 'node:crypto';
import { DockhandError } from '../../../../../shared/errors.js';
import type { AmazonCredentials, AmazonSettings } from '../../../../../shared/schemas/amazon.js';
import type { BackoffPolicy, HttpContext } from '../../../net/index.js';
import type { CartConnector, CartContext } from '../cart-connector.js';
import { downloadAmazonOrders, fetchAmazonOrder, type DownloadDeps } from './download.js';
import { amazonEndpoints } from './endpoints.js';
import { pushListingQuantities } from './listings-push.js';
import { refreshTokenSource } from './lwa-token.js';
import { operationLimiter } from './operations.js';
import { RestrictedOrdersToken } from './restricted-data.js';
import { confirmAmazonShipment } from './shipment-upload.js';
import { SpApiClient } from './sp-client.js';
import { testAmazonConnection } from './test-connection.js';

/** Tuning that tests may change; the plugin uses the defaults. */
export interface AmazonConnectorOptions {
  timeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
  pageSize?: number;
}

export const CONNECT_FIRST =
  'Connect Amazon first: press Connect on the cart to authorize the app in Seller Central, or choose "self-authorized" and paste the refresh token';

export function createAmazonConnector(ctx: CartContext, settings: AmazonSettings, credentials: AmazonCredentials, options: AmazonConnectorOptions = {}): CartConnector {
  const http: HttpContext = { clock: ctx.clock, signal: ctx.signal, onThrottle: ctx.onThrottle };
  let built: { client: SpApiClient; restricted: RestrictedOrdersToken } | undefined;

  // Built on first use: missing credentials fail the run (or the Test) with an error that names them.
  const parts = () => {
    if (built) return built;
    const endpoints = amazonEndpoints(settings);
    const { clientId, clientSecret, refreshToken } = credentials;
    if (!clientId || !clientSecret) {
      throw new DockhandError('config', `${endpoints.label}: the app's LWA client identifier and client secret are required`, {
        fields: {
          ...(!clientId ? { 'credentials.clientId': 'Enter the LWA client identifier' } : {}),
          ...(!clientSecret ? { 'credentials.clientSecret': 'Enter the LWA client secret' } : {}),
        },
      });
    }
    if (!refreshToken) throw new DockhandError('auth', `${CONNECT_FIRST} (${endpoints.label}).`);
    // Amazon counts per selling partner: one limiter per seller and operation for every run.
    const sellerKey = credentials.sellingPartnerId ?? `app ${clientId}`;
    const tokens = refreshTokenSource({
      tokenUrl: endpoints.token,
      clientId,
      clientSecret,
      http,
      label: endpoints.label,
      refreshToken,
      // A replaced refresh token (Reconnect) never reuses what the old one was given.
      cacheKey: `amazon|${endpoints.token}|${clientId}|${sellerKey}|${createHash('sha256').update(refreshToken).digest('hex').slice(0, 12)}`,
      rotated: ctx.credentials,
    });
    const client = new SpApiClient({
      api: endpoints.api,
      label: credentials.sellingPartnerId ? `${endpoints.label} seller ${credentials.sellingPartnerId}` : endpoints.label,
      tokens,
      http,
      limiter: (operation) => operationLimiter(endpoints.api, sellerKey, operation),
      timeoutMs: options.timeoutMs,
      backoff: options.backoff,
    });
    built = { client, restricted: new RestrictedOrdersToken(client, ctx.clock, ctx.log) };
    return built;
  };
  const deps = (): DownloadDeps => ({ ...parts(), settings, ctx, pageSize: options.pageSize });

  return {
    testConnection: async (services) => {
      let p: ReturnType<typeof parts>;
      try {
        p = parts();
      } catch (err) {
        if (err instanceof DockhandError && (err.kind === 'config' || err.kind === 'auth')) return { ok: false, message: err.message, details: { errorKind: err.kind } };
        throw err;
      }
      return testAmazonConnection(p.client, settings, p.restricted, services);
    },
    fetchOrders: (fetchOptions) =>
      (async function* () {
        yield* downloadAmazonOrders(deps(), fetchOptions);
      })(),
    fetchOrderByNumber: (orderNumber) => fetchAmazonOrder(deps(), orderNumber),
    uploadShipment: (shipment) => confirmAmazonShipment(parts().client, settings, shipment),
    pushInventory: async (levels) => {
      const { client } = parts();
      if (!credentials.sellingPartnerId) {
        throw new DockhandError('config', `${client.label}: quantities need the seller id (the Merchant Token in Seller Central > Settings > Account Info)`, {
          fields: { 'credentials.sellingPartnerId': 'Enter the seller id' },
        });
      }
      return pushListingQuantities(client, settings, credentials.sellingPartnerId, levels);
    },
  };
}
