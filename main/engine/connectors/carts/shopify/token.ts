import { DockhandError } from '../../../../../shared/errors.js';
import { httpRequest, type HttpContext } from '../../../net/index.js';

/**
 * Where the X-Shopify-Access-Token comes from: a fixed Admin API token, or the client-credentials grant
 * (client id + secret exchanged for a token that expires, typically after 24 h).
 */
export interface AccessTokenSource {
  token(): Promise<string>;
  /** Forget the current token after a 401; true when a new one can be fetched (worth one more try). */
  invalidate(): boolean;
}

export function staticTokenSource(token: string): AccessTokenSource {
  return { token: async () => token, invalidate: () => false };
}

interface CachedToken {
  token: string;
  expiresAtMs: number;
  renewAtMs: number;
}

/** Shared by every connector instance of this process, so each run does not fetch a new token. */
const tokenCache = new Map<string, CachedToken>();
const inFlight = new Map<string, Promise<CachedToken>>();

export function clearShopifyTokenCache(): void {
  tokenCache.clear();
  inFlight.clear();
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
  const key = `${options.base}|${options.clientId}`;
  return {
    async token() {
      const now = options.http.clock.now().getTime();
      const cached = tokenCache.get(key);
      if (cached && now < cached.renewAtMs) return cached.token;
      let pending = inFlight.get(key);
      if (!pending) {
        pending = fetchToken(options).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      const fresh = await pending;
      tokenCache.set(key, fresh);
      return fresh.token;
    },
    invalidate() {
      tokenCache.delete(key);
      return true;
    },
  };
}

async function fetchToken(options: ClientCredentialsOptions): Promise<CachedToken> {
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
  const now = options.http.clock.now().getTime();
  const lifetimeMs = typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in * 1000 : 24 * 3600_000;
  // Renew ahead of expiry so a long download never sends a token that dies mid-run.
  const margin = Math.min(5 * 60_000, lifetimeMs * 0.1);
  return { token: parsed.access_token, expiresAtMs: now + lifetimeMs, renewAtMs: now + lifetimeMs - margin };
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
