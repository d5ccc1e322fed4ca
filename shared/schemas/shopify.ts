import { z } from 'zod';

/** Shopify cart connection: settings (stored plainly) and credentials (stored encrypted). */

/**
 * Admin API versions the connector's requests work with and Shopify serves, oldest first. Shopify serves
 * each stable version for at least 12 months (2025-07 and 2025-10 were retired in July and October
 * 2026; 2026-01 goes in January 2027) and answers a request for a retired one with the oldest version it
 * still serves. Checked against each release's changelog for what the connector sends and reads: from
 * 2026-01 inventorySetQuantities takes changeFromQuantity and an @idempotent key, which 2026-04 requires
 * (it removes ignoreCompareQuantity); inventory-set-request.ts speaks both. A release is added here once
 * the connector was checked against its changelog; a retired one is removed.
 */
export const SHOPIFY_SUPPORTED_API_VERSIONS = ['2026-01', '2026-04', '2026-07', '2026-10'] as const;

/** The version new connections use: the newest stable one. */
export const SHOPIFY_API_VERSION = '2026-10';

/** Shopify names a release by year and quarter month: 2025-01, -04, -07, -10. */
const RELEASE = /^\d{4}-(01|04|07|10)$/;

const supported = SHOPIFY_SUPPORTED_API_VERSIONS as readonly string[];
const oldestServed = SHOPIFY_SUPPORTED_API_VERSIONS[0];

/** A real release older than every version Shopify still serves. */
function isRetired(version: string): boolean {
  return RELEASE.test(version) && version < oldestServed;
}

function apiVersionProblem(version: string): string | undefined {
  if (supported.includes(version)) return undefined;
  if (isRetired(version)) {
    return `Shopify API version ${version} is retired (Shopify serves each version for 12 months): choose ${SHOPIFY_API_VERSION}. Dockhand works with ${supported.join(', ')}`;
  }
  const choose = `Choose one of ${supported.join(', ')}`;
  if (!RELEASE.test(version)) return `"${version}" is not a Shopify API version Dockhand works with. ${choose}`;
  return `Dockhand does not work with Shopify API version ${version} yet (it was checked up to ${supported[supported.length - 1]}). ${choose}`;
}

/**
 * The version Dockhand calls for a saved one: itself, or for a retired version the one Shopify answers
 * it with anyway (the oldest it serves), so a cart saved long ago keeps working and its requests speak
 * the dialect of the version that really answers them.
 */
export function shopifyApiVersionInUse(saved: string): string {
  return isRetired(saved) ? oldestServed : saved;
}

/** The month until which Shopify serves a release at least (12 months after it): "2026-01" -> "January 2027". */
export function shopifyApiVersionServedUntil(version: string): string {
  const [year, month] = version.split('-').map(Number);
  const name = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1];
  return `${name} ${year + 1}`;
}

/** What a person should do about a saved version, when anything. */
export function shopifyApiVersionNotice(saved: string): string | undefined {
  if (!isRetired(saved)) return undefined;
  return `The Shopify API version ${saved} is retired; choose ${SHOPIFY_API_VERSION} in the cart settings. Until then Dockhand uses ${oldestServed}, the version Shopify answers such requests with.`;
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
  /** From 2026-10: an unfulfilled order with nothing left to fulfil (canceled, or every unit removed). */
  'FULFILLMENT_NOT_REQUIRED',
] as const;

function settingsSchema(apiVersionProblemOf: (version: string) => string | undefined) {
  return z.object({
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
        const message = apiVersionProblemOf(ctx.value);
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
}

/** What a person may save (or test): only versions Shopify serves and the connector was checked against. */
export const shopifySettingsSchema = settingsSchema(apiVersionProblem);

/**
 * Settings as saved: also a version retired since it was saved, which the connector calls as
 * shopifyApiVersionInUse says and the cart screen reports (shopifyApiVersionNotice).
 */
export const shopifySavedSettingsSchema = settingsSchema((version) => (isRetired(version) ? undefined : apiVersionProblem(version)));

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
