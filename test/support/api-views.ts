import type { AlertView, CartView, JobState, JobView, MerchantView } from '../../shared/api-types.js';

/** API views as the screens receive them, with plain defaults a test overrides where it matters. */

type JobFields = Pick<JobView, 'service' | 'targetId'> & Partial<Pick<JobView, 'targetName' | 'minutes' | 'lastRunAt' | 'lastStatus'>>;

/** A job as schedules.list gives it; its state defaults to scheduled (off when its minutes are null). */
export function jobView(fields: JobFields, state?: JobState): JobView {
  const minutes = fields.minutes === undefined ? 15 : fields.minutes;
  const fallback: JobState = minutes === null ? { state: 'off' } : { state: 'scheduled', nextRunAt: '2026-03-01T10:30:00.000Z' };
  return {
    targetName: `Target ${fields.targetId}`,
    lastRunAt: null,
    lastStatus: null,
    ...fields,
    minutes,
    ...(state ?? fallback),
  };
}

export function merchantView(overrides: Partial<MerchantView> = {}): MerchantView {
  return {
    id: 1,
    name: 'Acme Outdoor',
    code: 'ACME',
    folders: null,
    errorContacts: [],
    schedules: { order_delivery: 15, shipment_pickup: 30, inventory_pickup: 60 },
    partialShipments: 'as_shipped',
    fileFormats: {},
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}

export function cartView(overrides: Partial<CartView> = {}): CartView {
  return {
    id: 7,
    merchantId: 1,
    platform: 'demo',
    name: 'Acme web shop',
    orderSource: 'Acme web shop',
    settings: { ordersPerRun: 5, seed: 1 },
    hasCredentials: false,
    earliestOrderDate: '2026-02-22T00:00:00.000Z',
    rejectUnmappedShipCodes: false,
    minInventoryLevel: 0,
    schedules: { order_download: 15, shipment_upload: 30, inventory_upload: 60 },
    capabilities: { shipments: true, inventory: true, tracking: 'per_line' },
    carrierNames: {},
    syncPositions: [],
    syncCursor: null,
    authError: null,
    notices: [],
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    awaitsConnection: false,
    ...overrides,
  };
}

export function alertView(overrides: Partial<AlertView> = {}): AlertView {
  return {
    id: 1,
    key: 'test-alert',
    severity: 'error',
    targetType: null,
    targetId: null,
    message: 'Something needs a person',
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}
