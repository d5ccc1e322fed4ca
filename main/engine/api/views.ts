import type { CartView, MerchantView } from '../../../shared/api-types.js';
import { CART_SERVICES, MERCHANT_SERVICES } from '../../../shared/domain.js';
import { DockhandError } from '../../../shared/errors.js';
import { cartNotices } from '../cart-notices.js';
import { cartPlatform } from '../../../shared/platforms/index.js';
import { getCarrierNames } from '../store/repositories/cart-carrier-names-repo.js';
import { listSyncPositions } from '../store/repositories/sync-positions-repo.js';
import { getMerchantFormatIds } from '../store/repositories/file-formats-repo.js';
import { getCart, type CartRow } from '../store/repositories/carts-repo.js';
import { getMerchant, type MerchantRow } from '../store/repositories/merchants-repo.js';
import { getSchedule } from '../store/repositories/schedules-repo.js';
import type { ConnectorSource } from '../services/run-context.js';
import type { SqlReader } from '../store/sql.js';

/** Row -> API view, with schedules; never carries secrets. */

export function merchantView(db: SqlReader, m: MerchantRow): MerchantView {
  const schedules = Object.fromEntries(
    MERCHANT_SERVICES.map((s) => [s, getSchedule(db, s, m.id)?.minutes ?? null]),
  ) as MerchantView['schedules'];
  return { ...m, schedules, fileFormats: getMerchantFormatIds(db, m.id) };
}

/** `connectors` tells whether the cart waits to be connected (only the names of its saved fields are read). */
export function cartView(db: SqlReader, c: CartRow, connectors: Pick<ConnectorSource, 'awaitsConnection'>): CartView {
  const schedules = Object.fromEntries(CART_SERVICES.map((s) => [s, getSchedule(db, s, c.id)?.minutes ?? null])) as CartView['schedules'];
  return {
    id: c.id,
    merchantId: c.merchantId,
    platform: c.platform,
    name: c.name,
    orderSource: c.orderSource,
    settings: c.settings,
    hasCredentials: c.credentialsSealed !== null,
    earliestOrderDate: c.earliestOrderDate,
    rejectUnmappedShipCodes: c.rejectUnmapped,
    minInventoryLevel: c.minInventoryLevel,
    schedules,
    capabilities: cartPlatform(c.platform)?.capabilities ?? { shipments: false, inventory: false, tracking: 'per_line' },
    carrierNames: getCarrierNames(db, c.id),
    syncPositions: listSyncPositions(db, c.id),
    syncCursor: c.syncCursor,
    authError: c.authError,
    notices: cartNotices(c),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    awaitsConnection: connectors.awaitsConnection?.(c) ?? false,
  };
}

export function requireMerchant(db: SqlReader, id: number): MerchantRow {
  const m = getMerchant(db, id);
  if (!m) throw new DockhandError('not_found', `Merchant ${id} does not exist`);
  return m;
}

export function requireCart(db: SqlReader, id: number): CartRow {
  const c = getCart(db, id);
  if (!c) throw new DockhandError('not_found', `Cart connection ${id} does not exist`);
  return c;
}
