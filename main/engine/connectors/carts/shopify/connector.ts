import { DockhandError } from '../../../../../shared/errors.js';
import { shopifyApiVersionInUse, type ShopifyCredentials, type ShopifySettings } from '../../../../../shared/schemas/shopify.js';
import type { BackoffPolicy, HttpContext } from '../../../net/index.js';
import type { CartConnector, CartContext } from '../cart-connector.js';
import { downloadOrders, fetchOrderByNumber } from './download.js';
import { ShopifyGraphqlClient } from './graphql-client.js';
import { InventoryPusher } from './inventory.js';
import { uploadShipmentBatch } from './shipment-batch-upload.js';
import { uploadShipment } from './shipment-upload.js';
import { testShopifyConnection } from './test-connection.js';
import { addTracking } from './tracking-add.js';
import { CostBucketLimiter } from '../kit/cost-bucket.js';
import { shopLimiter } from '../kit/shop-limiters.js';
import { clientCredentialsSource, staticTokenSource, type AccessTokenSource } from './token.js';

/** Tuning that tests (and a future advanced setting) may change; the plugin uses the defaults. */
export interface ShopifyConnectorOptions {
  timeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
}

/** https://<shop> or the advanced base URL override, without a trailing slash. */
export function shopifyBaseUrl(settings: ShopifySettings): string {
  return (settings.baseUrl ?? `https://${settings.shopDomain}`).replace(/\/+$/, '');
}

/** The Admin API endpoint of the version called: never a retired one (shopifyApiVersionInUse). */
export function shopifyGraphqlEndpoint(settings: ShopifySettings): string {
  return `${shopifyBaseUrl(settings)}/admin/api/${shopifyApiVersionInUse(settings.apiVersion)}/graphql.json`;
}

/**
 * The shop's GraphQL cost budget: one per shop address for the whole process, so a download and an upload
 * of the same shop (or two carts of it) wait on the same bucket instead of each spending it all.
 */
export function shopifyCostBudget(settings: ShopifySettings): CostBucketLimiter {
  return shopLimiter('shopify', shopifyBaseUrl(settings), () => new CostBucketLimiter(`Shopify ${settings.shopDomain}`));
}

export function createShopifyConnector(
  ctx: CartContext,
  settings: ShopifySettings,
  credentials: ShopifyCredentials,
  options: ShopifyConnectorOptions = {},
): CartConnector {
  const http: HttpContext = { clock: ctx.clock, signal: ctx.signal, onThrottle: ctx.onThrottle };
  let client: ShopifyGraphqlClient | undefined;
  let inventory: InventoryPusher | undefined;

  // Built on first use so that missing credentials surface as a config error of the run, not of create().
  const getClient = (): ShopifyGraphqlClient => {
    client ??= new ShopifyGraphqlClient({
      endpoint: shopifyGraphqlEndpoint(settings),
      shopDomain: settings.shopDomain,
      tokens: tokenSource(settings, credentials, http, options),
      budget: shopifyCostBudget(settings),
      http,
      timeoutMs: options.timeoutMs,
      backoff: options.backoff,
    });
    return client;
  };

  return {
    testConnection: (services) => testShopifyConnection(getClient(), settings.shopDomain, services),
    fetchOrders: (fetchOptions) => downloadOrders({ client: getClient(), settings, ctx }, fetchOptions),
    fetchOrderByNumber: (orderNumber) => fetchOrderByNumber({ client: getClient(), settings, ctx }, orderNumber),
    uploadShipment: (shipment) => uploadShipment(getClient(), shipment),
    uploadShipments: (shipments) => uploadShipmentBatch(getClient(), shipments),
    addTracking: (tracking) => addTracking(getClient(), tracking),
    pushInventory: (levels) => {
      inventory ??= new InventoryPusher(getClient(), settings.locationId, shopifyApiVersionInUse(settings.apiVersion));
      return inventory.push(levels);
    },
  };
}

function tokenSource(
  settings: ShopifySettings,
  credentials: ShopifyCredentials,
  http: HttpContext,
  options: ShopifyConnectorOptions,
): AccessTokenSource {
  if (settings.authMode === 'client_credentials') {
    const fields: Record<string, string> = {};
    if (!credentials.clientId) fields['credentials.clientId'] = 'Enter the app client id';
    if (!credentials.clientSecret) fields['credentials.clientSecret'] = 'Enter the app client secret';
    if (Object.keys(fields).length > 0) {
      throw new DockhandError('config', `Shopify ${settings.shopDomain}: the client id and secret are required`, { fields });
    }
    return clientCredentialsSource({
      base: shopifyBaseUrl(settings),
      shopDomain: settings.shopDomain,
      clientId: credentials.clientId as string,
      clientSecret: credentials.clientSecret as string,
      http,
      timeoutMs: options.timeoutMs,
    });
  }
  if (!credentials.accessToken) {
    throw new DockhandError('config', `Shopify ${settings.shopDomain}: the Admin API access token is required`, {
      fields: { 'credentials.accessToken': 'Enter the Admin API access token' },
    });
  }
  return staticTokenSource(credentials.accessToken);
}
