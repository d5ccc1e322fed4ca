import { csvPlatform, type CsvCartCredentials, type CsvCartSettings } from '../../../../../shared/platforms/csv.js';
import type { CartPlugin } from '../cart-connector.js';
import { pluginBasics } from '../plugin-basics.js';
import { createCsvCartConnector } from './connector.js';
import { checkEditedCsvPosition } from './position-edit.js';

/** CSV order files (issue 10): a merchant whose orders arrive as files, read by its column mapping. */
export const csvPlugin: CartPlugin<CsvCartSettings, CsvCartCredentials> = {
  ...pluginBasics<CsvCartSettings, CsvCartCredentials>(csvPlatform),
  create: (ctx, settings, credentials) => createCsvCartConnector(ctx, settings, credentials),
  parseCursor: checkEditedCsvPosition,
};

export { createCsvCartConnector } from './connector.js';
