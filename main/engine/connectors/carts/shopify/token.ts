import { DockhandError } from '../../../../../shared/errors.js';
import { httpRequest, type HttpContext } from '../../../net/index.js';
import { cachedTokenSource, clearCachedTokens, type AccessTokenSource, type IssuedToken } from '../kit/token-source.js';

/**
 * Where the X-Shopify-Access-Token comes from: a fixed Admin API token, or the client-credentials grant
 * (client id + secret exchanged for a token that expires, typically after 24 h), cached and renewed by the
 * kit's token source for every connector instance of the shop.
 */
export type { AccessTokenSource } from '../kit/token-source.js';
export { staticTokenSource } from '../kit/token-source.js';

export function clearShopifyTokenCache(): void {
  clearCachedTokens();
}

export interface ClientCredentialsOptions {
  base: string;
  shopDomain: string;
  clientId: string;
  clientSecret: string;
  http: HttpContext;
  timeoutMs?: number;
}

export function clientCredentialsSource(options: ClientCredentialsOptions): AccessTokenSource {
  return cachedTokenSource({
    key: `shopify ${options.base} ${options.clientId}`,
    clock: options.http.clock,
    issue: () => requestToken(options),
  });
}

async function requestToken(options: ClientCredentialsOptions): Promise<IssuedToken> {
  const body = new URLSearchParams({
    client_id: options.clientId,
    client_secret: options.clientSecret,
    grant_type: 'client_credentials',
  }).toString();
  const label = `Shopify ${options.shopDomain}`;
  const res = await httpRequest(options.http, {
    url: `${options.base}/admin/oauth/access_token`,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body,
    idempotent: true, // asking for a token twice is harmless
    timeoutMs: options.timeoutMs,
    label,
  });
  const parsed = parseJson(res.text);
  if (res.status === 400 || res.status === 401 || res.status === 403) {
    const detail = describeOAuthError(parsed);
    throw new DockhandError('auth', `${label} refused the app's client id and secret${detail ? ` (${detail})` : ''}`);
  }
  if (res.status !== 200) throw new DockhandError('transient', `${label} answered HTTP ${res.status} to the token request`);
  if (!parsed || typeof parsed.access_token !== 'string' || parsed.access_token === '') {
    throw new DockhandError('transient', `${label} sent a malformed token reply (no access_token)`);
  }
  const expiresIn = parsed.expires_in;
  return { token: parsed.access_token, lifetimeMs: typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn * 1000 : undefined };
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function describeOAuthError(body: Record<string, unknown> | null): string | undefined {
  if (!body) return undefined;
  const parts = [body.error, body.error_description, typeof body.errors === 'string' ? body.errors : undefined];
  const text = parts.filter((p): p is string => typeof p === 'string' && p !== '').join(': ');
  return text || undefined;
}
