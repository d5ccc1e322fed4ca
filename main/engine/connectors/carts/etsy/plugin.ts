import { etsyPlatform } from '../../../../../shared/platforms/etsy.js';
import type { EtsyCredentials, EtsySettings } from '../../../../../shared/schemas/etsy.js';
import type { CartPlugin } from '../cart-connector.js';
import { editedWindowPositionCheck } from '../kit/edited-window-position.js';
import { pluginBasics } from '../plugin-basics.js';
import { exchangeEtsyCode } from './code-exchange.js';
import { createEtsyConnector } from './connector.js';

/** Etsy as a cart platform: the descriptor's basics plus how to connect and how the grant is had. */
export const etsyPlugin: CartPlugin<EtsySettings, EtsyCredentials> = {
  ...pluginBasics<EtsySettings, EtsyCredentials>(etsyPlatform),
  create: (ctx, settings, credentials) => createEtsyConnector(ctx, settings, credentials),
  // The position is the kit's window on the receipts' last-modified time.
  parseCursor: editedWindowPositionCheck('Etsy'),
  exchangeAuthorizationCode: exchangeEtsyCode,
};
