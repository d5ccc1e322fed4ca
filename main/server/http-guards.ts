import type { IncomingMessage } from 'node:http';
import { tokensEqual } from './server-token.js';

/**
 * Who may talk to the host: only a client that names us as 127.0.0.1/localhost (a DNS-rebinding page
 * names its own host), only from our own origin when it writes, and only with the token.
 */

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host?.toLowerCase();
  return host !== undefined && allowedHosts(port).has(host);
}

/** Browsers send Origin on every cross-origin write; a tool like curl sends none and is fine. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return allowedOrigins(port).has(origin.toLowerCase());
}

/** Per port: cookies are not port-scoped, so two hosts on one machine must not overwrite each other's. */
export function cookieName(port: number): string {
  return `dockhand_token_${port}`;
}

export function loginCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

export type TokenSource = 'header' | 'query' | 'cookie';

/** The token the request carries: `Authorization: Bearer`, then `?token=`, then the login cookie. */
export function presentedToken(req: IncomingMessage, url: URL, port: number): { token: string; source: TokenSource } | null {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return match ? { token: match[1], source: 'header' } : { token: '', source: 'header' };
  }
  const query = url.searchParams.get('token');
  if (query !== null) return { token: query, source: 'query' };
  const cookie = readCookie(req.headers.cookie, cookieName(port));
  if (cookie !== null) return { token: cookie, source: 'cookie' };
  return null;
}

export function tokenValid(presented: { token: string } | null, expected: string): boolean {
  return presented !== null && tokensEqual(presented.token, expected);
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
