import { randomBytes } from 'node:crypto';

/**
 * eBay's OAuth side as the fake plays it (developer.ebay.com/api-docs/static/oauth-authorization-code-grant.html
 * and oauth-refresh-token-request.html): the consent page GET /oauth2/authorize, which sends the browser
 * to the accept URL registered with the RuName with ?state&code&expires_in; and the token endpoint
 * POST /identity/v1/oauth2/token with the app's keys as HTTP Basic: authorization_code (the code once,
 * within 5 minutes, with redirect_uri = the RuName) gives an access token (7,200 s) and a refresh token
 * (47,304,000 s, about 18 months); refresh_token gives an access token only (eBay does not rotate it).
 */

export const ACCESS_TOKEN_SECONDS = 7200;
export const REFRESH_TOKEN_SECONDS = 47_304_000;
const CODE_SECONDS = 299;

export interface FakeApp {
  clientId: string;
  clientSecret: string;
  ruName: string;
  /** Where the RuName's accept URL sends the browser (eBay's page or the app's own). */
  acceptUrl: string;
}

export interface TokenReply {
  status: number;
  body: unknown;
}

export class FakeOAuth {
  private readonly codes = new Map<string, { expiresMs: number; scope: string }>();
  readonly refreshTokens = new Map<string, { expiresMs: number; scope: string }>();
  private readonly accessTokens = new Map<string, number>();
  /** Token endpoint calls by grant type, for tests. */
  readonly calls = { authorization_code: 0, refresh_token: 0 };

  constructor(
    readonly app: FakeApp,
    private readonly nowMs: () => number,
  ) {}

  /** A refresh token for the seller, as if the consent happened already; `seconds` it has left. */
  grant(seconds = REFRESH_TOKEN_SECONDS): string {
    const token = `v^1.1#i^1#r^1#f^0#p^3#I^3#t^${randomBytes(24).toString('base64url')}`;
    this.refreshTokens.set(token, { expiresMs: this.nowMs() + seconds * 1000, scope: ALL_SCOPES });
    return token;
  }

  /** The seller revoked the app's access (or it ran out): every token of the grant stops working. */
  revokeAll(): void {
    this.refreshTokens.clear();
    this.accessTokens.clear();
  }

  /** Access tokens die early (eBay may invalidate them): the next call gets 401 1001. */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  validAccessToken(token: string): boolean {
    const expires = this.accessTokens.get(token);
    return expires !== undefined && expires > this.nowMs();
  }

  /** GET /oauth2/authorize: the address the browser is sent to, or an error text. */
  consent(query: URLSearchParams): { location: string } | { error: string } {
    if (query.get('client_id') !== this.app.clientId) return { error: 'unknown client_id' };
    if (query.get('redirect_uri') !== this.app.ruName) return { error: 'redirect_uri is not a RuName of this app' };
    if (query.get('response_type') !== 'code') return { error: 'response_type must be code' };
    const code = `v^1.1#i^1#f^0#p^3#r^1#I^3#t^${randomBytes(24).toString('base64url')}`;
    this.codes.set(code, { expiresMs: this.nowMs() + CODE_SECONDS * 1000, scope: query.get('scope') ?? '' });
    const target = new URL(this.app.acceptUrl);
    target.searchParams.set('state', query.get('state') ?? '');
    target.searchParams.set('code', code);
    target.searchParams.set('expires_in', String(CODE_SECONDS));
    return { location: target.toString() };
  }

  /** POST /identity/v1/oauth2/token. */
  token(authorization: string | undefined, form: URLSearchParams): TokenReply {
    const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '')?.[1];
    const [id, secret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
    if (id !== this.app.clientId || secret !== this.app.clientSecret) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'client authentication failed' } };
    }
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      this.calls.authorization_code += 1;
      const code = form.get('code') ?? '';
      const held = this.codes.get(code);
      this.codes.delete(code);
      if (!held || held.expiresMs <= this.nowMs() || form.get('redirect_uri') !== this.app.ruName) {
        return { status: 400, body: { error: 'invalid_grant', error_description: 'the provided authorization grant code is invalid or was issued to another client' } };
      }
      const refresh = this.grant();
      return { status: 200, body: { ...this.issueAccess(), refresh_token: refresh, refresh_token_expires_in: REFRESH_TOKEN_SECONDS } };
    }
    if (grantType === 'refresh_token') {
      this.calls.refresh_token += 1;
      const held = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!held || held.expiresMs <= this.nowMs()) {
        return { status: 400, body: { error: 'invalid_grant', error_description: 'the provided authorization refresh token is invalid or was issued to another client' } };
      }
      const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
      if (asked.some((s) => !held.scope.split(' ').includes(s))) {
        return { status: 400, body: { error: 'invalid_scope', error_description: 'The requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client' } };
      }
      return { status: 200, body: this.issueAccess() };
    }
    return { status: 400, body: { error: 'unsupported_grant_type', error_description: `grant type ${grantType} is not supported` } };
  }

  private issueAccess(): { access_token: string; expires_in: number; token_type: string } {
    const token = `v^1.1#i^1#p^3#I^3#r^0#f^0#t^${randomBytes(32).toString('base64url')}`;
    this.accessTokens.set(token, this.nowMs() + ACCESS_TOKEN_SECONDS * 1000);
    return { access_token: token, expires_in: ACCESS_TOKEN_SECONDS, token_type: 'User Access Token' };
  }
}

export const ALL_SCOPES = [
  'https://api.ebay.com/oauth/api_scope',
  'https://api.ebay.com/oauth/api_scope/sell.fulfillment',
  'https://api.ebay.com/oauth/api_scope/sell.inventory',
].join(' ');
