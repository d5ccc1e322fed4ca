import { DockhandError } from '../../../../../shared/errors.js';
import { orderNoteSchema, trackingItemSchema, type WooTrackingItem } from './payload-schemas.js';
import type { ListPage, WooRestClient } from './rest-client.js';
import { isNoRoute } from './rest-errors.js';
import { providerNames } from './tracking-provider.js';
import { toGmtParam } from './values.js';

/**
 * The order calls the connector makes, on top of the REST client: one page of the incremental download,
 * and the two ways to tell WooCommerce an order shipped (the Shipment Tracking extension when installed;
 * core WooCommerce has no tracking, so otherwise status completed plus a customer note).
 */

export const ORDERS_PER_PAGE = 100;

export interface OrdersPageQuery {
  /**
   * Orders modified strictly after this UTC instant (ISO); the whole history when absent. WooCommerce's
   * bound is exclusive, the kit's window inclusive: its overlap re-reads the boundary anyway.
   */
  modifiedAfter?: string;
  /** Orders created strictly after this UTC instant (the cart's earliest order date). */
  createdAfter?: string;
  statuses: readonly string[];
  offset: number;
  perPage?: number;
}

/**
 * Oldest change first, filtered on GMT dates (dates_are_gmt=true: without it WooCommerce reads the
 * time as the shop's wall clock). Offset paging over date_modified: an order changed during the run
 * moves to the end, so the page after it starts one order late; the caller's overlap and
 * de-duplication cover that (the fake reproduces it).
 */
export function fetchOrdersPage(client: WooRestClient, query: OrdersPageQuery): Promise<ListPage> {
  return client.list('wc/v3/orders', {
    status: query.statuses.join(','),
    modified_after: query.modifiedAfter ? toGmtParam(query.modifiedAfter) : undefined,
    after: query.createdAfter ? toGmtParam(query.createdAfter) : undefined,
    dates_are_gmt: query.modifiedAfter || query.createdAfter ? true : undefined,
    orderby: 'modified',
    order: 'asc',
    per_page: query.perPage ?? ORDERS_PER_PAGE,
    offset: query.offset,
  });
}

export async function completeOrder(client: WooRestClient, orderId: string): Promise<void> {
  await client.request('PUT', `wc/v3/orders/${encodeURIComponent(orderId)}`, { body: { status: 'completed' } });
}

/** A note the customer sees (customer_note: true mails it to them). Not idempotent: look before resending. */
export async function addOrderNote(client: WooRestClient, orderId: string, note: string, forCustomer: boolean): Promise<number> {
  const reply = await client.request('POST', `wc/v3/orders/${encodeURIComponent(orderId)}/notes`, {
    body: { note, customer_note: forCustomer },
    idempotent: false,
  });
  const parsed = orderNoteSchema.safeParse(reply.value);
  if (!parsed.success) throw new DockhandError('transient', `${client.label} sent a malformed reply for the order note`);
  return parsed.data.id;
}

export async function listOrderNotes(client: WooRestClient, orderId: string): Promise<{ id: number; note: string }[]> {
  const page = await client.list(`wc/v3/orders/${encodeURIComponent(orderId)}/notes`);
  return page.items.flatMap((item) => {
    const parsed = orderNoteSchema.safeParse(item);
    return parsed.success ? [{ id: parsed.data.id, note: parsed.data.note }] : [];
  });
}

export type TrackingInput =
  | { provider: string; trackingNumber: string; dateShipped?: string }
  | { customProvider: string; customLink?: string; trackingNumber: string; dateShipped?: string };

const trackingRoute = (orderId: string) => `wc-shipment-tracking/v3/orders/${encodeURIComponent(orderId)}/shipment-trackings`;

/** Adds a tracking item through the Shipment Tracking extension; undefined when it is not installed. */
export async function addTracking(client: WooRestClient, orderId: string, input: TrackingInput): Promise<WooTrackingItem | undefined> {
  const body =
    'provider' in input
      ? { tracking_provider: input.provider, tracking_number: input.trackingNumber, date_shipped: input.dateShipped }
      : { custom_tracking_provider: input.customProvider, custom_tracking_link: input.customLink, tracking_number: input.trackingNumber, date_shipped: input.dateShipped };
  try {
    const reply = await client.request('POST', trackingRoute(orderId), { body, idempotent: false });
    const parsed = trackingItemSchema.safeParse(reply.value);
    if (!parsed.success) throw new DockhandError('transient', `${client.label} sent a malformed reply for the tracking item`);
    return parsed.data;
  } catch (err) {
    if (isNoRoute(err)) return undefined;
    throw err;
  }
}

/** Provider names the store's Shipment Tracking extension accepts (a public route); undefined without it. */
export async function listTrackingProviders(client: WooRestClient): Promise<string[] | undefined> {
  try {
    const reply = await client.request('GET', 'wc-shipment-tracking/v3/shipment-trackings/providers', { authenticated: false });
    return providerNames(reply.value);
  } catch (err) {
    if (isNoRoute(err)) return undefined;
    throw err;
  }
}

/** The order's tracking items (to find one already sent before sending it again); undefined without the extension. */
export async function listTrackings(client: WooRestClient, orderId: string): Promise<WooTrackingItem[] | undefined> {
  try {
    const page = await client.list(trackingRoute(orderId));
    return page.items.flatMap((item) => {
      const parsed = trackingItemSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  } catch (err) {
    if (isNoRoute(err)) return undefined;
    throw err;
  }
}
