import { z } from 'zod';
import { DockhandError } from '../../../../../shared/errors.js';
import { httpRequest, type HttpContext } from '../../../net/index.js';
import type { RotatedCredentialsPort } from '../cart-connector.js';
import { cachedTokenSource, type AccessTokenSource } from '../kit/token-source.js';

/**
 * Login with Amazon (LWA): POST <token endpoint> as a form, grant_type refresh_token (a 1-hour access
 * token for x-amz-access-token) or authorization_code (the consent page's spapi_oauth_code, for the
 * refresh token). Refusals are {"error","error_description"} (RFC 6749 section 5.2): invalid_grant is
 * a refresh token Amazon no longer takes (the seller revoked the app, or it was not used for a year),
 * so a person must reconnect; invalid_client is the app's identifier or secret.
 */

const tokenReplySchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  token_type: z.string().optional(),
  expires_in: z.number().positive().optional(),
});
export type LwaTokenReply = z.infer<typeof tokenReplySchema>;

/** The life of an LWA access token when the reply does not say (Amazon documents one hour). */
export const LWA_ACCESS_TOKEN_LIFETIME_MS = 3600_000;

export interface LwaClient {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  http: HttpContext;
  /** Names the account in messages ("Amazon NA"). */
  label: string;
}

export async function requestLwaToken(client: LwaClient, grant: Record<string, string>): Promise<LwaTokenReply> {
  const body = new URLSearchParams({ ...grant, client_id: client.clientId, client_secret: client.clientSecret });
  const res = await httpRequest(client.http, {
    url: client.tokenUrl,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: 'application/json' },
    body: body.toString(),
    // Asking for a token twice changes nothing at Amazon: safe to retry on 5xx and timeouts.
    idempotent: true,
    label: `${client.label} (Login with Amazon)`,
  });
  let value: unknown;
  try {
    value = JSON.parse(res.text);
  } catch {
    value = undefined;
  }
  if (res.status >= 200 && res.status < 300) {
    const parsed = tokenReplySchema.safeParse(value);
    if (!parsed.success) throw new DockhandError('transient', `${client.label}: Login with Amazon sent a malformed token reply`);
    return parsed.data;
  }
  const error = typeof (value as { error?: unknown })?.error === 'string' ? (value as { error: string }).error : undefined;
  const description = typeof (value as { error_description?: unknown })?.error_description === 'string' ? (value as { error_description: string }).error_description.slice(0, 200) : '';
  const said = error ? ` (${error}${description ? `: ${description}` : ''})` : ` (HTTP ${res.status})`;
  if (error === 'invalid_grant') {
    const what = grant.grant_type === 'authorization_code' ? 'the authorization code from the consent page (it is used once and lives 5 minutes)' : 'the saved authorization';
    const todo = grant.grant_type === 'authorization_code' ? 'Connect again.' : 'Press Reconnect on the cart (or paste a new self-authorized refresh token).';
    throw new DockhandError('auth', `${client.label} no longer accepts ${what}${said}. ${todo}`);
  }
  if (error === 'invalid_client' || error === 'unauthorized_client' || res.status === 401) {
    throw new DockhandError(
      'auth',
      `${client.label}: Login with Amazon refused the app's LWA client identifier or client secret${said}. Copy both again from Developer Central (the app > LWA credentials > View); a rotated client secret replaces the old one.`,
    );
  }
  if (res.status >= 500) throw new DockhandError('transient', `${client.label}: Login with Amazon failed${said}`);
  throw new DockhandError('auth', `${client.label}: Login with Amazon refused the token request${said}`);
}

export interface RefreshTokenSourceOptions extends LwaClient {
  refreshToken: string;
  /** Who shares the cached access token: the seller and app, never the secret itself. */
  cacheKey: string;
  /** Where a refresh token Amazon replaced is saved at once (CartContext.credentials). */
  rotated?: RotatedCredentialsPort;
}

/**
 * Access tokens from the refresh token, cached for the process per seller and app and renewed before
 * their hour runs out. LWA does not rotate refresh tokens today; should a reply carry a new one, it is
 * saved before anything else is sent, and used from then on.
 */
export function refreshTokenSource(options: RefreshTokenSourceOptions): AccessTokenSource {
  let refreshToken = options.refreshToken;
  return cachedTokenSource({
    key: options.cacheKey,
    clock: options.http.clock,
    defaultLifetimeMs: LWA_ACCESS_TOKEN_LIFETIME_MS,
    issue: async () => {
      const reply = await requestLwaToken(options, { grant_type: 'refresh_token', refresh_token: refreshToken });
      if (reply.refresh_token && reply.refresh_token !== refreshToken) {
        await options.rotated?.save({ refreshToken: reply.refresh_token });
        refreshToken = reply.refresh_token;
      }
      return { token: reply.access_token, ...(reply.expires_in ? { lifetimeMs: reply.expires_in * 1000 } : {}) };
    },
  });
}
