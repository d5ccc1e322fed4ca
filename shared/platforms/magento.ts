import { z } from 'zod';
import type { CartPlatform, CredentialField } from './cart-platform.js';
import { describeTimePosition, ISO_WITH_ZONE, parseJsonObject } from './sync-position.js';

/**
 * Magento 2 / Adobe Commerce: a store reached over its REST API (/rest/<store code>/V1/...) with an
 * integration's access token or an admin user's name and password (exchanged for a token). Settings are
 * stored plainly, credentials encrypted.
 */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why a store address cannot be used, or undefined when it can: https, or plain http only to this
 * machine (tests and local stores), so a token never travels in clear text. The same rule as the
 * connector's restBaseFor (main/engine/connectors/carts/magento/store-address.ts).
 */
export function magentoStoreUrlProblem(text: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return 'Enter the store address, like https://shop.example.com';
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return 'Use https:// (Magento would receive the token unencrypted over http://)';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Enter the store address, like https://shop.example.com';
  return undefined;
}

/** The store address as a person reads it and the token goes to: origin plus the folder the store lives in. */
export function magentoStoreAddress(text: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim()) ? text.trim() : `https://${text.trim()}`;
  const url = new URL(withScheme);
  const prefix = url.pathname.replace(/\/(index\.php|rest)(\/.*)?$/i, '').replace(/\/+$/, '');
  return `${url.origin}${prefix}`;
}

/**
 * The request budget Dockhand holds itself to per Magento store (every run of the store shares it, the
 * kit's token bucket): 10 requests a second, and a burst of 10 after a quiet spell.
 *
 * Why this number: Adobe Commerce publishes no fixed REST quota (a store's host, Fastly on Adobe Commerce
 * Cloud, or a WAF may add one, answering 429 with Retry-After, which the connector honours for every run
 * of the store). Each REST call boots Magento in one PHP worker for roughly 100-300 ms, and those workers
 * also serve the store's shoppers: 10 a second keeps about one to three workers busy on the merchant's
 * server, and still downloads 1,000 orders a second at 100 orders a page. The burst is kept short (one
 * second's worth) so a run that starts never lands a spike on the store.
 */
export const MAGENTO_REQUEST_BUDGET = { ratePerSecond: 10, burst: 10 } as const;

export const MAGENTO_AUTH_MODES = ['integration_token', 'admin_user'] as const;

export const magentoSettingsSchema = z.object({
  /** "https://shop.example.com" (a store in a subfolder keeps it: "https://example.com/shop"). */
  storeUrl: z
    .string()
    .trim()
    .min(1, 'Enter the store address, like https://shop.example.com')
    .check((ctx) => {
      const message = magentoStoreUrlProblem(ctx.value);
      if (message) ctx.issues.push({ code: 'custom', message, input: ctx.value });
    }),
  /** The store view whose REST API is called (/rest/<code>/V1); "default" on a single-store install. */
  storeCode: z.string().trim().regex(/^[A-Za-z0-9_]+$/, 'Letters, digits and _ only').default('default'),
  /** Multi-Source Inventory source the warehouse's stock is written to; "default" unless MSI has more. */
  sourceCode: z.string().trim().min(1).max(100).default('default'),
  /** Order statuses handed to the warehouse; others arrive with a skip reason. Empty = every status. */
  orderStatuses: z.array(z.string().trim().min(1).max(64)).default(['processing']),
  authMode: z.enum(MAGENTO_AUTH_MODES).default('integration_token'),
});
export type MagentoSettings = z.infer<typeof magentoSettingsSchema>;

export const magentoCredentialsSchema = z.object({
  /** The integration's Access Token (System > Extensions > Integrations). */
  accessToken: z.string().min(1).max(500).optional(),
  /** An admin user, for stores that do not allow integration tokens as bearer tokens. */
  username: z.string().min(1).max(200).optional(),
  password: z.string().min(1).max(500).optional(),
});
export type MagentoCredentials = z.infer<typeof magentoCredentialsSchema>;

export function magentoRequiredCredentials(settings: Pick<MagentoSettings, 'authMode'>): Record<string, CredentialField> {
  return settings.authMode === 'admin_user'
    ? { username: { label: 'the admin user name', noun: 'user name' }, password: { label: 'the admin password', noun: 'password' } }
    : { accessToken: { label: 'the integration Access Token', noun: 'token' } };
}

/** Magento's position is the kit's window: {"v":1,"updatedAt":...} or a bare time with its zone. */
function magentoUpdatedAt(position: string): string | null {
  const text = position.trim();
  const candidate = ISO_WITH_ZONE.test(text) ? text : parseJsonObject(text)?.updatedAt;
  if (typeof candidate !== 'string' || !ISO_WITH_ZONE.test(candidate) || Number.isNaN(Date.parse(candidate))) return null;
  return new Date(Date.parse(candidate)).toISOString();
}

export const magentoPlatform = {
  platform: 'magento',
  displayName: 'Magento 2 / Adobe Commerce',
  blurb: 'Connect a Magento 2 or Adobe Commerce store with an integration Access Token (or an admin user).',
  capabilities: { shipments: true, inventory: true, tracking: 'per_line' },
  settingsSchema: magentoSettingsSchema,
  credentialsSchema: magentoCredentialsSchema,
  secretAddress: (settings) => magentoStoreAddress(settings.storeUrl),
  requiredCredentials: magentoRequiredCredentials,
  secretPatterns: [
    // Every request's header written out ("Authorization: Bearer abc", JSON or not).
    { pattern: /(authorization["']?\s*[:=]\s*["']?bearer\s+)(?!\[redacted\])[^\s"',;}]+/gi, replace: '$1[redacted]' },
    { pattern: /(\bbearer\s+)(?!\[redacted\])[A-Za-z0-9._~+/=-]{8,}/gi, replace: '$1[redacted]' },
    // The admin-token exchange's body: {"username":"...","password":"..."}.
    { pattern: /("password"\s*:\s*")(?!\[redacted\])(?:[^"\\]|\\.)*(")/gi, replace: '$1[redacted]$2' },
  ],
  // ShipmentTrackCreationInterface.carrier_code: the built-in online carriers; any other goes as
  // "custom" with its name as the title (Magento keeps no tracking address on a track).
  carriers: { names: { UPS: 'ups', FDX: 'fedex', USPS: 'usps', DHL: 'dhl' }, custom: 'name' },
  linkSites: ['experienceleague.adobe.com', 'developer.adobe.com'],
  describeSyncPosition: (position, earliestOrderDate) =>
    describeTimePosition(
      position,
      earliestOrderDate,
      magentoUpdatedAt,
      'A time with its zone, like 2026-11-20T10:32:00Z (or the whole position as JSON). Orders whose updated_at is after it are downloaded next.',
    ),
} satisfies CartPlatform<'magento', typeof magentoSettingsSchema, typeof magentoCredentialsSchema>;
