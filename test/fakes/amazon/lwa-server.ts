import { randomBytes } from 'node:crypto';

/**
 * The fake's Login with Amazon: POST /auth/o2/token (form: grant_type refresh_token or
 * authorization_code, client_id, client_secret) and the Seller Central consent page
 * (GET /apps/authorize/consent), which, for the registered app, sends the browser back to the
 * redirect URI with spapi_oauth_code, state and selling_partner_id. Codes are used once and live
 * 5 minutes; access tokens an hour. Refusals are RFC 6749 {"error","error_description"}.
 */

export interface LwaApp {
  clientId: string;
  clientSecret: string;
  applicationId: string;
  /** The redirect URIs registered with the app; the first is the default. */
  redirectUris: string[];
}

export class FakeLwa {
  readonly refreshTokens = new Set<string>();
  private readonly accessTokens = new Map<string, number>();
  private readonly codes = new Map<string, { expiresAtMs: number; redirectUri: string }>();
  /** Token requests answered, by grant type (the bench and the tests count refreshes). */
  readonly issued = { refresh_token: 0, authorization_code: 0 };
  /** Each refresh replaces the refresh token (off by default, as LWA behaves today). */
  rotate = false;

  constructor(
    readonly app: LwaApp,
    readonly sellerId: string,
    private readonly nowMs: () => number,
    private readonly accessLifetimeSeconds = 3600,
  ) {}

  newRefreshToken(): string {
    const token = `Atzr|${randomBytes(24).toString('base64url')}`;
    this.refreshTokens.add(token);
    return token;
  }

  /** 'ok', 'expired' or 'unknown'. */
  checkAccessToken(token: string | undefined): 'ok' | 'expired' | 'unknown' {
    const expiry = token ? this.accessTokens.get(token) : undefined;
    if (expiry === undefined) return 'unknown';
    return expiry > this.nowMs() ? 'ok' : 'expired';
  }

  expireAccessTokens(): void {
    for (const token of this.accessTokens.keys()) this.accessTokens.set(token, 0);
  }

  revokeRefreshTokens(): void {
    this.refreshTokens.clear();
  }

  /** The token endpoint: [status, body]. */
  token(form: URLSearchParams): [number, unknown] {
    if (form.get('client_id') !== this.app.clientId || form.get('client_secret') !== this.app.clientSecret) {
      return [401, { error: 'invalid_client', error_description: 'Client authentication failed' }];
    }
    const grant = form.get('grant_type');
    if (grant === 'refresh_token') {
      const refresh = form.get('refresh_token') ?? '';
      if (!this.refreshTokens.has(refresh)) return [400, { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' }];
      this.issued.refresh_token += 1;
      if (!this.rotate) return [200, this.accessReply()];
      // Rotation (LWA does not rotate today; the connector must cope if it starts): the old token stops working.
      this.refreshTokens.delete(refresh);
      return [200, { ...this.accessReply(), refresh_token: this.newRefreshToken() }];
    }
    if (grant === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      if (!code || code.expiresAtMs < this.nowMs()) return [400, { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : code' }];
      if ((form.get('redirect_uri') ?? code.redirectUri) !== code.redirectUri) return [400, { error: 'invalid_grant', error_description: 'redirect_uri does not match' }];
      this.issued.authorization_code += 1;
      return [200, { ...this.accessReply(), refresh_token: this.newRefreshToken() }];
    }
    return [400, { error: 'unsupported_grant_type', error_description: `grant_type ${grant ?? '(none)'} is not supported` }];
  }

  private accessReply() {
    const token = `Atza|${randomBytes(24).toString('base64url')}`;
    this.accessTokens.set(token, this.nowMs() + this.accessLifetimeSeconds * 1000);
    return { access_token: token, token_type: 'bearer', expires_in: this.accessLifetimeSeconds };
  }

  /** The consent page: [status, headers, body]. A 302 back to the app's redirect with the code. */
  consent(query: URLSearchParams): [number, Record<string, string>, string] {
    const page = (status: number, text: string): [number, Record<string, string>, string] => [status, { 'content-type': 'text/html; charset=UTF-8' }, `<!doctype html><title>Seller Central</title><p>${text}</p>`];
    if (query.get('application_id') !== this.app.applicationId) return page(400, 'This application is not available (MD1000).');
    const state = query.get('state');
    if (!state) return page(400, 'The state parameter is missing (MD9100).');
    const redirectUri = query.get('redirect_uri') ?? this.app.redirectUris[0];
    if (!redirectUri || !this.app.redirectUris.includes(redirectUri)) return page(400, 'The redirect URI is not registered with this application (MD5101).');
    const code = randomBytes(12).toString('hex');
    this.codes.set(code, { expiresAtMs: this.nowMs() + 5 * 60_000, redirectUri });
    const target = new URL(redirectUri);
    target.searchParams.set('state', state);
    target.searchParams.set('selling_partner_id', this.sellerId);
    target.searchParams.set('spapi_oauth_code', code);
    return [302, { location: target.toString() }, ''];
  }
}
