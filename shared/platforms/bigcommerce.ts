import { z } from 'zod';
import type { CartPlatform, CredentialField } from './cart-platform.js';
import { describeTimePosition, ISO_WITH_ZONE, parseJsonObject } from './sync-position.js';

/**
 * BigCommerce (v2 orders and shipments, v3 catalog and inventory) through a store-level API account:
 * the store hash and the account's access token, sent as X-Auth-Token to api.bigcommerce.com.
 */

export const BIGCOMMERCE_API_BASE = 'https://api.bigcommerce.com';

/** Order statuses by status_id (orders.v2: GET /order_statuses), as the store's admin names them. */
export const BIGCOMMERCE_ORDER_STATUSES = {
  0: 'Incomplete',
  1: 'Pending',
  2: 'Shipped',
  3: 'Partially Shipped',
  4: 'Refunded',
  5: 'Cancelled',
  6: 'Declined',
  7: 'Awaiting Payment',
  8: 'Awaiting Pickup',
  9: 'Awaiting Shipment',
  10: 'Completed',
  11: 'Awaiting Fulfillment',
  12: 'Manual Verification Required',
  13: 'Disputed',
  14: 'Partially Refunded',
} as const satisfies Record<number, string>;

/** Awaiting Fulfillment: paid and waiting to be picked and packed, what a warehouse ships. */
export const BIGCOMMERCE_DEFAULT_STATUS_IDS = [11];

const statusIds = Object.keys(BIGCOMMERCE_ORDER_STATUSES).map(Number);

const STORE_HASH = /^[a-z0-9]{1,40}$/;

/** What is wrong with an API address, in words; undefined when it is a usable https URL. */
export function bigcommerceApiBaseProblem(value: string): string | undefined {
  if (/^http:\/\//i.test(value)) return 'BigCommerce answers over HTTPS only: the API address must start with https://';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter the API address, like https://api.bigcommerce.com';
  }
  if (url.protocol !== 'https:') return 'Enter the API address, like https://api.bigcommerce.com';
  return undefined;
}

export const bigcommerceSettingsSchema = z.object({
  /** The id in the API path shown with the API account (https://api.bigcommerce.com/stores/{store_hash}/v3/). */
  storeHash: z
    .string()
    .trim()
    .toLowerCase()
    .regex(STORE_HASH, 'Enter the store hash: the letters and digits after /stores/ in the API path of the API account'),
  /** BigCommerce serves its API over HTTPS only; an http address is refused here, with the reason. */
  apiBase: z
    .string()
    .trim()
    .check((ctx) => {
      const message = bigcommerceApiBaseProblem(ctx.value);
      if (message) ctx.issues.push({ code: 'custom', message, input: ctx.value });
    })
    .default(BIGCOMMERCE_API_BASE),
  /** Advanced: send every request here instead of the API address (a test server or a proxy). */
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Orders in these statuses go to the warehouse; every other one arrives with a skip reason. */
  statusIds: z
    .array(z.number().int().refine((id) => statusIds.includes(id), 'is not a BigCommerce order status'))
    .min(1, 'Choose at least one order status to download')
    .default(BIGCOMMERCE_DEFAULT_STATUS_IDS),
  /** The inventory location stock is set at; BigCommerce's default location is 1. */
  locationId: z.number().int().positive().default(1),
});
export type BigCommerceSettings = z.infer<typeof bigcommerceSettingsSchema>;

/**
 * Only the access token: the API reads X-Auth-Token alone (the client id and secret shown with it are
 * for apps that sign in through OAuth, which a store-level API account does not).
 */
export const bigcommerceCredentialsSchema = z.object({
  accessToken: z.string().trim().min(1).max(500).optional(),
});
export type BigCommerceCredentials = z.infer<typeof bigcommerceCredentialsSchema>;

