import { z } from 'zod';

/**
 * Etsy (Open API v3) cart connection: settings (stored plainly) and credentials (stored encrypted).
 * The person types their developer app's keystring (and shared secret, which newer apps need in the
 * x-api-key header); the consent flow fills the grant (the refresh token and the shop it reaches).
 */

/** Etsy's API host; the token endpoint lives on it too (/v3/public/oauth/token). */
export const ETSY_API_ORIGIN = 'https://api.etsy.com';
/** Etsy's consent page. */
export const ETSY_CONSENT_URL = 'https://www.etsy.com/oauth/connect';
/**
 * The redirect address Dockhand suggests registering with the app: Etsy accepts a registered
 * http://localhost address, so the desktop app can listen for the code itself.
 */
export const ETSY_DEFAULT_REDIRECT = 'http://localhost:3003/oauth/redirect';

/** What the services need: reading and marking receipts shipped, reading and writing listing stock. */
export const ETSY_SCOPES = ['transactions_r', 'transactions_w', 'listings_r', 'listings_w'] as const;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether an address is on this computer (the consent flow can listen there). */
export function isLoopbackAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

export const etsySettingsSchema = z.object({
  /**
   * The redirect address registered with the Etsy app (Your Apps > the app > Callback URLs): sent as
   * redirect_uri exactly as typed, since Etsy compares the two character for character.
   */
  redirectUri: z
    .url({ protocol: /^https?$/, error: 'Enter the redirect address registered with the Etsy app, like http://localhost:3003/oauth/redirect' })
    .default(ETSY_DEFAULT_REDIRECT),
  /** Advanced: send every request (API, token endpoint, consent page) here instead of Etsy (a test server or a proxy). */
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
});
export type EtsySettings = z.infer<typeof etsySettingsSchema>;

export const etsyCredentialsSchema = z.object({
  /** The app's API key ("keystring"), from Your Apps on developers.etsy.com. */
  keystring: z.string().trim().min(1).max(200),
  /** The app's shared secret: newer apps send "keystring:shared secret" as x-api-key. */
  sharedSecret: z.string().trim().min(1).max(200).optional(),
  /** The grant's refresh token ("<user id>.<token>"): filled by Connect, replaced each time Etsy rotates it. */
  refreshToken: z.string().min(1).max(1000).optional(),
  /** The shop the grant reaches (its numeric id), found right after connecting. */
  shopId: z.string().regex(/^\d+$/).optional(),
  /** The shop's name, for messages. */
  shopName: z.string().max(200).optional(),
});
export type EtsyCredentials = z.infer<typeof etsyCredentialsSchema>;

/** Where every request goes: Etsy, or the Advanced base address (no trailing slash). */
export function etsyApiOrigin(settings: Pick<EtsySettings, 'baseUrl'>): string {
  if (!settings.baseUrl) return ETSY_API_ORIGIN;
  const url = new URL(settings.baseUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Where the credentials are sent, as a person reads it. */
export function etsySecretAddress(settings: Pick<EtsySettings, 'baseUrl'>): string {
  return settings.baseUrl ? `${etsyApiOrigin(settings)} for Etsy` : ETSY_API_ORIGIN;
}

/** Only the app's keystring is typed; the grant comes from Connect (a run without it says so). */
export function etsyRequiredCredentials(): Record<string, { label: string; noun: string }> {
  return { keystring: { label: "the Etsy app's keystring", noun: 'keystring' } };
}
