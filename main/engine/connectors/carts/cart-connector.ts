import type { z } from 'zod';
import type { DockhandError } from '../../../../shared/errors.js';
import type { CanonicalOrder, CartServiceName } from '../../../../shared/domain.js';
import type { ServerCertificateView } from '../../../../shared/api-types.js';
import type { ServerIdentityWitness } from '../../transports/registry.js';
import type { Clock, Logger } from '../../platform/ports.js';
import type { SecretFields } from '../../saved-secret.js';
import type { AuthorizationCodeGrant } from '../../../../shared/platforms/oauth-grant.js';

/**
 * What every cart connector offers the services. One folder per platform exports a CartPlugin;
 * registry.ts lists them. Optional abilities (shipments, inventory) are optional methods that the
 * manifest declares and the caller checks for.
 *
 * Errors: throw DockhandError (shared/errors.ts) with a kind: auth (bad token: the service pauses the
 * schedule and alerts), transient (network/5xx, retried with backoff), rate_limited (waited out inside
 * the connector where possible), config, data (one item is bad).
 */

export interface CartContext {
  clock: Clock;
  log: Logger;
  /** Aborted when the run is cancelled or the host shuts down: stop at the next safe point. */
  signal: AbortSignal;
  /** Called with a 0..1 fraction or a count when the connector knows how far it is. */
  progress?(done: number, total?: number): void;
  /** Report that a throttle/backoff wait happened (counted by the bench and the run record). */
  onThrottle?(waitMs: number, reason: string): void;
  /**
   * Tell the person something about this run that is not an error but changes what they can expect
   * (eBay: orders older than its 90-day filter window could not be asked for). One sentence a manager
   * reads; the run's record shows it and the cart gets a warning alert. A log line alone reaches no one.
   */
  onNotice?(message: string): void;
  /**
   * The cart's sync positions of streams other than the orders download ('shipment_checks',
   * 'inventory_feeds', ...). The engine always gives it; it is absent only where a connector is built
   * outside the engine (a unit test: see memory-ports.ts).
   */
  positions?: SyncPositionPort;
  /**
   * Saves credentials the platform rotated (a new refresh token) so the next run starts from them.
   * The engine always gives it; see `positions` for where it is absent.
   */
  credentials?: RotatedCredentialsPort;
}

/**
 * A cart's sync positions, one per stream (Airbyte's per-stream state): each stream is read from where
 * it was last saved, and saving one never moves another. Stream names are lower-case words joined by
 * underscores (sync-streams.ts). The 'orders' stream moves only together with the orders of a page
 * (OrderPage.cursor), in the same transaction, so it is refused here.
 */
export interface SyncPositionPort {
  /** The saved position of `stream`, or null before its first save (or after a reset). */
  read(stream: string): Promise<string | null>;
  /**
   * Saves the positions of one or more streams (null clears one) in one write: all of them or none.
   * Resolves once it is on disk, so what a connector tells the platform after it (an acknowledgement)
   * never runs ahead of the saved position. A position that must be saved with the orders it covers
   * travels in OrderPage.positions instead.
   */
  save(positions: Record<string, string | null>): Promise<void>;
}

/**
 * Where a connector saves credentials the platform replaced (a rotated refresh token, a new access
 * token with its expiry). They are sealed exactly as the cart's saved credentials are
 * (saved-secret.ts), bound to the address these settings send them to, and never logged. The
 * connector goes on using the new values itself; the port makes them outlive the run. Save as soon as
 * the platform answers, before anything else is sent: where the old refresh token stops working on
 * use, a crash between the answer and the save would lose the grant.
 */
export interface RotatedCredentialsPort {
  /**
   * Saves `values` over the cart's current credentials (pass only the fields that changed); resolves
   * once on disk, true when saved. False when a person entered other credentials, or moved the cart to
   * another address, while this connector ran: theirs win, and these are dropped (nothing is logged
   * but the field names). Throws DockhandError kind validation when the merged credentials do not fit
   * the platform's credentials schema.
   */
  save(values: Record<string, string>): Promise<boolean>;
}

export interface ConnectionTestResult {
  ok: boolean;
  /** One sentence for the user: "Connected to Acme (Basic plan)" or what is wrong. */
  message: string;
  details?: Record<string, string | string[]>;
  /** Scopes the services need that the token lacks (named, so the user can fix the app). */
  missingScopes?: string[];
  /** A file server's certificate this computer does not trust (FTPS), for the person to check and accept. */
  certificate?: ServerCertificateView;
}

/**
 * What only a person's Test gives a connector, never a scheduled run. A cart that reaches no server with
 * an identity to confirm (every web platform) ignores it.
 */
export interface ConnectionTestOptions {
  /**
   * Lets the connector connect to a server whose identity (an SFTP host key) nobody confirmed yet, to
   * show it, and hears the identity every server showed (the handler puts it in the Test result).
   */
  identity?: ServerIdentityWitness;
}

