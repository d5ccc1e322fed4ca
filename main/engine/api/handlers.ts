import { accountHandlers } from './account-handlers.js';
import { cartsHandlers } from './carts-handlers.js';
import { dashboardHandlers } from './dashboard-handlers.js';
import { demoHandlers } from './demo-handlers.js';
import { diagnosticsHandlers } from './diagnostics-handlers.js';
import { formatsHandlers } from './formats-handlers.js';
import type { Handlers } from './handler-types.js';
import { merchantsHandlers } from './merchants-handlers.js';
import { ordersHandlers } from './orders-handlers.js';
import { runsHandlers } from './runs-handlers.js';
import { schedulesHandlers } from './schedules-handlers.js';
import { setupHandlers } from './setup-handlers.js';
import { shipMethodsHandlers } from './ship-methods-handlers.js';
import { wmsHandlers } from './wms-handlers.js';
import { mailHandlers } from './mail-handlers.js';
import { filesHandlers } from './files-handlers.js';
import { formatPreviewHandlers } from './format-preview-handlers.js';
import { consentHandlers } from './consent-handlers.js';

/** Every contract method's handler; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...accountHandlers,
  ...merchantsHandlers,
  ...cartsHandlers,
  ...wmsHandlers,
  ...shipMethodsHandlers,
  ...schedulesHandlers,
  ...runsHandlers,
  ...ordersHandlers,
  ...dashboardHandlers,
  ...diagnosticsHandlers,
  ...demoHandlers,
  ...setupHandlers,
  ...mailHandlers,
  ...formatsHandlers,
  ...filesHandlers,
  ...formatPreviewHandlers,
  ...consentHandlers,
};
