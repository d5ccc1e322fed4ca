import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny OAuth 2 token endpoint on 127.0.0.1 (real HTTP), standing in for a marketplace's: the test
 * plays the consent page (`grant` issues a code for a redirect and, with PKCE, a challenge), and the
 * scripted platform's plugin exchanges the code here and refreshes with the refresh token it got.
 * Codes are single use; a refresh token can be revoked, as a person removing the app would.
 */
export interface TokenEndpoint {
  url: string;
  /** The consent page said yes: a code bound to the redirect_uri (and the PKCE challenge) it was opened with. */
  grant(options: { redirectUri: string; codeChallenge?: string; refreshToken?: string }): string;
  /** Every code exchange received, in order (as sent). */
  exchanges: { code: string; redirectUri: string; codeVerifier: string | null; clientId: string }[];
  /** Refreshes received, by refresh token. */
  refreshes: string[];
  revoke(refreshToken: string): void;
  close(): Promise<void>;
}

interface IssuedCode {
  redirectUri: string;
  codeChallenge?: string;
  refreshToken: string;
  used: boolean;
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export async function startTokenEndpoint(): Promise<TokenEndpoint> {
  const codes = new Map<string, IssuedCode>();
  const revoked = new Set<string>();
  const exchanges: TokenEndpoint['exchanges'] = [];
  const refreshes: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const reply = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const refuse = (description: string) => reply(400, { error: 'invalid_grant', error_description: description });
      if (req.method !== 'POST' || req.url !== '/token') return reply(404, { error: 'not_found' });
      if (form.get('grant_type') === 'authorization_code') {
        const code = form.get('code') ?? '';
        exchanges.push({ code, redirectUri: form.get('redirect_uri') ?? '', codeVerifier: form.get('code_verifier'), clientId: form.get('client_id') ?? '' });
        const issued = codes.get(code);
        if (!issued || issued.used) return refuse('The authorization code is invalid or was already used');
        issued.used = true;
        if (issued.redirectUri !== form.get('redirect_uri')) return refuse('redirect_uri does not match');
        if (issued.codeChallenge && s256(form.get('code_verifier') ?? '') !== issued.codeChallenge) return refuse('code_verifier does not match the challenge');
        return reply(200, { access_token: `at-${randomBytes(6).toString('hex')}`, refresh_token: issued.refreshToken, token_type: 'Bearer', expires_in: 3600 });
      }
      if (form.get('grant_type') === 'refresh_token') {
        const token = form.get('refresh_token') ?? '';
        refreshes.push(token);
        if (revoked.has(token)) return refuse('The refresh token was revoked');
        return reply(200, { access_token: `at-${randomBytes(6).toString('hex')}`, token_type: 'Bearer', expires_in: 3600 });
      }
      return reply(400, { error: 'unsupported_grant_type' });
    });
  });
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    grant(options) {
      const code = `code-${randomBytes(8).toString('hex')}`;
      codes.set(code, { redirectUri: options.redirectUri, codeChallenge: options.codeChallenge, refreshToken: options.refreshToken ?? `rt-${randomBytes(8).toString('hex')}`, used: false });
      return code;
    },
    exchanges,
    refreshes,
    revoke: (token) => void revoked.add(token),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
