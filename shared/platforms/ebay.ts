import {
  EBAY_SCOPES,
  ebayCredentialsSchema,
  ebayHosts,
  ebaySecretAddress,
  ebaySettingsSchema,
  type EbaySettings,
} from '../schemas/ebay.js';
import type { CartPlatform, CredentialField } from './cart-platform.js';
import type { OAuthGrant } from './oauth-grant.js';
import { describeTimePosition, ISO_WITH_ZONE, parseJsonObject } from './sync-position.js';

/**
 * eBay (Sell Fulfillment and Inventory APIs): a seller's account connected through eBay's consent page
 * (OAuth user token). The person types the developer app's keys and RuName; Connect fills the refresh
 * token (about 18 months), which the connector exchanges for access tokens (about 2 hours).
 */

/**
 * eBay's daily call limits per application (developer.ebay.com/develop/api/sell/api_call_limits: Sell
 * Fulfillment 100,000 calls a day, Sell Inventory 2,000,000 by default). The connector spreads each over
 * the day (a token bucket of limit/86,400 calls a second, shared by every run of the app) so a busy
 * morning never uses up the afternoon's calls, with a short burst for a run that starts.
 */
export const EBAY_DAILY_CALLS = { fulfillment: 100_000, inventory: 2_000_000 } as const;
export type EbayApi = keyof typeof EBAY_DAILY_CALLS;
export const EBAY_BURST_SECONDS = 5;

export function ebayBudget(api: EbayApi, dailyCalls: number = EBAY_DAILY_CALLS[api]): { ratePerSecond: number; burst: number } {
  const ratePerSecond = dailyCalls / 86_400;
  return { ratePerSecond, burst: Math.max(1, Math.round(ratePerSecond * EBAY_BURST_SECONDS)) };
}

export function ebayRequiredCredentials(_settings?: EbaySettings): Record<string, CredentialField> {
  // Only the app's fields: the grant comes later from Connect, and a run without it says so.
  return {
    clientId: { label: 'the Client ID (App ID)', noun: 'client id' },
    clientSecret: { label: 'the Client Secret (Cert ID)', noun: 'client secret' },
    ruName: { label: 'the RuName (eBay Redirect URL name)', noun: 'RuName' },
  };
}

export const ebayOAuth: OAuthGrant<EbaySettings> = {
  appFields: ['clientId', 'clientSecret', 'ruName'],
  grantFields: ['refreshToken', 'refreshTokenExpiresAt'],
  pkce: false,
  scopes: () => [...EBAY_SCOPES],
  // eBay sends the browser to the accept URL registered with the RuName (https, eBay's page or the
  // app's): Dockhand cannot listen there, so the person pastes the address the browser landed on.
  redirect: (_settings, app) => ({ sent: app.ruName ?? '', listenAt: null }),
  consentUrl: ({ settings, app, state, redirectUri }) => {
    const query = new URLSearchParams({ client_id: app.clientId ?? '', redirect_uri: redirectUri, response_type: 'code', scope: EBAY_SCOPES.join(' '), state });
    return `${ebayHosts(settings).auth}/oauth2/authorize?${query}`;
  },
  codeParam: 'code',
  appHelp:
    'Create an application at developer.ebay.com (My Account > Application Keys): the Production keyset gives the Client ID and Client Secret. Under User Tokens > Get a Token from eBay via Your Application, add a redirect URL: its RuName is what you copy here.',
};

/** eBay's position is the kit's window: {"v":1,"updatedAt":...} or a bare time with its zone. */
function ebayUpdatedAt(position: string): string | null {
  const text = position.trim();
  const candidate = ISO_WITH_ZONE.test(text) ? text : parseJsonObject(text)?.updatedAt;
  if (typeof candidate !== 'string' || !ISO_WITH_ZONE.test(candidate) || Number.isNaN(Date.parse(candidate))) return null;
  return new Date(Date.parse(candidate)).toISOString();
}

export const ebayPlatform = {
  platform: 'ebay',
  displayName: 'eBay',
  blurb: "Connect an eBay seller account through eBay's consent page, with your developer app's keys and RuName.",
  capabilities: { shipments: true, inventory: true, tracking: 'per_line' },
  settingsSchema: ebaySettingsSchema,
  credentialsSchema: ebayCredentialsSchema,
  secretAddress: ebaySecretAddress,
  requiredCredentials: ebayRequiredCredentials,
  secretPatterns: [
    // eBay user access and refresh tokens: "v^1.1#i^1#..." strings.
    { pattern: /\bv\^1\.1#[A-Za-z0-9^#|_+/=.~-]+/g, replace: '[redacted]' },
    { pattern: /(authorization["']?\s*[:=]\s*["']?(?:bearer|basic)\s+)(?!\[redacted\])[^\s"',;}]+/gi, replace: '$1[redacted]' },
    { pattern: /(refresh_token=)(?!\[redacted\])[^&\s"']+/gi, replace: '$1[redacted]' },
    { pattern: /("refresh_token"\s*:\s*")(?!\[redacted\])(?:[^"\\]|\\.)*(")/gi, replace: '$1[redacted]$2' },
  ],
  // shippingCarrierCode: eBay's carrier enumeration; a carrier it does not list goes by its name.
  carriers: {
    names: {
      UPS: 'UPS',
      FDX: 'FEDEX',
      USPS: 'USPS',
      DHL: 'DHL',
      CAPOST: 'CANADA_POST',
      ROYALMAIL: 'ROYAL_MAIL',
      AUSPOST: 'AUSTRALIA_POST',
      PUROLATOR: 'PUROLATOR',
      ONTRAC: 'ONTRAC',
      DPD: 'DPD',
      GLS: 'GLS',
      TNT: 'TNT',
    },
    custom: 'name',
  },
  linkSites: ['developer.ebay.com', '*.ebay.com'],
  describeSyncPosition: (position, earliestOrderDate) =>
    describeTimePosition(
      position,
      earliestOrderDate,
      ebayUpdatedAt,
      'A time with its zone, like 2026-11-20T10:32:00Z (or the whole position as JSON). Orders modified after it are downloaded next; eBay reaches back 90 days at most.',
    ),
  oauth: ebayOAuth,
} satisfies CartPlatform<'ebay', typeof ebaySettingsSchema, typeof ebayCredentialsSchema>;
