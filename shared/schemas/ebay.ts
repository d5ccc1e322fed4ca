import { z } from 'zod';

/**
 * eBay cart connection (Sell Fulfillment and Inventory APIs): settings (stored plainly) and credentials
 * (stored encrypted). The credentials are the developer app's keys, typed by the person, and the grant
 * the consent flow fills (the user's refresh token and when it runs out).
 */

/** eBay's order fulfillment statuses (orderfulfillmentstatus in the getOrders filter). */
export const EBAY_FULFILLMENT_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'FULFILLED'] as const;

export const ebaySettingsSchema = z.object({
  /** Production (api.ebay.com) or the Sandbox (api.sandbox.ebay.com), where a developer app has both. */
  environment: z.enum(['production', 'sandbox']).default('production'),
  /**
   * Orders whose fulfillment status is one of these are downloaded (the getOrders filter). eBay's filter
   * takes NOT_STARTED|IN_PROGRESS or FULFILLED|IN_PROGRESS only.
   */
  fulfillmentStatuses: z.enum(['NOT_STARTED|IN_PROGRESS', 'FULFILLED|IN_PROGRESS']).default('NOT_STARTED|IN_PROGRESS'),
  /** Advanced: send every request (API, token endpoint, consent page) here instead of eBay's hosts (a test server). */
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
});
export type EbaySettings = z.infer<typeof ebaySettingsSchema>;

export const ebayCredentialsSchema = z.object({
  /** The app's Client ID (App ID), developer.ebay.com > Application Keys. */
  clientId: z.string().trim().min(1).max(200).optional(),
  /** The app's Client Secret (Cert ID), same page. */
  clientSecret: z.string().trim().min(1).max(200).optional(),
  /** The RuName (eBay Redirect URL name), developer.ebay.com > User Tokens > Get a Token from eBay via Your Application. */
  ruName: z.string().trim().min(1).max(200).optional(),
  /** The grant: the user's refresh token (about 18 months), filled by Connect. */
  refreshToken: z.string().min(1).max(2000).optional(),
  /** When the refresh token runs out (ISO UTC), from refresh_token_expires_in: warned about 30 days ahead. */
  refreshTokenExpiresAt: z.string().max(40).optional(),
});
export type EbayCredentials = z.infer<typeof ebayCredentialsSchema>;

/** The scopes the cart's services need (eBay spells them as URLs). */
export const EBAY_SCOPES = ['https://api.ebay.com/oauth/api_scope/sell.fulfillment', 'https://api.ebay.com/oauth/api_scope/sell.inventory'] as const;

/** eBay's hosts for the environment, or the baseUrl override for every one of them. */
export function ebayHosts(settings: Pick<EbaySettings, 'environment' | 'baseUrl'>): { api: string; auth: string } {
  if (settings.baseUrl) {
    const url = new URL(settings.baseUrl);
    const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    return { api: base, auth: base };
  }
  return settings.environment === 'sandbox'
    ? { api: 'https://api.sandbox.ebay.com', auth: 'https://auth.sandbox.ebay.com' }
    : { api: 'https://api.ebay.com', auth: 'https://auth.ebay.com' };
}

/** Where the credentials go, as a person reads it. */
export function ebaySecretAddress(settings: Pick<EbaySettings, 'environment' | 'baseUrl'>): string {
  if (settings.baseUrl) return `${ebayHosts(settings).api} for eBay`;
  return ebayHosts(settings).api;
}

/** Warn this long before the refresh token runs out. */
export const EBAY_GRANT_WARNING_MS = 30 * 86_400_000;

/** What a person should do about a grant that runs out soon, or undefined while it has time. */
export function ebayGrantNotice(expiresAt: string | undefined, nowIso: string): string | undefined {
  if (!expiresAt) return undefined;
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at) || at - Date.parse(nowIso) > EBAY_GRANT_WARNING_MS) return undefined;
  const date = new Date(at).toISOString().slice(0, 10);
  if (at <= Date.parse(nowIso)) return `The eBay authorization ran out on ${date}: press Reconnect on the cart.`;
  return `The eBay authorization runs out on ${date}: reconnect before ${date} (press Reconnect on the cart), or the downloads and uploads stop.`;
}
