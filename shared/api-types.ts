import type {
  AccountMode,
  CanonicalOrder,
  HealthBucket,
  OrderStatus,
  PartialShipmentMode,
  ServiceName,
  ShipMethod,
} from './domain.js';
import type { WmsSettings } from './schemas/wms.js';

/** What the API returns. Secrets never appear here: only whether they are set. */

export interface AccountView {
  configured: boolean;
  mode: AccountMode | null;
}

export interface MerchantView {
  id: number;
  name: string;
  code: string;
  folders: { orders?: string; confirmations?: string; inventory?: string } | null;
  errorContacts: string[];
  schedules: Record<'order_delivery' | 'shipment_pickup' | 'inventory_pickup', number | null>;
  partialShipments: PartialShipmentMode;
  createdAt: string;
  updatedAt: string;
}

export interface CartView {
  id: number;
  merchantId: number;
  platform: string;
  name: string;
  orderSource: string;
  settings: Record<string, unknown>;
  hasCredentials: boolean;
  earliestOrderDate: string;
  rejectUnmappedShipCodes: boolean;
  minInventoryLevel: number;
  schedules: Record<'order_download' | 'shipment_upload' | 'inventory_upload', number | null>;
  capabilities: { shipments: boolean; inventory: boolean };
  syncCursor: string | null;
  authError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WmsView {
  configured: boolean;
  settings: WmsSettings | null;
  hasPassword: boolean;
}

export interface TestResultView {
  ok: boolean;
  message: string;
  details?: Record<string, string | string[]>;
  missingScopes?: string[];
}

export interface OrderSummaryView {
  id: number;
  cartId: number;
  merchantId: number;
  orderNumber: string;
  status: OrderStatus;
  statusReason: string | null;
  shipCode: string;
  mappedShipCode: string | null;
  orderDate: string;
  total: string;
  currency: string;
  shipToName: string;
  changedAfterDelivery: boolean;
  failedSends: number;
  atWmsAt: string | null;
  updatedAt: string;
}

export interface ShipmentView {
  id: number;
  trackingNumber: string;
  carrier: string;
  service: string | null;
  trackingUrl: string | null;
  shipDate: string;
  items: { sku: string; quantity: number }[];
  status: 'pending' | 'uploaded' | 'error';
  error: string | null;
  remoteId: string | null;
  uploadedAt: string | null;
}

export interface OrderHistoryEntry {
  at: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  note: string | null;
}

export interface OrderDetailView extends OrderSummaryView {
  cartOrderId: string;
  batchId: string | null;
  order: CanonicalOrder;
  /** Units shipped per line, by the line's cart line id (every line listed, 0 when none shipped). */
  shippedQuantities: Record<string, number>;
  /** When a person gave up the units the warehouse had not shipped (Cancel the rest); null otherwise. */
  restCanceledAt: string | null;
  shipments: ShipmentView[];
  history: OrderHistoryEntry[];
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export type RunStatus = 'running' | 'ok' | 'partial' | 'failed';

export interface RunView {
  id: number;
  service: ServiceName;
  targetId: number;
  trigger: string;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, number>;
  errors: { message: string; where?: string }[];
  message: string | null;
  progress: number | null;
}

export interface JobView {
  service: ServiceName;
  targetId: number;
  targetName: string;
  minutes: number | null;
  paused: boolean;
  pauseReason: string | null;
  running: boolean;
  nextRunAt: string | null;
  lastRunAt: string | null;
  lastStatus: RunStatus | null;
}

export interface AlertView {
  id: number;
  key: string;
  severity: 'info' | 'warning' | 'error';
  targetType: string | null;
  targetId: number | null;
  message: string;
  createdAt: string;
  updatedAt: string;
}

export interface ShipCodeMappingView {
  cartId: number;
  cartCode: string;
  wmsCode: string | null;
  firstSeenAt: string;
  heldOrders: number;
}

export interface DashboardView {
  totals: Record<HealthBucket, number> & { total: number };
  byStatus: Partial<Record<OrderStatus, number>>;
  merchants: {
    id: number;
    name: string;
    carts: {
      id: number;
      name: string;
      platform: string;
      health: 'ok' | 'failing' | 'paused' | 'idle';
      lastRun: RunView | null;
      /** This cart's orders by health bucket (the carts' buckets add up to the merchant's). */
      buckets: Record<HealthBucket, number>;
    }[];
    buckets: Record<HealthBucket, number>;
  }[];
  openAlerts: number;
}

export type { ShipMethod };

export interface StoreDiagnosticsView {
  sizeBytes: number;
  commits: number;
  commitP50Ms: number | null;
  commitP99Ms: number | null;
  journalBytes: number;
  snapshots: number;
  lastSnapshotMs: number | null;
  /** Per-commit samples (most recent), only when asked for: the benchmark compares them to bare fsyncs. */
  samples?: { commitMs: number[]; commitBytes: number[] };
}
