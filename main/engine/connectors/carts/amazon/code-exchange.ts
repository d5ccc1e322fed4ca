import { DockhandError } from '../../../../../shared/errors.js';
import type { AuthorizationCodeGrant } from '../../../../../shared/platforms/oauth-grant.js';
import type { AmazonSettings } from '../../../../../shared/schemas/amazon.js';
import type { CartContext } from '../cart-connector.js';
import { amazonEndpoints } from './endpoints.js';
import { requestLwaToken } from './lwa-token.js';

/**
 * The consent page's landing (spapi_oauth_code, selling_partner_id) -> the grant's credentials: LWA's
 * authorization_code grant gives the refresh token; the seller id comes from the landing address.
 */
export async function exchangeAmazonCode(
  ctx: Pick<CartContext, 'clock' | 'log' | 'signal'>,
  settings: AmazonSettings,
  app: Record<string, string>,
  grant: AuthorizationCodeGrant,
): Promise<Record<string, string>> {
  const endpoints = amazonEndpoints(settings);
  if (!app.clientId || !app.clientSecret) {
    throw new DockhandError('config', `${endpoints.label}: enter the app's LWA client identifier and client secret before connecting`);
  }
  const reply = await requestLwaToken(
    { tokenUrl: endpoints.token, clientId: app.clientId, clientSecret: app.clientSecret, http: { clock: ctx.clock, signal: ctx.signal }, label: endpoints.label },
    { grant_type: 'authorization_code', code: grant.code, ...(grant.redirectUri ? { redirect_uri: grant.redirectUri } : {}) },
  );
  if (!reply.refresh_token) throw new DockhandError('transient', `${endpoints.label}: Login with Amazon gave no refresh token for the authorization code`);
  const seller = grant.params.selling_partner_id?.trim();
  return { refreshToken: reply.refresh_token, ...(seller ? { sellingPartnerId: seller } : {}) };
}
