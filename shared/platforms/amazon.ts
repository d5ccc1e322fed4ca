import {
  amazonCredentialsSchema,
  amazonRequiredCredentials,
  amazonSecretAddress,
  amazonSettingsSchema,
  SELLER_CENTRAL,
  type AmazonSettings,
} from '../schemas/amazon.js';
import type { CartPlatform } from './cart-platform.js';
import type { OAuthGrant } from './oauth-grant.js';
import { describeTimePosition, ISO_WITH_ZONE, parseJsonObject } from './sync-position.js';

/**
 * Amazon (Selling Partner API): a seller account reached with a Login with Amazon refresh token, from
 * Seller Central's website authorization (the consent page) or self-authorized for a private app.
 * Orders by LastUpdatedAfter, shipment confirmation per order item, quantities through the Listings
 * Items API. Schemas in shared/schemas/amazon.ts.
 */

/** Where the consent page is: the region's Seller Central, or the Advanced base URL (a test server). */
function consentBase(settings: AmazonSettings): string {
  return (settings.baseUrl ?? SELLER_CENTRAL[settings.region]).replace(/\/+$/, '');
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

/** The Seller Central consent (website authorization workflow): the code lands as spapi_oauth_code. */
export const amazonOAuth: OAuthGrant<AmazonSettings> = {
  appFields: ['clientId', 'clientSecret', 'applicationId'],
  grantFields: ['refreshToken', 'sellingPartnerId'],
  pkce: false,
  // SP-API has no OAuth scopes: what the app may call is its roles, chosen when it is registered.
  scopes: () => [],
  redirect: (settings) => {
    const sent = settings.redirectUri ?? '';
    if (!sent) return { sent, listenAt: null };
    const url = new URL(sent);
    // Amazon takes only https redirects for a published app; a loopback one (a draft app) can be listened on.
    return { sent, listenAt: url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) ? sent : null };
  },
  consentUrl: ({ settings, app, state, redirectUri }) => {
    const q = new URLSearchParams({ application_id: app.applicationId ?? '', state });
    if (redirectUri) q.set('redirect_uri', redirectUri);
    if (settings.draftApp) q.set('version', 'beta');
    return `${consentBase(settings)}/apps/authorize/consent?${q}`;
  },
  codeParam: 'spapi_oauth_code',
  extraParams: ['selling_partner_id'],
  appHelp:
    'Register the app in Solution Provider Portal (Developer Central, in Seller Central: Apps and Services > Develop Apps). The app id (amzn1.sp.solution...) is on the app list; "View" under LWA credentials shows the client identifier and client secret. The OAuth Redirect URI is the one entered when editing the app.',
};

/** Amazon's position is the kit's window: {"v":1,"updatedAt":...} or a bare time with its zone. */
function amazonUpdatedAt(position: string): string | null {
  const text = position.trim();
  const candidate = ISO_WITH_ZONE.test(text) ? text : parseJsonObject(text)?.updatedAt;
  if (typeof candidate !== 'string' || !ISO_WITH_ZONE.test(candidate) || Number.isNaN(Date.parse(candidate))) return null;
  return new Date(Date.parse(candidate)).toISOString();
}

export const amazonPlatform = {
  platform: 'amazon',
  displayName: 'Amazon (Seller Central)',
  blurb: 'Connect an Amazon seller account through Seller Central (Selling Partner API): authorize your app on the consent page, or paste a self-authorized refresh token.',
  capabilities: { shipments: true, inventory: true, tracking: 'per_line' },
  settingsSchema: amazonSettingsSchema,
  credentialsSchema: amazonCredentialsSchema,
  secretAddress: (settings) => amazonSecretAddress(settings),
  requiredCredentials: amazonRequiredCredentials,
  secretPatterns: [
    // LWA refresh (Atzr|), access (Atza|) and restricted data (Atz.sprdt|) tokens.
    { pattern: /\bAtz(?:r|a|\.sprdt)\|[A-Za-z0-9_\-+/=|.%]+/g, replace: '[redacted]' },
    // The LWA client secret.
    { pattern: /\bamzn1\.oa2-cs\.v1\.[A-Za-z0-9]+/g, replace: '[redacted]' },
    // The header written out ("x-amz-access-token: abc", JSON or not).
    { pattern: /(x-amz-access-token["']?\s*[:=]\s*["']?)(?!\[redacted\])[^\s"',;}]+/gi, replace: '$1[redacted]' },
    // The token endpoint's form body.
    { pattern: /\b((?:refresh_token|client_secret|code)=)(?!\[redacted\])[^&\s"']+/gi, replace: '$1[redacted]' },
    { pattern: /("(?:refresh_token|access_token|restrictedDataToken|client_secret)"\s*:\s*")(?!\[redacted\])(?:[^"\\]|\\.)*(")/gi, replace: '$1[redacted]$2' },
  ],
  // Amazon's CarrierCode values for confirmShipment; any other carrier goes as "Other" with its name.
  carriers: {
    names: {
      UPS: 'UPS',
      FDX: 'FedEx',
      USPS: 'USPS',
      DHL: 'DHL',
      DHLEC: 'DHL eCommerce',
      CAPOST: 'Canada Post',
      PUROLATOR: 'Purolator',
      ROYALMAIL: 'Royal Mail',
      AUSPOST: 'Australia Post',
      ONTRAC: 'OnTrac',
      LASERSHIP: 'Lasership',
      AMAZON: 'Amazon Shipping',
      DPD: 'DPD',
      GLS: 'GLS',
      TNT: 'TNT',
    },
    custom: 'name',
  },
  linkSites: ['*.amazon.com', 'sellercentral-europe.amazon.com', 'sellercentral.amazon.co.jp', 'developer-docs.amazon.com'],
  describeSyncPosition: (position, earliestOrderDate) =>
    describeTimePosition(
      position,
      earliestOrderDate,
      amazonUpdatedAt,
      'A time with its zone, like 2026-11-20T10:32:00Z (or the whole position as JSON). Orders whose LastUpdateDate is after it are downloaded next.',
    ),
  oauth: amazonOAuth,
} satisfies CartPlatform<'amazon', typeof amazonSettingsSchema, typeof amazonCredentialsSchema>;
