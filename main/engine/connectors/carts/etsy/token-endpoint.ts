import { z } from 'zod';
import { DockhandError } from '../../../../../shared/errors.js';
import { httpRequest, OutcomeUnknownError, type HttpContext } from '../../../net/index.js';
import { etsyErrorText, oauthErrorCode } from './etsy-errors.js';

/**
 * Etsy's token endpoint, POST /v3/public/oauth/token (form-encoded): the authorization code (with the
 * PKCE verifier) and refresh tokens are exchanged there for an access token (1 hour) and a new refresh
 * token (90 days; the one used stops working: Etsy rotates it).
 */

export const tokenReplySchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive().optional(),
  refresh_token: z.string().min(1),
});
export type EtsyTokenReply = z.infer<typeof tokenReplySchema>;

export interface TokenEndpoint {
  origin: string;
  http: HttpContext;
  label: string;
}

export function exchangeCode(
  endpoint: TokenEndpoint,
  input: { keystring: string; redirectUri: string; code: string; codeVerifier: string },
): Promise<EtsyTokenReply> {
  return postToken(
    endpoint,
    new URLSearchParams({ grant_type: 'authorization_code', client_id: input.keystring, redirect_uri: input.redirectUri, code: input.code, code_verifier: input.codeVerifier }),
    'the authorization code',
  );
}

export function refreshAccess(endpoint: TokenEndpoint, input: { keystring: string; refreshToken: string }): Promise<EtsyTokenReply> {
  return postToken(endpoint, new URLSearchParams({ grant_type: 'refresh_token', client_id: input.keystring, refresh_token: input.refreshToken }), 'the saved authorization');
}

async function postToken(endpoint: TokenEndpoint, form: URLSearchParams, what: string): Promise<EtsyTokenReply> {
  const { origin, http, label } = endpoint;
  let res;
  try {
    res = await httpRequest(http, {
      url: `${origin}/v3/public/oauth/token`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      // A refresh spends the refresh token: never sent twice once it may have reached Etsy.
      idempotent: false,
      label,
    });
  } catch (err) {
    if (err instanceof OutcomeUnknownError) {
      throw new DockhandError('transient', `${label} did not answer the exchange of ${what}; it is tried again on the next run`, { cause: err });
    }
    throw err;
  }
  if (res.status === 400 || res.status === 401) {
    const code = oauthErrorCode(res.text);
    const said = etsyErrorText(res.text);
    if (code === 'invalid_client' || code === 'unauthorized_client') {
      throw new DockhandError('auth', `${label} does not know the app's keystring${said ? ` (${said})` : ''}. Check it on developers.etsy.com (Your Apps).`, {
        fields: { 'credentials.keystring': 'Refused by Etsy' },
      });
    }
    throw new DockhandError(
      'auth',
      `${label} no longer accepts ${what}${said ? ` (${said})` : ''}: it expired, was revoked, or was replaced. Press Reconnect on the cart.`,
    );
  }
  if (res.status !== 200) {
    const said = etsyErrorText(res.text);
    throw new DockhandError(res.status >= 500 ? 'transient' : 'auth', `${label} answered HTTP ${res.status} to the exchange of ${what}${said ? `: ${said}` : ''}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(res.text);
  } catch {
    throw new DockhandError('transient', `${label} sent a token reply that is not JSON`);
  }
  const parsed = tokenReplySchema.safeParse(value);
  if (!parsed.success) throw new DockhandError('transient', `${label} sent a token reply without ${parsed.error.issues[0].path.join('.') || 'its fields'}`);
  return parsed.data;
}
