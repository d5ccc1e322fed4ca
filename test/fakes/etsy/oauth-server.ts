import { createHash, randomBytes } from 'node:crypto';

/**
 * Etsy's OAuth 2 with PKCE as the fake serves it (developers.etsy.com essentials/authentication):
 * the consent page GET /oauth/connect (it grants at once, as if the shop owner pressed "Grant access",
 * and redirects with the code and state), and the token endpoint POST /v3/public/oauth/token for the
 * authorization code (checked against the S256 challenge) and refresh tokens. Access tokens live an
 * hour, refresh tokens 90 days, and a refresh token stops working once used: Etsy rotates it.
 * Tokens are "<user id>.<random>", as Etsy's are.
 */

export const ACCESS_TOKEN_SECONDS = 3600;
export const REFRESH_TOKEN_SECONDS = 90 * 86_400;

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  expiresAtMs: number;
}

export interface OAuthReply {
  status: number;
  body?: unknown;
  /** A redirect's Location. */
  location?: string;
  text?: string;
}

export class FakeEtsyOAuth {
  private readonly codes = new Map<string, PendingCode>();
  private readonly accessTokens = new Map<string, number>();
  private readonly refreshTokens = new Map<string, number>();
  /** Refresh-token exchanges answered (each one rotated the token). */
  refreshes = 0;
  /** Codes exchanged. */
  codeExchanges = 0;

  constructor(
    readonly keystring: string,
    readonly userId: number,
    private readonly nowMs: () => number,
  ) {}

  private token(): string {
    return `${this.userId}.${randomBytes(24).toString('base64url')}`;
  }

  /** A grant as if the consent flow had run: a live refresh token (tests that start connected). */
  grant(): string {
    const refresh = this.token();
    this.refreshTokens.set(refresh, this.nowMs() + REFRESH_TOKEN_SECONDS * 1000);
    return refresh;
  }

  isLiveAccessToken(token: string): boolean {
    const until = this.accessTokens.get(token);
    return until !== undefined && until > this.nowMs();
  }

  /** The shop owner removed the app's access (or it lapsed): every token stops working. */
  revokeAll(): void {
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }

  /** Every access token dies now (an hour passed); refresh tokens live on. */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  liveRefreshTokens(): number {
    return [...this.refreshTokens.values()].filter((until) => until > this.nowMs()).length;
  }

  /** GET /oauth/connect: grants at once and redirects to redirect_uri with code and state. */
  consent(query: URLSearchParams): OAuthReply {
    const problem = (text: string): OAuthReply => ({ status: 400, text });
    if (query.get('response_type') !== 'code') return problem('response_type must be code');
    if (query.get('client_id') !== this.keystring) return problem('Unknown client_id');
    const redirectUri = query.get('redirect_uri');
    if (!redirectUri) return problem('redirect_uri is required');
    const state = query.get('state');
    if (!state) return problem('state is required');
    const challenge = query.get('code_challenge');
    if (!challenge || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) return problem('code_challenge must be a base64url SHA-256 digest');
    if (query.get('code_challenge_method') !== 'S256') return problem('code_challenge_method must be S256');
    const scopes = (query.get('scope') ?? '').split(' ').filter(Boolean);
    if (scopes.length === 0) return problem('scope is required');
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { clientId: this.keystring, redirectUri, challenge, expiresAtMs: this.nowMs() + 10 * 60_000 });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    target.searchParams.set('state', state);
    return { status: 302, location: target.toString() };
  }

  /** POST /v3/public/oauth/token (form-encoded). */
  tokenEndpoint(form: URLSearchParams): OAuthReply {
    const refuse = (error: string, description: string, status = 400): OAuthReply => ({ status, body: { error, error_description: description } });
    if (form.get('client_id') !== this.keystring) return refuse('invalid_client', 'client_id is not a known API key', 401);
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = form.get('code') ?? '';
      const pending = this.codes.get(code);
      this.codes.delete(code);
      if (!pending || pending.expiresAtMs <= this.nowMs()) return refuse('invalid_grant', 'code is invalid or expired');
      if (form.get('redirect_uri') !== pending.redirectUri) return refuse('invalid_grant', 'redirect_uri does not match the one the code was issued for');
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) return refuse('invalid_grant', 'code_verifier does not match the code_challenge');
      this.codeExchanges += 1;
      return { status: 200, body: this.issue() };
    }
    if (grantType === 'refresh_token') {
      const refresh = form.get('refresh_token') ?? '';
      const until = this.refreshTokens.get(refresh);
      if (until === undefined || until <= this.nowMs()) return refuse('invalid_grant', 'refresh_token is invalid, expired or revoked');
      this.refreshTokens.delete(refresh); // rotated: the one used is spent
      this.refreshes += 1;
      return { status: 200, body: this.issue() };
    }
    return refuse('unsupported_grant_type', `grant_type ${grantType ?? '(none)'} is not supported`);
  }

  private issue(): { access_token: string; token_type: string; expires_in: number; refresh_token: string } {
    const access = this.token();
    const refresh = this.token();
    this.accessTokens.set(access, this.nowMs() + ACCESS_TOKEN_SECONDS * 1000);
    this.refreshTokens.set(refresh, this.nowMs() + REFRESH_TOKEN_SECONDS * 1000);
    return { access_token: access, token_type: 'Bearer', expires_in: ACCESS_TOKEN_SECONDS, refresh_token: refresh };
  }
}
