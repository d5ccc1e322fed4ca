import { z } from 'zod';
import type { CartPlatform } from './cart-platform.js';
import { describeTimePosition, ISO_WITH_ZONE, parseJsonObject } from './sync-position.js';

/**
 * WooCommerce (REST API v3): a store address and a consumer key/secret pair made in the store's admin.
 * The keys travel as HTTP Basic, which is only safe (and only accepted by WooCommerce without an OAuth
 * signature) over HTTPS, so the address must be https://.
 */

/** The order statuses WooCommerce core knows (wc-* post statuses without the prefix). */
export const WOO_ORDER_STATUSES = ['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed'] as const;
export type WooOrderStatus = (typeof WOO_ORDER_STATUSES)[number];

const HTTPS_MESSAGE = 'Enter the https:// address: WooCommerce accepts API keys without a signature only over HTTPS';

const storeUrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter the store address, like https://shop.example.com')
  .max(500)
  .refine((text) => URL.canParse(text), 'Enter the store address as a web address, like https://shop.example.com')
  .refine((text) => !URL.canParse(text) || new URL(text).protocol === 'https:', HTTPS_MESSAGE);

export const wooSettingsSchema = z.object({
  /** The store's address as the shopper sees it ("https://shop.example.com", or ".../shop" for a subfolder). */
  storeUrl: storeUrlSchema,
  /** Orders in these statuses go to the warehouse; the others (cancellations included) arrive skipped. */
  statuses: z.array(z.enum(WOO_ORDER_STATUSES)).min(1, 'Choose at least one status to download').default(['processing']),
  /**
   * Send the keys in the query string from the first request (the web server drops the Authorization
   * header). The connector also switches by itself when it sees that happen.
   */
  queryStringAuth: z.boolean().default(false),
  /** Advanced, for tests against a fake store: the requests go here instead of the store address. */
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
});
export type WooSettings = z.infer<typeof wooSettingsSchema>;

export const wooCredentialsSchema = z.object({
  consumerKey: z.string().trim().min(1).max(200).optional(),
  consumerSecret: z.string().trim().min(1).max(200).optional(),
});
export type WooCredentials = z.infer<typeof wooCredentialsSchema>;

/** Where the keys go: the store address, or the override "for" that store. */
export function wooSecretAddress(settings: Pick<WooSettings, 'storeUrl' | 'baseUrl'>): string {
  const store = settings.storeUrl.trim().replace(/\/+$/, '');
  if (!settings.baseUrl) return store;
  return `${settings.baseUrl.replace(/\/+$/, '')} for ${store}`;
}

/** The download position: the kit's window JSON {"v":1,"updatedAt":...} or a bare time with its zone. */
function wooUpdatedAt(position: string): string | null {
  const text = position.trim();
  const candidate = ISO_WITH_ZONE.test(text) ? text : parseJsonObject(text)?.updatedAt;
  if (typeof candidate !== 'string' || !ISO_WITH_ZONE.test(candidate) || Number.isNaN(Date.parse(candidate))) return null;
  return new Date(Date.parse(candidate)).toISOString();
}

export const woocommercePlatform = {
  platform: 'woocommerce',
  displayName: 'WooCommerce',
  blurb: 'Connect a WooCommerce store with a REST API consumer key and secret (Read/Write).',
  // Tracking per_line: with the Shipment Tracking extension each package is its own tracking item, and
  // without it each package is its own note to the customer, so packages can go up as they ship. The
  // connector keeps which lines each package carried in a private order note (WooCommerce has no
  // line-level fulfilment) and completes the order once every line has shipped. per_order would hold
  // a partly shipped order's tracking back from the shopper until the last package leaves.
  capabilities: { shipments: true, inventory: true, tracking: 'per_line' },
  settingsSchema: wooSettingsSchema,
  credentialsSchema: wooCredentialsSchema,
  secretAddress: wooSecretAddress,
  requiredCredentials: () => ({
    consumerKey: { label: 'the consumer key (ck_...)', noun: 'consumer key' },
    consumerSecret: { label: 'the consumer secret (cs_...)', noun: 'consumer secret' },
  }),
  secretPatterns: [
    // Consumer keys and secrets: ck_ / cs_ and 40 hex digits.
    { pattern: /\bc[ks]_[A-Za-z0-9]{8,}/g, replace: '[redacted]' },
    // The query-string form of the keys, written out in a URL.
    { pattern: /(consumer_(?:key|secret)=)(?!\[redacted\])[^&\s"']+/gi, replace: '$1[redacted]' },
  ],
  // The Shipment Tracking extension's provider names; any other carrier goes as a custom provider with its link.
  carriers: {
    names: { UPS: 'UPS', FDX: 'Fedex', USPS: 'USPS', DHL: 'DHL Express', CAPOST: 'Canada Post' },
    custom: 'name_and_url',
  },
  linkSites: ['woocommerce.com', 'wordpress.org'],
  describeSyncPosition: (position, earliestOrderDate) => describeTimePosition(position, earliestOrderDate, wooUpdatedAt),
} satisfies CartPlatform<'woocommerce', typeof wooSettingsSchema, typeof wooCredentialsSchema>;
