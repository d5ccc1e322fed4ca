import type { z } from 'zod';
import type { DockhandError } from '../../../../shared/errors.js';
import type { CanonicalOrder, CartServiceName } from '../../../../shared/domain.js';
import type { Clock, Logger } from '../../platform/ports.js';
import type { SecretFields } from '../../saved-secret.js';

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
}

export interface ConnectionTestResult {
  ok: boolean;
  /** One sentence for the user: "Connected to Acme (Basic plan)" or what is wrong. */
  message: string;
  details?: Record<string, string | string[]>;
  /** Scopes the services need that the token lacks (named, so the user can fix the app). */
  missingScopes?: string[];
}

/** A page of downloaded orders and the sync position to save with it, in the same transaction. */
export interface OrderPage {
  orders: CanonicalOrder[];
  /** Items of the page that could not be mapped: recorded, never wedging the cursor. */
  invalid: { cartOrderId?: string; orderNumber?: string; reason: string }[];
  /** The position after this page; the service persists it with the page's orders. Never moves backwards. */
  cursor: string;
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
  trackingNumber: string;
  trackingUrl?: string;
  shipDate: string;
  items: { cartLineId: string; sku: string; quantity: number }[];
}

export interface ShipmentUploadResult {
  /** The cart's id of the fulfillment it created, or found already created (idempotent retry). */
  remoteId: string;
  alreadyExisted: boolean;
}

export type ShipmentBatchResult = { ok: ShipmentUploadResult } | { error: DockhandError };

export interface InventoryPushResult {
  updated: number;
  unknownSkus: string[];
  /** Per-SKU failures that are data errors (not the whole run). */
  failed: { sku: string; reason: string }[];
}

export interface CartConnector {
  testConnection(services: CartServiceName[]): Promise<ConnectionTestResult>;
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
  pushInventory?(levels: { sku: string; quantity: number }[]): Promise<InventoryPushResult>;
}

export interface CartManifest {
  platform: string;
  displayName: string;
  capabilities: { shipments: boolean; inventory: boolean };
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
}
