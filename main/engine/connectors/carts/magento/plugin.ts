import { magentoPlatform, type MagentoCredentials, type MagentoSettings } from '../../../../../shared/platforms/magento.js';
import type { CartPlugin } from '../cart-connector.js';
import { pluginBasics } from '../plugin-basics.js';
import { createMagentoConnector } from './connector.js';
import { checkEditedMagentoCursor } from './download-cursor.js';

/** Magento 2 / Adobe Commerce as a cart platform: the descriptor's basics plus how to connect. */
export const magentoPlugin: CartPlugin<MagentoSettings, MagentoCredentials> = {
  ...pluginBasics<MagentoSettings, MagentoCredentials>(magentoPlatform),
  create: (ctx, settings, credentials) => createMagentoConnector(ctx, settings, credentials),
  parseCursor: checkEditedMagentoCursor,
};