/** The API account's OAuth scopes each service needs, as the control panel names them. */
export const BIGCOMMERCE_REQUIRED_SCOPES = {
  order_download: ['Orders: read-only'],
  shipment_upload: ['Orders: modify'],
  inventory_upload: ['Products: read-only', 'Store inventory: modify'],
} as const;

/** Where requests go: the override, else the API address; without a trailing slash. */
export function bigcommerceApiAddress(settings: Pick<BigCommerceSettings, 'apiBase' | 'baseUrl'>): string {
  return (settings.baseUrl ?? settings.apiBase ?? BIGCOMMERCE_API_BASE).replace(/\/+$/, '');
}

/** "https://api.bigcommerce.com/stores/abc123": the token goes only to this store at this address. */
export function bigcommerceSecretAddress(settings: Pick<BigCommerceSettings, 'apiBase' | 'baseUrl' | 'storeHash'>): string {
  return `${bigcommerceApiAddress(settings)}/stores/${settings.storeHash}`;
}

const ACCESS_TOKEN: CredentialField = { label: 'the API account access token', noun: 'access token' };

/** BigCommerce's position: the kit's window position {"v":1,"updatedAt":...} or a bare time with its zone. */
function bigcommerceUpdatedAt(position: string): string | null {
  const text = position.trim();
  const candidate = ISO_WITH_ZONE.test(text) ? text : parseJsonObject(text)?.updatedAt;
  if (typeof candidate !== 'string' || !ISO_WITH_ZONE.test(candidate) || Number.isNaN(Date.parse(candidate))) return null;
  return new Date(Date.parse(candidate)).toISOString();
}

export const bigcommercePlatform = {
  platform: 'bigcommerce',
  displayName: 'BigCommerce',
  blurb: 'Connect a BigCommerce store with its store hash and the access token of a store-level API account.',
  capabilities: { shipments: true, inventory: true, tracking: 'per_line' },
  settingsSchema: bigcommerceSettingsSchema,
  credentialsSchema: bigcommerceCredentialsSchema,
  secretAddress: bigcommerceSecretAddress,
  requiredCredentials: () => ({ accessToken: ACCESS_TOKEN }),
  secretPatterns: [
    // The BigCommerce header written out in a string ("X-Auth-Token: abc", JSON or not).
    { pattern: /(x-auth-token["']?\s*[:=]\s*["']?)(?!\[redacted\])[^\s"',;}]+/gi, replace: '$1[redacted]' },
    // The credential as a field of a JSON text ("accessToken":"abc").
    { pattern: /("access_?token"\s*:\s*")(?!\[redacted\])[^"]+/gi, replace: '$1[redacted]' },
  ],
  // shipping_provider values (orders.v2: ups, fedex, usps, auspost, canadapost, royalmail) and, for the
  // carriers BigCommerce does not integrate, AfterShip courier slugs for tracking_carrier. The connector
  // tells the two apart (bigcommerce/carrier-fields.ts); any other name goes with its tracking link.
  carriers: {
    names: {
      UPS: 'ups',
      FDX: 'fedex',
      USPS: 'usps',
      AUSPOST: 'auspost',
      CAPOST: 'canadapost',
      ROYALMAIL: 'royalmail',
      DHL: 'dhl',
      DHLEC: 'dhl-global-mail',
      PUROLATOR: 'purolator',
      ONTRAC: 'ontrac',
      LASERSHIP: 'lasership',
      AMAZON: 'amazon',
      DPD: 'dpd',
      GLS: 'gls',
      TNT: 'tnt',
    },
    custom: 'name_and_url',
  },
  linkSites: ['*.mybigcommerce.com', 'login.bigcommerce.com', 'support.bigcommerce.com', 'developer.bigcommerce.com'],
  describeSyncPosition: (position, earliestOrderDate) => describeTimePosition(position, earliestOrderDate, bigcommerceUpdatedAt),
} satisfies CartPlatform<'bigcommerce', typeof bigcommerceSettingsSchema, typeof bigcommerceCredentialsSchema>;