/** A page of downloaded orders and the sync position to save with it, in the same transaction. */
export interface OrderPage {
  orders: CanonicalOrder[];
  /** Items of the page that could not be mapped: recorded, never wedging the cursor. */
  invalid: { cartOrderId?: string; orderNumber?: string; reason: string }[];
  /** The position after this page; the service persists it with the page's orders. Never moves backwards. */
  cursor: string;
  /**
   * Positions of other streams this page moves (an Amazon report id read while downloading), saved in
   * the same transaction as the page's orders and its cursor. Keys are stream names other than 'orders'.
   */
  positions?: Record<string, string | null>;
  /**
   * The file this page was read from, for a cart that reads order files (CSV): kept locally for 30 days
   * (main/engine/kept-files) once the page is saved. Optional; other carts leave it out.
   */
  file?: { name: string; remotePath?: string; content: Buffer };
}

export interface FetchOrdersOptions {
  /** The saved sync position, or null on the first run. */
  cursor: string | null;
  /** First run only: orders created before this are not downloaded. ISO UTC. */
  earliestOrderDate: string;
}

export interface ShipmentToUpload {
  cartOrderId: string;
  orderNumber: string;
  carrier: string;
  service?: string;
  /** '' when the warehouse sent none (confirmation formats may leave it out): never sent to a cart as a number. */
  trackingNumber: string;
  trackingUrl?: string;
  shipDate: string;
  items: { cartLineId: string; sku: string; quantity: number }[];
  /**
   * Dockhand's own id of the shipment: what names a package without a tracking number where a cart
   * must tell packages apart (WooCommerce's ledger notes, the CSV cart's tracking files).
   */
  packageRef?: string;
}

/**
 * What became of a shipment sent to the cart:
 * - accepted: the cart holds it (the order is Confirmed once all its shipments are accepted);
 * - submitted: the cart took the request but processes it later (an Amazon feed): recorded as submitted
 *   and checked on later runs through checkSubmittedShipments until accepted or refused;
 * - refused: the cart will not take it, for a reason in its data: that shipment fails with the reason
 *   (its order goes to Error) while the others flow. Throwing DockhandError kind data means the same.
 */
export type ShipmentOutcome = 'accepted' | 'submitted' | 'refused';

export type ShipmentUploadResult =
  | {
      outcome: 'accepted';
      /** The cart's id of the fulfillment it created, or found already created (idempotent retry). */
      remoteId: string;
      alreadyExisted: boolean;
    }
  | {
      outcome: 'submitted';
      /** The platform's reference of the request (a feed id): checkSubmittedShipments gets it back. */
      remoteId: string;
    }
  | {
      outcome: 'refused';
      /** The platform's reason, as a person reads it (shown on the shipment and its order). */
      reason: string;
    };

export type ShipmentBatchResult = { ok: ShipmentUploadResult } | { error: DockhandError };

/**
 * A package with no lines of its own (a format of one row per package whose order's lines all went out
 * under its earlier packages: a 'kept' shipment) whose tracking number joins a shipment the cart already
 * holds, so the end customer sees every box's number. Sent only once every shipment of its order that
 * carries lines was accepted, beside the latest of them.
 */
export interface TrackingToAdd extends Omit<ShipmentToUpload, 'items' | 'packageRef'> {
  /** The tracking number of the accepted shipment it joins ('' when that one went without a number). */
  joinsTrackingNumber: string;
  /** The cart's id of that shipment (its ShipmentUploadResult.remoteId: Shopify's fulfillment id). */
  joinsRemoteId: string;
}

/**
 * What became of a tracking number added to a shipment: accepted (remoteId: the cart's id of the
 * shipment now holding it; alreadyExisted when the cart held the number already, a retry after a crash)
 * or refused for a reason in its data. There is no 'submitted': a cart processing it later does not offer
 * addTracking.
 */
export type TrackingAddResult = Exclude<ShipmentUploadResult, { outcome: 'submitted' }>;

/** A shipment the cart took as 'submitted' on an earlier run, to be checked again. */
export interface SubmittedShipment extends ShipmentToUpload {
  /** The reference the cart gave when it took the request (ShipmentUploadResult.remoteId). */
  remoteId: string;
  /** When it was submitted (ISO UTC): a platform may give up on a request after some time. */
  submittedAt: string;
}

export interface InventoryPushResult {
  updated: number;
  unknownSkus: string[];
  /** Per-SKU failures that are data errors (not the whole run). */
  failed: { sku: string; reason: string }[];
}

