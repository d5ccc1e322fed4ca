import { DockhandError } from '../../../../../shared/errors.js';
import type { AuthorizationCodeGrant } from '../../../../../shared/platforms/oauth-grant.js';
import { etsyApiOrigin, type EtsySettings } from '../../../../../shared/schemas/etsy.js';
import type { CartContext } from '../cart-connector.js';
import { staticTokenSource } from '../kit/token-source.js';
import { etsyAppLimiter } from './app-limiter.js';
import { etsyApiKey, etsyLabel } from './connector.js';
import { EtsyClient } from './rest-client.js';
import { findGrantShop } from './shop-lookup.js';
import { exchangeCode } from './token-endpoint.js';

/**
 * The consent flow's code -> the grant's credentials: the code and its PKCE verifier exchanged at the
 * token endpoint, then the shop the account owns looked up with the new access token, so the cart
 * knows its shop from the start. Returns the refresh token, the shop id and name; the flow saves them.
 */
export async function exchangeEtsyCode(
  ctx: Pick<CartContext, 'clock' | 'log' | 'signal'>,
  settings: EtsySettings,
  app: Record<string, string>,
  grant: AuthorizationCodeGrant,
): Promise<Record<string, string>> {
  const keystring = (app.keystring ?? '').trim();
  if (keystring === '') {
    throw new DockhandError('config', "Enter the Etsy app's keystring before connecting", { fields: { 'credentials.keystring': 'Enter the keystring' } });
  }
  if (!grant.codeVerifier) throw new DockhandError('internal', 'Etsy needs the PKCE verifier of the consent page it was opened with');
  const origin = etsyApiOrigin(settings);
  const http = { clock: ctx.clock, signal: ctx.signal };
  const label = etsyLabel(origin);
  const reply = await exchangeCode({ origin, http, label }, { keystring, redirectUri: grant.redirectUri, code: grant.code, codeVerifier: grant.codeVerifier });
  const sharedSecret = app.sharedSecret?.trim() ? app.sharedSecret.trim() : undefined;
  const client = new EtsyClient({
    origin,
    apiKey: etsyApiKey({ keystring, sharedSecret }),
    tokens: staticTokenSource(reply.access_token),
    limiter: etsyAppLimiter(origin, keystring),
    http,
    label,
  });
  const shop = await findGrantShop(client, reply.refresh_token);
  return { refreshToken: reply.refresh_token, shopId: shop.shopId, ...(shop.shopName ? { shopName: shop.shopName } : {}) };
}
