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
import type { SetupStep } from './setup-steps.js';

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
  /** Saved file formats this merchant uses instead of the warehouse's; a kind absent: the warehouse's. */
  fileFormats: import('./schemas/file-format.js').FormatIds;
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
  capabilities: { shipments: boolean; inventory: boolean; tracking: 'per_order' | 'per_line' };
  /** The cart's own names for the warehouse's carriers, over the platform's (shared/carrier-mapping.ts). */
  carrierNames: Record<string, string>;
  syncCursor: string | null;
  /** Every saved sync position of the cart, by stream ('orders' is syncCursor; marketplaces keep others). */
  syncPositions: { stream: string; position: string; updatedAt: string }[];
  authError: string | null;
  /** What a person should change in settings that still work (a retired Shopify API version). */
  notices: string[];
  createdAt: string;
  updatedAt: string;
  /**
   * Its platform connects through a consent page and the account is not connected yet (the grant is
   * not saved): its jobs wait, nothing fails, until the person presses Connect.
   */
  awaitsConnection: boolean;
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
  /** FTPS: the certificate the server showed, when the system does not trust it or it is not the accepted one. */
  certificate?: ServerCertificateView;
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
  /** The merchant's name, and the cart connection's (of a removed cart: "cart <id>"). */
  merchantName: string;
  cartName: string;
  /** How many things the cart could not give about the order (its `gaps`); 0 for a complete order. */
  gaps: number;
}

