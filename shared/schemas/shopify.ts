import { z } from 'zod';

/** Shopify cart connection: settings (stored plainly) and credentials (stored encrypted). */

export const SHOPIFY_API_VERSION = '2025-10';

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
  apiVersion: z.string().regex(/^\d{4}-\d{2}$/, 'An API version looks like 2025-10').default(SHOPIFY_API_VERSION),
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
    })
    .default({
      orderStatus: 'open',
      financialStatuses: ['PAID', 'PARTIALLY_REFUNDED'],
      fulfillmentStatuses: ['UNFULFILLED', 'PARTIALLY_FULFILLED'],
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