export interface CartConnector {
  testConnection(services: CartServiceName[], options?: ConnectionTestOptions): Promise<ConnectionTestResult>;
  fetchOrders(options: FetchOrdersOptions): AsyncIterable<OrderPage>;
  /** Look one order up by its number (diagnostics and change checks). */
  fetchOrderByNumber?(orderNumber: string): Promise<CanonicalOrder | null>;
  uploadShipment?(shipment: ShipmentToUpload): Promise<ShipmentUploadResult>;
  /**
   * Many shipments in a few requests (optional; callers fall back to uploadShipment). One result per
   * shipment, in input order. A result's error of kind data is that shipment's refusal; any other kind
   * (a create whose outcome stayed unknown, a malformed reply) means the run must fail after the accepted
   * results are saved. Errors that stop the whole batch before anything was accepted are thrown.
   * Shipments of the same order may be passed together: they are applied in input order.
   */
  uploadShipments?(shipments: ShipmentToUpload[]): Promise<ShipmentBatchResult[]>;
  /**
   * Required of a connector that ever answers 'submitted'. One result per shipment, in input order:
   * 'accepted' or 'refused' once the platform processed it, 'submitted' (with the same or a new
   * reference) while it still processes it. Errors that stop every check (auth, network) are thrown:
   * the shipments stay submitted and are checked on the next run.
   */
  checkSubmittedShipments?(shipments: SubmittedShipment[]): Promise<ShipmentUploadResult[]>;
  pushInventory?(levels: { sku: string; quantity: number }[]): Promise<InventoryPushResult>;
  /**
   * Adds a package's tracking number to a shipment the cart already holds (TrackingToAdd), keeping the
   * numbers it holds. Idempotent: a number the cart already holds on the order is not added again.
   * Refuse (or throw DockhandError kind data) when the shipment is gone or will not take it; other
   * errors (auth, network) are thrown and stop the run. A cart without it keeps such packages on the
   * order only ('kept').
   */
  addTracking?(tracking: TrackingToAdd): Promise<TrackingAddResult>;
}

/**
 * How a platform ties tracking numbers to an order:
 * - per_line: each shipment names the order lines and quantities its package carries (Shopify, eBay,
 *   Amazon); an order's packages are uploaded as they ship.
 * - per_order: a tracking number applies to the whole order (Etsy's receipt shipment, WooCommerce's
 *   Shipment Tracking), and the first one marks the whole order shipped there. So the upload holds an
 *   order's shipments until the whole order has shipped (whatever the merchant's partial-shipment
 *   setting), then sends its tracking numbers one per call: a call (or a batch of uploadShipments)
 *   never carries two shipments of one order, the next goes once the previous outcome is saved. The
 *   items still travel (for platforms that note them) but split no lines.
 */
export type TrackingGranularity = 'per_line' | 'per_order';

export interface CartManifest {
  platform: string;
  displayName: string;
  /** tracking: per_line when left out (what every cart before the marketplaces does). */
  capabilities: { shipments: boolean; inventory: boolean; tracking?: TrackingGranularity };
}

/** What a connector may need to judge a sync position a person typed. */
export interface CursorCheckContext {
  /** The cart's earliest order date (ISO UTC): kept in the position where the platform needs it. */
  earliestOrderDate: string;
  /** Now (ISO UTC): a position in the future would skip every order until then. */
  now: string;
}

export interface CartPlugin<Settings = unknown, Credentials = unknown> {
  manifest: CartManifest;
  settingsSchema: z.ZodType<Settings>;
  credentialsSchema: z.ZodType<Credentials>;
  create(ctx: CartContext, settings: Settings, credentials: Credentials): CartConnector;
  /**
   * Where these settings send the credentials, as a person reads it ("https://acme.myshopify.com").
   * Saved credentials go only to the address they were saved for (main/engine/saved-secret.ts), and
   * are not kept at all where this is null: a platform without credentials returns null.
   */
  secretAddress(settings: Settings): string | null;
  /** The credentials these settings need, each with how a person names it. */
  requiredCredentials?(settings: Settings): SecretFields;
  /**
   * What a person should change in saved settings that still work (a Shopify API version retired since
   * it was saved, called through its successor meanwhile): shown on the cart screen and kept as an alert
   * until the settings are saved without it.
   */
  settingsNotices?(settings: Settings): string[];
  /**
   * Diagnostics: checks a sync position a person typed and returns the value to save, in the form the
   * connector writes itself. Throws DockhandError kind validation saying what is wrong, so a typo never
   * reaches (and wedges) the next download. Platforms without it save the text as typed.
   */
  parseCursor?(text: string, context: CursorCheckContext): string;
  /**
   * For a platform whose descriptor has `oauth` (shared/platforms/oauth-grant.ts): exchanges the code
   * the consent flow received for the grant's credentials (the descriptor's grantFields, plus any
   * cached access token fields), using the app's credentials the person typed. Throws DockhandError:
   * auth when the platform refuses the code or the app's credentials (its words kept), transient on
   * network and 5xx. Nothing is saved by the plugin: the flow saves what it returns.
   */
  exchangeAuthorizationCode?(
    ctx: Pick<CartContext, 'clock' | 'log' | 'signal'>,
    settings: Settings,
    app: Record<string, string>,
    grant: AuthorizationCodeGrant,
  ): Promise<Record<string, string>>;
  /**
   * What a person should do about saved credentials that still work (an eBay authorization that runs
   * out within 30 days: "reconnect before <date>"), read from the opened credentials at `nowIso`. Kept
   * as the cart's notice alert like settingsNotices (main/engine/cart-notices.ts) until it no longer applies.
   */
  grantNotices?(credentials: Credentials, nowIso: string): string[];
}
