import { ebayPlatform } from '../../../../../shared/platforms/ebay.js';
import { ebayCredentialsSchema, ebayGrantNotice, ebayHosts, type EbayCredentials, type EbaySettings } from '../../../../../shared/schemas/ebay.js';
import { DockhandError } from '../../../../../shared/errors.js';
import type { CartPlugin } from '../cart-connector.js';
import { editedWindowPositionCheck } from '../kit/edited-window-position.js';
import { pluginBasics } from '../plugin-basics.js';
import { createEbayConnector } from './connector.js';
import { exchangeEbayCode, tokenUrlOf } from './token.js';

/** eBay as a cart platform: the descriptor's basics, how to connect, and the consent's code exchange. */
export const ebayPlugin: CartPlugin<EbaySettings, EbayCredentials> = {
  ...pluginBasics<EbaySettings, EbayCredentials>(ebayPlatform),
  create: (ctx, settings, credentials) => createEbayConnector(ctx, settings, credentials),
  parseCursor: editedWindowPositionCheck('eBay'),
  exchangeAuthorizationCode: async (ctx, settings, app, grant) => {
    const { clientId, clientSecret } = ebayCredentialsSchema.parse(app);
    if (!clientId || !clientSecret) {
      throw new DockhandError('config', "eBay: enter the developer app's Client ID and Client Secret before connecting", {
        fields: { ...(clientId ? {} : { 'credentials.clientId': 'Enter the Client ID' }), ...(clientSecret ? {} : { 'credentials.clientSecret': 'Enter the Client Secret' }) },
      });
    }
    const http = { clock: ctx.clock, signal: ctx.signal };
    return exchangeEbayCode(http, { tokenUrl: tokenUrlOf(ebayHosts(settings).api), clientId, clientSecret }, grant.code, grant.redirectUri);
  },
  grantNotices: (credentials, nowIso) => [ebayGrantNotice(credentials.refreshTokenExpiresAt, nowIso)].filter((n): n is string => n !== undefined),
};
