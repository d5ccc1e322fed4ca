import { DockhandError } from '../../../../../shared/errors.js';
import { amazonApiHost, type AmazonSettings } from '../../../../../shared/schemas/amazon.js';

/**
 * Where a connection's requests go: the region's SP-API host and Login with Amazon's token endpoint,
 * or, with the Advanced base URL, both on that one address (a test server or a proxy): the token
 * endpoint then at <base>/auth/o2/token, as api.amazon.com has it.
 */

export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface AmazonEndpoints {
  /** "https://sellingpartnerapi-na.amazon.com", no trailing slash. */
  api: string;
  token: string;
  /** Names the account's region in messages: "Amazon NA". */
  label: string;
}

export function amazonEndpoints(settings: Pick<AmazonSettings, 'region' | 'baseUrl'>): AmazonEndpoints {
  const label = `Amazon ${settings.region.toUpperCase()}`;
  if (!settings.baseUrl) return { api: amazonApiHost(settings.region), token: LWA_TOKEN_URL, label };
  const url = new URL(settings.baseUrl);
  // Tokens travel in headers and form bodies: never in clear text over the network.
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    throw new DockhandError('config', `${label}: the base URL ${url.origin} must use https:// (Amazon tokens would travel unencrypted)`, {
      fields: { 'settings.baseUrl': 'Use https://, or leave it empty' },
    });
  }
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return { api: base, token: `${base}/auth/o2/token`, label };
}
