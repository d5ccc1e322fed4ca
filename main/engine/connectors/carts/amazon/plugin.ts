import { amazonPlatform } from '../../../../../shared/platforms/amazon.js';
import type { AmazonCredentials, AmazonSettings } from '../../../../../shared/schemas/amazon.js';
import type { CartPlugin } from '../cart-connector.js';
import { editedWindowPositionCheck } from '../kit/edited-window-position.js';
import { pluginBasics } from '../plugin-basics.js';
import { exchangeAmazonCode } from './code-exchange.js';
import { createAmazonConnector } from './connector.js';

/** Amazon (SP-API) as a cart platform: the descriptor's basics plus how to connect. */
export const amazonPlugin: CartPlugin<AmazonSettings, AmazonCredentials> = {
  ...pluginBasics<AmazonSettings, AmazonCredentials>(amazonPlatform),
  create: (ctx, settings, credentials) => createAmazonConnector(ctx, settings, credentials),
  // The position is the kit's window on LastUpdateDate.
  parseCursor: editedWindowPositionCheck('Amazon'),
  exchangeAuthorizationCode: exchangeAmazonCode,
};
