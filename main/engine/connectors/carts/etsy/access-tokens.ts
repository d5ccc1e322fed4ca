import type { Logger } from '../../../platform/ports.js';
import type { HttpContext } from '../../../net/index.js';
import type { RotatedCredentialsPort } from '../cart-connector.js';
import { cachedTokenSource, type AccessTokenSource } from '../kit/token-source.js';
import { grantLineage, rotateGrant } from './grant-lineage.js';
import { refreshAccess } from './token-endpoint.js';

/** Etsy's access tokens live an hour (expires_in says so on every reply). */
export const ETSY_ACCESS_TOKEN_LIFETIME_MS = 3600_000;

export interface EtsyTokenOptions {
  origin: string;
  keystring: string;
  refreshToken: string;
  http: HttpContext;
  label: string;
  log: Logger;
  /** Where a rotated refresh token is saved (absent outside the engine). */
  credentials?: RotatedCredentialsPort;
}

/**
 * The grant's access tokens, cached for every run of the grant and refreshed shortly before the hour
 * runs out, one refresh at a time (the kit's token cache). Each refresh rotates the refresh token: the
 * new one becomes the lineage's current token and is saved through ctx.credentials as soon as Etsy
 * answers, before the access token is used for anything, so a crash right after never strands the
 * grant on a spent token.
 */
export function etsyAccessTokens(options: EtsyTokenOptions): AccessTokenSource {
  const lineage = grantLineage(options.refreshToken);
  return cachedTokenSource({
    key: `etsy|${options.origin}|${options.keystring}|${lineage.id}`,
    clock: options.http.clock,
    defaultLifetimeMs: ETSY_ACCESS_TOKEN_LIFETIME_MS,
    issue: async () => {
      const reply = await refreshAccess({ origin: options.origin, http: options.http, label: options.label }, { keystring: options.keystring, refreshToken: lineage.current });
      rotateGrant(lineage, reply.refresh_token);
      if (options.credentials) {
        try {
          await options.credentials.save({ refreshToken: reply.refresh_token });
        } catch (err) {
          // The run goes on with the token in memory; a person must know the saved one is spent.
          options.log.log('error', 'Could not save the refresh token Etsy rotated: the cart may need Reconnect after a restart', {
            error: err instanceof Error ? err.message : String(err),
          });
        }
      }
      return { token: reply.access_token, lifetimeMs: reply.expires_in ? reply.expires_in * 1000 : ETSY_ACCESS_TOKEN_LIFETIME_MS };
    },
  });
}
