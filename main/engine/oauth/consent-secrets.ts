import { createHash, randomBytes } from 'node:crypto';

/**
 * The per-flow secrets of a consent: `state` ties the landing address to the flow Dockhand started (a
 * landing address from anywhere else is refused), and the PKCE pair (RFC 7636, S256) ties the code to
 * this Dockhand, so a code read off the address bar cannot be exchanged by anyone else.
 */

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** 256 random bits, URL-safe. */
export function randomState(): string {
  return base64url(randomBytes(32));
}

export interface PkcePair {
  /** 43 URL-safe characters: what the token exchange sends. */
  verifier: string;
  /** BASE64URL(SHA256(verifier)): what the consent page gets. */
  challenge: string;
}

export function pkcePair(): PkcePair {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: pkceChallenge(verifier) };
}

export function pkceChallenge(verifier: string): string {
  return base64url(createHash('sha256').update(verifier, 'ascii').digest());
}
