import {
  ETSY_CONSENT_URL,
  ETSY_SCOPES,
  etsyApiOrigin,
  etsyCredentialsSchema,
  etsyRequiredCredentials,
  etsySecretAddress,
  etsySettingsSchema,
  isLoopbackAddress,
  type EtsySettings,
} from '../schemas/etsy.js';
import type { CartPlatform } from './cart-platform.js';
import type { OAuthGrant } from './oauth-grant.js';
import { describeTimePosition, ISO_WITH_ZONE, parseJsonObject } from './sync-position.js';

/**
 * Etsy (Open API v3): a seller's shop reached with the developer app's keystring (x-api-key on every
 * call) and an OAuth 2 grant with PKCE (a bearer "<user id>.<token>" on user calls). Receipts are
 * downloaded by their last-modified time (unix seconds), shipped with one tracking number per receipt
 * (createReceiptShipment), and stock is written by replacing a listing's whole inventory.
 */

/**
 * The request budget of one Etsy app (every shop and run of the same keystring shares it): 10 requests
 * a second and 10,000 in any 24 hours (a sliding window), Etsy's defaults for a new app
 * (developers.etsy.com essentials/rate-limits). The replies' x-remaining-* headers refine it. Etsy counts
 * the second by the clock (x-remaining-this-second), so requests are spread evenly, one every 100 ms:
 * a burst at the end of one second and the refill at the start of the next would be 20 in one second
 * as Etsy counts it.
 */
export const ETSY_REQUEST_BUDGET = { ratePerSecond: 10, burst: 1, perDay: 10_000 } as const;

/** Etsy's position is the kit's window: {"v":1,"updatedAt":...} or a bare time with its zone. */
function etsyUpdatedAt(position: string): string | null {
  const text = position.trim();
  const candidate = ISO_WITH_ZONE.test(text) ? text : parseJsonObject(text)?.updatedAt;
  if (typeof candidate !== 'string' || !ISO_WITH_ZONE.test(candidate) || Number.isNaN(Date.parse(candidate))) return null;
  return new Date(Date.parse(candidate)).toISOString();
}

/** Where the consent page is: Etsy's, or the Advanced base address's /oauth/connect (a test server). */
function consentPage(settings: EtsySettings): string {
  return settings.baseUrl ? `${etsyApiOrigin(settings)}/oauth/connect` : ETSY_CONSENT_URL;
}

export const etsyOAuth: OAuthGrant<EtsySettings> = {
  appFields: ['keystring', 'sharedSecret'],
  grantFields: ['refreshToken', 'shopId', 'shopName'],
  pkce: true,
  scopes: () => [...ETSY_SCOPES],
  redirect: (settings) => ({ sent: settings.redirectUri, listenAt: isLoopbackAddress(settings.redirectUri) ? settings.redirectUri : null }),
  consentUrl: ({ settings, app, state, redirectUri, codeChallenge }) => {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: app.keystring ?? '',
      redirect_uri: redirectUri,
      scope: ETSY_SCOPES.join(' '),
      state,
      code_challenge: codeChallenge ?? '',
      code_challenge_method: 'S256',
    });
    // Etsy's examples separate scopes with %20; URLSearchParams would write "+".
    return `${consentPage(settings)}?${query.toString().replace(/\+/g, '%20')}`;
  },
  codeParam: 'code',
  appHelp:
    'Create an app at developers.etsy.com (Your Apps > Create a new app), then copy its keystring (and shared secret) from the app page. Register the redirect address below under the app\'s Callback URLs exactly as written.',
};

export const etsyPlatform = {
  platform: 'etsy',
  displayName: 'Etsy',
  blurb: "Connect an Etsy shop with your Etsy app's keystring, then Connect to let Dockhand read receipts and write stock.",
  // A receipt takes tracking numbers for the whole receipt, and the first marks it shipped.
  capabilities: { shipments: true, inventory: true, tracking: 'per_order' },
  settingsSchema: etsySettingsSchema,
  credentialsSchema: etsyCredentialsSchema,
  secretAddress: etsySecretAddress,
  requiredCredentials: etsyRequiredCredentials,
  secretPatterns: [
    // The app key header written out ("x-api-key: keystring:secret").
    { pattern: /(x-api-key["']?\s*[:=]\s*["']?)(?!\[redacted\])[^\s"',;}]+/gi, replace: '$1[redacted]' },
    // Bearer "<user id>.<token>" and the token endpoint's fields (JSON or form-encoded).
    { pattern: /(\bbearer\s+)(?!\[redacted\])[A-Za-z0-9._~+/=-]{8,}/gi, replace: '$1[redacted]' },
    { pattern: /("?\b(?:access_token|refresh_token|code_verifier|code)"?\s*[:=]\s*"?)(?!\[redacted\])[A-Za-z0-9._~+/%-]{8,}/gi, replace: '$1[redacted]' },
  ],
  // createReceiptShipment's carrier_name: Etsy's names of the carriers it tracks (getShippingCarriers);
  // any other carrier goes by its name, and Etsy shows it as "other" with the tracking number.
  carriers: {
    names: {
      UPS: 'ups',
      FDX: 'fedex',
      USPS: 'usps',
      DHL: 'dhl-express',
      DHLEC: 'dhl-ecommerce',
      CAPOST: 'canada-post',
      PUROLATOR: 'purolator',
      ROYALMAIL: 'royal-mail',
      AUSPOST: 'australia-post',
      ONTRAC: 'ontrac',
      LASERSHIP: 'lasership',
      DPD: 'dpd',
      GLS: 'gls',
      TNT: 'tnt',
    },
    custom: 'name',
  },
  linkSites: ['www.etsy.com', 'developers.etsy.com', 'developer.etsy.com'],
  describeSyncPosition: (position, earliestOrderDate) =>
    describeTimePosition(
      position,
      earliestOrderDate,
      etsyUpdatedAt,
      'A time with its zone, like 2026-11-20T10:32:00Z (or the whole position as JSON). Receipts changed after it are downloaded next.',
    ),
  oauth: etsyOAuth,
} satisfies CartPlatform<'etsy', typeof etsySettingsSchema, typeof etsyCredentialsSchema>;
