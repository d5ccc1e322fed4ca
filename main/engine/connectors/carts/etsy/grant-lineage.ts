import { createHash } from 'node:crypto';

/**
 * The refresh tokens of one grant, for the whole process. Etsy rotates the refresh token on every use
 * and the old one stops working, so every connector of a cart must refresh with the NEWEST token, even
 * one built (by a run that started meanwhile, or from credentials read before the rotation was saved)
 * with an older one of the same grant. A token that belongs to no known lineage (a person connected
 * again) starts a lineage of its own, with its own access-token cache entry.
 */
export interface GrantLineage {
  /** Stable for the grant's whole life: names its access-token cache entry. Never the token itself. */
  readonly id: string;
  /** The refresh token to use next. */
  current: string;
}

/** Lineages by a digest of each refresh token they ever held (tokens themselves are not keys). */
const byToken = new Map<string, GrantLineage>();

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The lineage a refresh token belongs to (the newest token of its grant is `current`). */
export function grantLineage(refreshToken: string): GrantLineage {
  const key = digest(refreshToken);
  let lineage = byToken.get(key);
  if (!lineage) {
    lineage = { id: key.slice(0, 16), current: refreshToken };
    byToken.set(key, lineage);
  }
  return lineage;
}

/** Etsy answered a refresh with `next`: the lineage continues with it. */
export function rotateGrant(lineage: GrantLineage, next: string): void {
  lineage.current = next;
  byToken.set(digest(next), lineage);
}

/** Forgets every lineage (tests). */
export function clearGrantLineages(): void {
  byToken.clear();
}

/** Etsy's tokens start with the user id they belong to: "12345678.abc..." -> "12345678". */
export function userIdOfToken(token: string): string | undefined {
  const m = /^(\d+)\./.exec(token);
  return m ? m[1] : undefined;
}
