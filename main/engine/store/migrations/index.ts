import { initialSchema } from './001-initial-schema.js';
import { batchSendAttempts } from './002-batch-send-attempts.js';
import { settingsTable } from './003-settings.js';
import { orderSearch } from './004-order-search.js';
import { shipmentProgress } from './005-shipment-progress.js';
import { schedulePausedBy } from './006-schedule-paused-by.js';
import { batchSendStage } from './007-batch-send-stage.js';
import { dashboardTallies } from './008-dashboard-tallies.js';
import { ordersListSpeed } from './009-orders-list-speed.js';
import { talliesWithoutTriggers } from './010-tallies-without-triggers.js';
import { syncStreamsAndSubmittedShipments } from './011-sync-streams-and-submitted-shipments.js';
import { cartCarrierNames } from './012-cart-carrier-names.js';
import { fileFormats } from './013-file-formats.js';
import { alertMail } from './014-alert-mail.js';
import { keptFiles } from './015-kept-files.js';
import { untrackedPackagesAndFileNameSearch } from './018-untracked-packages-and-file-name-search.js';
import { consentFlows } from './019-consent-flows.js';
import { orderPayloads } from './020-order-payloads.js';

/** Every migration, in order. Add a file `NNN-what-it-does.ts` and a test for it, then list it here. */
export const migrations = [
  initialSchema,
  batchSendAttempts,
  settingsTable,
  orderSearch,
  shipmentProgress,
  schedulePausedBy,
  batchSendStage,
  dashboardTallies,
  ordersListSpeed,
  talliesWithoutTriggers,
  syncStreamsAndSubmittedShipments,
  cartCarrierNames,
  fileFormats,
  alertMail,
  keptFiles,
  untrackedPackagesAndFileNameSearch,
  consentFlows,
  orderPayloads,
];
