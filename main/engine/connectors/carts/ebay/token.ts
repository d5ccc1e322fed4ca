import { createHash } from 'node:crypto';
import { DockhandError } from '../../../../../shared/errors.js';
import { EBAY_SCOPES } from '../../../../../shared/schemas/ebay.js';
import { httpRequest, type HttpContext } from '../../../net/index.js';
import { cachedTokenSource, type AccessTokenSource } from '../kit/token-source.js';
import { classifyEbayFailure } from './ebay-errors.js';
import { accessTokenReplySchema, oauthErrorSchema } from './schemas.js';

/**
 * eBay's OAuth token endpoint (POST /identity/v1/oauth2/token, the app's Client ID and Secret as HTTP
 * Basic): the consent's code exchanged for a refresh token (about 18 months) and an access token (about
 * 2 hours), and the refresh token exchanged for access tokens. eBay does not rotate the refresh token, so
 * nothing is saved on refresh; when it runs out or the seller revokes it (invalid_grant), only a new
 * consent helps, and the message says so.
 */

export interface EbayApp {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

const ACCESS_TOKEN_LIFETIME_MS = 2 * 3600_000;

export const RECONNECT_MESSAGE =
  'eBay no longer accepts the saved authorization (it ran out after about 18 months, or the seller revoked it). Press Reconnect on the cart and sign in to eBay again.';

export function tokenUrlOf(authApiBase: string): string {
  return `${authApiBase}/identity/v1/oauth2/token`;
}

async function postToken(http: HttpContext, app: EbayApp, form: URLSearchParams, what: string): Promise<ReturnType<typeof accessTokenReplySchema.parse>> {
  const label = `eBay ${new URL(app.tokenUrl).host}`;
  const res = await httpRequest(http, {
    url: app.tokenUrl,
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`,
    },
    body: form.toString(),
    // Asking for a token changes nothing at eBay: safe to send again after a dropped connection.
    idempotent: true,
    label,
  });
  let value: unknown;
  try {
    value = JSON.parse(res.text);
  } catch {
    value = undefined;
  }
  if (res.status !== 200) {
    const oauth = oauthErrorSchema.safeParse(value);
    if (oauth.success) {
      const said = oauth.data.error_description ? ` ("${oauth.data.error_description.slice(0, 200)}")` : '';
      if (oauth.data.error === 'invalid_grant') {
        if (what === 'the code exchange') {
          throw new DockhandError('auth', `eBay refused the sign-in code${said}: it is used once and lives five minutes. Press Connect again.`);
        }
        throw new DockhandError('auth', `${RECONNECT_MESSAGE}${said}`);
      }
      if (oauth.data.error === 'invalid_client' || res.status === 401) {
        throw new DockhandError('auth', `eBay refused the app's Client ID or Client Secret${said}. Check them on developer.ebay.com > Application Keys (Production keys for the production site).`, {
          fields: { 'credentials.clientSecret': 'Refused by eBay' },
        });
      }
      if (oauth.data.error === 'invalid_scope') {
        throw new DockhandError('auth', `eBay refused the scopes Dockhand asks for${said}: the app needs sell.fulfillment and sell.inventory. Press Reconnect on the cart.`);
      }
      throw new DockhandError('auth', `eBay refused ${what}: ${oauth.data.error}${said}`);
    }
    throw classifyEbayFailure(label, res, what);
  }
  const parsed = accessTokenReplySchema.safeParse(value);
  if (!parsed.success) throw new DockhandError('transient', `${label} sent a malformed reply to ${what}`);
  return parsed.data;
}

/** The consent's code -> the grant's credentials: the refresh token and when it runs out. */
export async function exchangeEbayCode(http: HttpContext, app: EbayApp, code: string, redirectUri: string): Promise<Record<string, string>> {
  const reply = await postToken(http, app, new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }), 'the code exchange');
  if (!reply.refresh_token) throw new DockhandError('transient', 'eBay answered the code exchange without a refresh token; press Connect again.');
  const lifetimeMs = (reply.refresh_token_expires_in ?? 47_304_000) * 1000;
  return { refreshToken: reply.refresh_token, refreshTokenExpiresAt: new Date(http.clock.now().getTime() + lifetimeMs).toISOString() };
}

/**
 * Access tokens from the refresh token, cached for every run of this grant in the process (kit's
 * cachedTokenSource): renewed shortly before their 2 hours run out, one refresh at a time.
 */
export function ebayAccessTokens(http: HttpContext, app: EbayApp, refreshToken: string): AccessTokenSource {
  // The cache key names the grant without holding it: a hash of the refresh token (a Reconnect is a new key).
  const grant = createHash('sha256').update(refreshToken).digest('hex').slice(0, 16);
  return cachedTokenSource({
    key: `ebay|${app.tokenUrl}|${app.clientId}|${grant}`,
    clock: http.clock,
    defaultLifetimeMs: ACCESS_TOKEN_LIFETIME_MS,
    issue: async () => {
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, scope: EBAY_SCOPES.join(' ') });
      const reply = await postToken(http, app, form, 'the access token refresh');
      return { token: reply.access_token, lifetimeMs: reply.expires_in * 1000 };
    },
  });
}