export interface ShipmentView {
  id: number;
  trackingNumber: string;
  carrier: string;
  service: string | null;
  trackingUrl: string | null;
  shipDate: string;
  items: { sku: string; quantity: number }[];
  /**
   * submitted: the cart took the request and processes it later (checked on the next uploads).
   * 'kept': a package with no lines of its own, on the order only (not sent to the cart; `error` says why
   * when the cart refused it). Where the cart can add it to the shipment of the order's lines, it goes
   * there and is 'uploaded'.
   */
  status: 'pending' | 'submitted' | 'uploaded' | 'error' | 'kept';
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

/** Who stopped a paused job: a person (Pause), or a failure only a person can fix (credentials, settings). */
export type PausedBy = 'person' | 'auth' | 'config';

export interface JobPause {
  by: PausedBy;
  /** What stopped it, in words a person acts on (the failure's message, or that a person paused it). */
  reason: string;
}

/** How far a running run has got: `done` of `total` items (total unknown while a download pages). */
export interface JobProgress {
  done: number;
  total: number | null;
}

/**
 * What a job is doing, always exactly one of these, each with what a person needs to see. Computed in
 * one place (main/engine/scheduler/job-state.ts), so a job can never be "not paused and never runs".
 * - scheduled: it runs on its own at `nextRunAt`.
 * - running: a run is going (scheduled, retried or Run now).
 * - retrying: the last run failed for a reason that may pass (network, 5xx, rate limit); it runs again
 *   at `retryAt`, attempt `attempt` counting the first run.
 * - paused: it does not run on its own until a person resumes it (or fixes the settings, when a
 *   failure paused it); Run now still works.
 * - off: its frequency is Off; it runs only on Run now.
 * - waiting: it cannot run yet because what it needs is not set up (a merchant's warehouse jobs before
 *   a WMS is saved; a marketplace cart's jobs before its account is connected through the consent
 *   page). Derived, never saved: it starts on its own once the WMS is saved or the grant is.
 */
export type JobState =
  | { state: 'scheduled'; nextRunAt: string }
  | { state: 'running'; startedAt: string; trigger: string; progress: JobProgress | null }
  | { state: 'retrying'; retryAt: string; attempt: number; lastError: string }
  | ({ state: 'paused' } & JobPause)
  | { state: 'off' }
  | { state: 'waiting'; for: 'wms' | 'connection'; reason: string };

export type JobStateName = JobState['state'];

/** One scheduled job (a service for a cart connection or a merchant) with its state. */
export type JobView = {
  service: ServiceName;
  targetId: number;
  targetName: string;
  minutes: number | null;
  lastRunAt: string | null;
  lastStatus: RunStatus | null;
} & JobState;

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
      /** waiting: a marketplace cart not connected yet (CartView.awaitsConnection). */
      health: 'ok' | 'failing' | 'paused' | 'idle' | 'waiting';
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

/** Charts of the Dashboard over the last days (UTC days, oldest first). */
export interface DashboardChartsView {
  days: string[];
  merchants: { id: number; name: string }[];
  /** Orders per day ordered: `byMerchant` keyed by merchant id. */
  ordersPerDay: { day: string; byMerchant: Record<string, number>; total: number }[];
  /** Orders shipped in the period by how long they took from order to shipped, shortest span first. */
  shipTime: { label: string; n: number }[];
  /** The span by which half of those orders had shipped; null when none shipped in the period. */
  shipTimeMedian: string | null;
  /** At the end of each day, the orders waiting on Dockhand (to send), the warehouse, the cart (tracking) or a person. */
  waiting: { day: string; dockhand: number; warehouse: number; cart: number; person: number }[];
}

/** The "Set up myself" checklist (shared/setup-steps.ts). */
export interface SetupProgressView {
  /** Begun with "Set up myself", not dismissed and not yet done: the Dashboard shows it. */
  show: boolean;
  steps: { step: SetupStep; done: boolean; link: string }[];
  done: boolean;
}

/**
 * A server certificate a Test found untrusted, for the user to look at and accept (pin). `sha256` is
 * the fingerprint as browsers show it (colon hex); `pinnedSha256` is the accepted one it differs from.
 */
export interface ServerCertificateView {
  sha256: string;
  subject: string;
  issuer: string;
  /** ISO dates. */
  validFrom: string;
  validTo: string;
  selfSigned: boolean;
  /** Why the system does not trust it, in words ("self-signed", "issued for another host name"). */
  problem: string;
  pinnedSha256?: string;
  /** Which of a transport's two servers showed it (e-mail: SMTP or IMAP); absent where there is one server. */
  connection?: 'smtp' | 'imap';
}

/** The outgoing mail (SMTP) setting (shared/schemas/mail.ts); the password is never returned. */
export interface MailView {
  configured: boolean;
  settings: import('./schemas/mail.js').MailSettings | null;
  hasPassword: boolean;
}

/** What happened to one open alert's e-mail (main/engine/mail). */
export type AlertMailState =
  | { state: 'queued'; to: string[]; sendsAt: string }
  | { state: 'sent'; to: string[]; sentAt: string }
  | { state: 'failing'; to: string[]; attempts: number; reason: string; nextTryAt: string }
  | { state: 'not_mailed'; reason: string };

/** A digest that has not gone out yet after failing at least once. */
export interface MailDeliveryView {
  id: number;
  to: string[];
  /** Whose alerts: a merchant's name, or "the account". */
  about: string;
  attempts: number;
  reason: string;
  nextTryAt: string;
  alerts: number;
}

export interface MailStatusView {
  configured: boolean;
  /** Keyed by alert id. */
  alerts: Record<string, AlertMailState>;
  failing: MailDeliveryView[];
}

/** Who uses a saved file format: the WMS setup (the warehouse's choice) and merchants that override it. */
export interface FileFormatUsage {
  wms: boolean;
  merchants: { id: number; name: string }[];
}

/** A saved file format in lists (formats.list). */
export interface FileFormatSummary {
  id: number;
  kind: import('./schemas/file-format.js').FormatKind;
  name: string;
  /** The preset it was copied from, if any. */
  preset: string | null;
  createdAt: string;
  updatedAt: string;
  usedBy: FileFormatUsage;
}

/** One saved file format with its profile (formats.get, formats.save, formats.copy). */
export interface FileFormatView extends FileFormatSummary {
  profile: import('./schemas/file-format.js').AnyFormatProfile;
}

/** A read-only preset (formats.presets); "Use this preset" copies it (formats.copy). */
export interface FormatPresetView {
  key: string;
  kind: import('./schemas/file-format.js').FormatKind;
  name: string;
  description: string;
  profile: import('./schemas/file-format.js').AnyFormatProfile;
}

/** formats.export: the JSON text of a formats file, and a name to save it under. */
export interface FormatsExportView {
  fileName: string;
  text: string;
  count: number;
}

/** formats.import: every format imported, or none with each refusal and why. */
export interface FormatsImportView {
  imported: FileFormatSummary[];
  refused: { index: number; kind: string | null; name: string | null; reasons: string[] }[];
  /** Imported under another name because the name was taken: "Orders" became "Orders (2)". */
  renamed: { from: string; to: string }[];
}
/** A file Dockhand sent or picked up, kept for 30 days (the Files screen). */
export interface KeptFileView {
  id: number;
  merchantId: number | null;
  /** The merchant's name, or null for a file of no merchant (or of one deleted since). */
  merchantName: string | null;
  cartId: number | null;
  direction: 'sent' | 'received';
  kind: 'order' | 'confirmation' | 'inventory' | 'order_source';
  /** Where the file was at the WMS or source. */
  remotePath: string;
  name: string;
  size: number;
  /** Orders written (a sent order file) or rows read (a received file). */
  rows: number;
  errors: number;
  createdAt: string;
}

export interface KeptFileDetailView extends KeptFileView {
  /** The first bad lines in words, one a line ("Line 4: ..."); empty when there were none. */
  firstErrors: string[];
  sha256: string;
  /** False once the copy is gone (swept, or removed from the disk by hand). */
  available: boolean;
}

/** A kept file's text for viewing and download, bounded. */
export type KeptFileContentView =
  | { viewable: true; name: string; text: string; truncated: boolean; size: number }
  | { viewable: false; name: string; reason: string; size: number };

/** One problem of a previewed file, where it is: its 1-based line, and the column when it is known. */
export interface FormatPreviewProblem {
  line: number;
  column?: string;
  reason: string;
}

/**
 * formats.preview: the file as the draft format makes or reads it. For an order format, `text` is the
 * order file the latest orders make (cut at a size bound, `truncated`), `rows` its cells; for an inbound
 * format, `rows` are the sample's rows as read (`line` each) and `problems` what the readers refused.
 */
export interface FormatPreviewView {
  kind: import('./schemas/file-format.js').FormatKind;
  header: string[] | null;
  rows: { line: number; cells: string[] }[];
  problems: FormatPreviewProblem[];
  text: string;
  truncated: boolean;
  /** Order formats: the orders used, and those the format could not write (with why). */
  orders?: { used: number; rejected: { cartOrderId: string; reason: string }[] };
  /** Inbound formats: how many rows were read whole (the rest are in problems). */
  goodRows?: number;
}

/** formats.sniff: what a sample file says about its layout, with its columns and sample values. */
export interface FormatSampleView {
  delimiter: ',' | ';' | '\t' | '|';
  headerRow: boolean;
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le';
  lineEnding: 'crlf' | 'lf' | 'cr';
  columns: { header: string; position: number; samples: string[] }[];
  rows: number;
}

/**
 * A platform's consent grant as the screens need it (shared/platforms/oauth-grant.ts): which credential
 * fields the person types from their app, which the grant fills, and where the app is registered.
 */
export interface CartPlatformOAuthView {
  appFields: string[];
  grantFields: string[];
  pkce: boolean;
  appHelp: string;
}

/** How the account of a cart whose platform connects through a consent page stands (consent.* methods). */
export interface ConsentStatusView {
  cartId: number;
  /**
   * not_connected: the grant's credentials are not saved; connected: they are; needs_reconnect: a run
   * was refused with them (authError says how), so the cart's schedules wait for a new grant.
   */
  connection: 'not_connected' | 'connected' | 'needs_reconnect';
  authError: string | null;
  /** The last consent flow of this cart, or null when none was started (or it was cancelled). */
  flow: ConsentFlowView | null;
}

export interface ConsentFlowView {
  /** pending: waiting for the landing address; connected: the grant was saved; failed: see reason. */
  status: 'pending' | 'connected' | 'failed';
  /** A setup link for the merchant (waits 7 days) rather than a consent opened here (10 minutes). */
  shared: boolean;
  /** Why it failed, in words; null unless failed. */
  reason: string | null;
  startedAt: string;
  expiresAt: string;
  finishedAt: string | null;
  /** While pending: the consent page to open (or to send to the merchant). */
  consentUrl: string | null;
  /** While pending: the redirect_uri sent, where the browser will land. */
  redirectUri: string | null;
  /** While pending: whether Dockhand itself receives the landing (a loopback address it listens on). */
  listening: boolean;
  /** Why Dockhand does not listen although the redirect is a loopback address (its port is taken). */
  listenProblem: string | null;
}
