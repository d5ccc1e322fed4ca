import type { Clock } from '../../../platform/ports.js';

/**
 * Where a connector's access token comes from. A fixed token (an API key the merchant pasted) or one
 * issued by the platform that expires (Shopify's client-credentials grant, Magento's admin-token
 * exchange, OAuth refresh): the kit caches an issued token per key for every connector instance of the
 * process, renews it before it expires, and lets one refresh be in flight at a time.
 */
export interface AccessTokenSource {
  token(): Promise<string>;
  /**
   * The platform refused `refused` (HTTP 401): forget it so the next token() fetches a new one. True when a
   * new token can be had (worth one more try). Callers that got the same refusal together cause one
   * refresh: a token other than the refused one is kept.
   */
  invalidate(refused?: string): boolean;
}

export function staticTokenSource(token: string): AccessTokenSource {
  return { token: async () => token, invalidate: () => false };
}

/** What the platform issued. */
export interface IssuedToken {
  token: string;
  /** How long it lives from now; undefined when the platform does not say (defaultLifetimeMs applies). */
  lifetimeMs?: number;
}

export interface CachedTokenOptions {
  /**
   * Who shares the token: every source with this key (same platform, address and client) uses one cache
   * entry. Include what the token is issued to, never the secret itself.
   */
  key: string;
  clock: Clock;
  /** Asks the platform for a token. Throws DockhandError (auth for refused credentials); kinds are kept. */
  issue(): Promise<IssuedToken>;
  /** When the platform does not say how long a token lives. Defaults to 24 h (Shopify's). */
  defaultLifetimeMs?: number;
}

interface CachedToken {
  token: string;
  expiresAtMs: number;
  renewAtMs: number;
}

const cache = new Map<string, CachedToken>();
const inFlight = new Map<string, Promise<CachedToken>>();

/** Forgets every cached token (tests; a host that signs out). */
export function clearCachedTokens(): void {
  cache.clear();
  inFlight.clear();
}

/** Renew ahead of expiry so a long download never sends a token that dies mid-run. */
export function renewMarginMs(lifetimeMs: number): number {
  return Math.min(5 * 60_000, lifetimeMs * 0.1);
}

export function cachedTokenSource(options: CachedTokenOptions): AccessTokenSource {
  const { key, clock } = options;

  const refresh = (): Promise<CachedToken> => {
    let pending = inFlight.get(key);
    if (!pending) {
      pending = options
        .issue()
        .then((issued) => {
          const now = clock.now().getTime();
          const lifetime = issued.lifetimeMs && issued.lifetimeMs > 0 ? issued.lifetimeMs : (options.defaultLifetimeMs ?? 24 * 3600_000);
          const fresh = { token: issued.token, expiresAtMs: now + lifetime, renewAtMs: now + lifetime - renewMarginMs(lifetime) };
          // Cached here, once, rather than by each waiter: a waiter resuming after an invalidate must not
          // put a refused token back.
          if (inFlight.get(key) === pending) cache.set(key, fresh);
          return fresh;
        })
        .finally(() => {
          if (inFlight.get(key) === pending) inFlight.delete(key);
        });
      inFlight.set(key, pending);
    }
    return pending;
  };

  return {
    async token() {
      const now = clock.now().getTime();
      const cached = cache.get(key);
      if (cached && now < cached.renewAtMs) return cached.token;
      try {
        return (await refresh()).token;
      } catch (err) {
        // A renewal that failed for a passing reason (network, 5xx) keeps using the token while it lives;
        // refused credentials are reported at once.
        const still = cache.get(key);
        const kind = (err as { kind?: unknown } | undefined)?.kind;
        if (still && kind !== 'auth' && kind !== 'config' && clock.now().getTime() < still.expiresAtMs) return still.token;
        throw err;
      }
    },
    invalidate(refused) {
      const cached = cache.get(key);
      if (cached && (refused === undefined || cached.token === refused)) cache.delete(key);
      return true;
    },
  };
}
