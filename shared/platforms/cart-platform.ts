import type { z } from 'zod';
import type { CarrierCode } from '../carriers.js';
import type { OAuthGrant } from './oauth-grant.js';
import type { SyncPositionText } from './sync-position.js';

/**
 * One cart platform as every part of Dockhand sees it (settings and credentials schemas, what it can do,
 * how a person reads its sync position, what its secrets look like in text). The contract's cart input,
 * the handlers, the log redaction and the screens all read these; the engine side adds only how to
 * connect (main/engine/connectors/carts/<platform>/). Adding a cart is one descriptor listed in
 * index.ts, its connector in the engine's registry, and its setup form: no handler, service or logger.
 */

/** What a cart connection can run besides the order download. */
export interface CartCapabilities {
  shipments: boolean;
  inventory: boolean;
  /**
   * How the platform ties tracking numbers to an order (main/engine/connectors/carts/cart-connector.ts,
   * TrackingGranularity): per_line, each shipment names the lines its package carries (Shopify, eBay,
   * Amazon); per_order, a tracking number applies to the whole order (Etsy, WooCommerce's Shipment
   * Tracking), so the upload waits until the whole order has shipped.
   */
  tracking: 'per_order' | 'per_line';
}

/**
 * What a platform calls the warehouse's carriers when a shipment is confirmed (its list of carrier
 * names, slugs or codes), and what it takes for a carrier it does not list.
 */
export interface PlatformCarriers {
  /** The platform's own name for each carrier it knows; a carrier left out is sent as a custom one. */
  names: Partial<Record<CarrierCode, string>>;
  /**
   * A carrier the platform does not list: 'name_and_url' sends its name with the tracking page's
   * address (the platform then links to it), 'name' sends the name alone.
   */
  custom: 'name_and_url' | 'name';
}

/** How a person names one credential field, and where they find its value. */
export interface CredentialField {
  /** In a sentence: "the Admin API access token". */
  label: string;
  /** Short: "token". */
  noun: string;
}

export interface CartPlatform<
  P extends string = string,
  Settings extends z.ZodType = z.ZodType,
  Credentials extends z.ZodType = z.ZodType,
> {
  platform: P;
  displayName: string;
  /** One sentence on the platform choice: what connecting it takes. */
  blurb: string;
  capabilities: CartCapabilities;
  /** What a person may save or test. */
  settingsSchema: Settings;
  /**
   * Settings as saved, when that is wider than what may be saved today (a Shopify API version retired
   * since it was saved still reads, and is called through its successor).
   */
  savedSettingsSchema?: z.ZodType<z.infer<Settings>>;
  credentialsSchema: Credentials;
  /** Where the credentials are sent, as a person reads it; null when the platform has none to send. */
  secretAddress(settings: z.infer<Settings>): string | null;
  /** The credentials these settings need, each with how a person names it. */
  requiredCredentials(settings: z.infer<Settings>): Record<string, CredentialField>;
  /** What a person should change in saved settings that still work; shown and kept as an alert. */
  settingsNotices?(settings: z.infer<Settings>): string[];
  /**
   * The platform's secrets as they show up inside text (a token's prefix, a header written out), so a
   * log line that quotes a request or an error body never carries one. Global regular expressions.
   */
  secretPatterns: { pattern: RegExp; replace: string }[];
  carriers: PlatformCarriers;
  /**
   * The sites the screens link to for this platform (its admin, its help pages), the only ones of the
   * platform the desktop app opens in the browser; "*.example.com" covers the subdomains.
   */
  linkSites: string[];
  /** The saved position of the orders stream in words, and what its edit field accepts. */
  describeSyncPosition(position: string | null, earliestOrderDate: string): SyncPositionText;
  /** How an account is connected through the platform's consent page (the marketplaces); see oauth-grant.ts. */
  oauth?: OAuthGrant<z.infer<Settings>>;
}
