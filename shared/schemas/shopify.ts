import { z } from 'zod';

/** Shopify cart connection: settings (stored plainly) and credentials (stored encrypted). */

/**
 * Admin API versions the connector's requests work with, oldest first. 2025-07 is the first with
 * every field they read (ShopPlan.publicDisplayName arrived in 2025-07; LineItem.unfulfilledQuantity and
 * Order.test are older). 2026-04 is the first that breaks them: inventorySetQuantities then wants a
 * changeFromQuantity on every quantity instead of ignoreCompareQuantity. A release is added here once the
 * connector was checked against its changelog.
 */
export const SHOPIFY_SUPPORTED_API_VERSIONS = ['2025-07', '2025-10', '2026-01'] as const;

/** The version new connections use: the one the tests' fake Shopify speaks. */
export const SHOPIFY_API_VERSION = '2025-10';

/** Shopify names a release by year and quarter month: 2025-01, -04, -07, -10. */
const RELEASE = /^\d{4}-(01|04|07|10)$/;

function apiVersionProblem(version: string): string | undefined {
  const supported = SHOPIFY_SUPPORTED_API_VERSIONS as readonly string[];
  if (supported.includes(version)) return undefined;
  const choose = `Choose one of ${supported.join(', ')}`;
  if (!RELEASE.test(version)) return `"${version}" is not a Shopify API version Dockhand works with. ${choose}`;
  const oldest = supported[0];
  if (version < oldest) {
    return `Dockhand does not work with Shopify API version ${version}: its requests need ${oldest} or later. ${choose}`;
  }
  return `Dockhand does not work with Shopify API version ${version} yet (it was checked up to ${supported[supported.length - 1]}). ${choose}`;
}

export const SHOPIFY_FINANCIAL_STATUSES = [
  'PENDING',
  'AUTHORIZED',
  'PARTIALLY_PAID',
  'PAID',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'VOIDED',
  'EXPIRED',
] as const;

export const SHOPIFY_FULFILLMENT_STATUSES = [
  'UNFULFILLED',
  'PARTIALLY_FULFILLED',
  'FULFILLED',
  'RESTOCKED',
  'PENDING_FULFILLMENT',
  'OPEN',
  'IN_PROGRESS',
  'ON_HOLD',
  'SCHEDULED',
  'REQUEST_DECLINED',
] as const;

export const shopifySettingsSchema = z.object({
  /** "acme-store.myshopify.com" (the permanent myshopify domain, not a custom domain). */
  shopDomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, 'Enter the shop as name.myshopify.com'),
  apiVersion: z
    .string()
    .trim()
    .check((ctx) => {
      const message = apiVersionProblem(ctx.value);
      if (message) ctx.issues.push({ code: 'custom', message, input: ctx.value });
    })
    .default(SHOPIFY_API_VERSION),
  authMode: z.enum(['access_token', 'client_credentials']).default('access_token'),
  /** Advanced: send every request here instead of https://<shop>/ (a test server or a proxy). */
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Inventory location (gid://shopify/Location/..); the shop's first active location when unset. */
  locationId: z.string().max(200).optional(),
  filters: z
    .object({
      /** open = not closed or canceled; any = every order. */
      orderStatus: z.enum(['open', 'closed', 'cancelled', 'any']).default('open'),
      /** Financial statuses to accept; empty = any. */
      financialStatuses: z.array(z.enum(SHOPIFY_FINANCIAL_STATUSES)).default(['PAID', 'PARTIALLY_REFUNDED']),
      /** Fulfillment statuses to accept; empty = any. */
      fulfillmentStatuses: z
        .array(z.enum(SHOPIFY_FULFILLMENT_STATUSES))
        .default(['UNFULFILLED', 'PARTIALLY_FULFILLED']),
      /**
       * Test orders (Order.test: placed through a test payment gateway) are skipped with a reason unless
       * this is on: a warehouse must not ship an order nobody paid for.
       */
      includeTestOrders: z.boolean().default(false),
    })
    .default({
      orderStatus: 'open',
      financialStatuses: ['PAID', 'PARTIALLY_REFUNDED'],
      fulfillmentStatuses: ['UNFULFILLED', 'PARTIALLY_FULFILLED'],
      includeTestOrders: false,
    }),
});
export type ShopifySettings = z.infer<typeof shopifySettingsSchema>;

export const shopifyCredentialsSchema = z.object({
  accessToken: z.string().min(1).max(500).optional(),
  clientId: z.string().min(1).max(500).optional(),
  clientSecret: z.string().min(1).max(500).optional(),
});
export type ShopifyCredentials = z.infer<typeof shopifyCredentialsSchema>;

/** Access scopes the connector needs, by service. */
export const SHOPIFY_REQUIRED_SCOPES = {
  order_download: ['read_orders'],
  shipment_upload: ['read_merchant_managed_fulfillment_orders', 'write_merchant_managed_fulfillment_orders'],
  inventory_upload: ['read_inventory', 'write_inventory', 'read_products', 'read_locations'],
} as const;

/**
 * Where the credentials are sent, as a person reads it: the shop ("https://acme.myshopify.com"), or
 * the base URL override for that shop ("http://127.0.0.1:8080 for acme.myshopify.com"). A saved token
 * goes only to the address it was saved for; changing either part asks for it again.
 */
export function shopifySecretAddress(settings: Pick<ShopifySettings, 'shopDomain' | 'baseUrl'>): string {
  if (!settings.baseUrl) return `https://${settings.shopDomain}`;
  const url = new URL(settings.baseUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}${url.search} for ${settings.shopDomain}`;
}

/** The credentials the sign-in mode needs, each with how a person names it. */
export function shopifyRequiredCredentials(settings: Pick<ShopifySettings, 'authMode'>): Record<string, { label: string; noun: string }> {
  return settings.authMode === 'client_credentials'
    ? { clientId: { label: 'the client id', noun: 'client id' }, clientSecret: { label: 'the client secret', noun: 'client secret' } }
    : { accessToken: { label: 'the Admin API access token', noun: 'token' } };
}
