import { DockhandError } from '../../../../../shared/errors.js';
import { wooOrderIdentitySchema } from './payload-schemas.js';
import { fetchOrdersPage, ORDERS_PER_PAGE } from './orders-api.js';
import type { WooRestClient } from './rest-client.js';

/**
 * Walks the orders changed since a time, oldest change first, without losing one that moves.
 *
 * Plain offset paging loses orders: an order modified between two pages jumps to the end of the
 * date_modified order, everything after it shifts down by one, and the next page's offset steps over
 * one order it never returns (the fake reproduces this). So each page starts from the newest
 * modification second already read (modified_after is exclusive, so the query starts one second before
 * it) with offset 0, and the orders of that second already handed out are left out. When a whole
 * page shares one second (a bulk action saves hundreds of orders in a second), the walk reads that second
 * alone, still at offset 0, excluding (exclude=) the ids it already handed out, until a short page: no
 * offset, so an order leaving the second meanwhile cannot make it step over another.
 */

export interface OrderWalkOptions {
  /** Read orders modified at or after this UTC instant (ISO). */
  since: string;
  /** The cart's earliest order date on a first run (UTC ISO). */
  createdAfter?: string;
  statuses: readonly string[];
  perPage?: number;
}

export async function* walkOrders(client: WooRestClient, options: OrderWalkOptions): AsyncGenerator<unknown[]> {
  const perPage = options.perPage ?? ORDERS_PER_PAGE;
  const sinceMs = Date.parse(options.since);
  if (Number.isNaN(sinceMs)) throw new DockhandError('config', `The download position is not a timestamp (${options.since})`);
  // Exclusive bound, one second before `since`: orders modified in since's own second are included.
  let bound = secondOf(sinceMs) - 1000;
  /** ids -> date_modified_gmt handed out at the newest second read so far (and that second). */
  let handed = new Map<number, string>();
  let handedSecond = Number.NEGATIVE_INFINITY;
  const base = { statuses: options.statuses, createdAfter: options.createdAfter, perPage };

  const fresh = (items: unknown[]): unknown[] =>
    items.filter((item) => {
      const { id, modified } = identity(item);
      if (id === undefined || modified === undefined) return true;
      const second = secondOf(Date.parse(`${modified.replace(/Z$/, '')}Z`));
      if (second > handedSecond) {
        handed = new Map();
        handedSecond = second;
      }
      if (second === handedSecond) {
        if (handed.get(id) === modified) return false;
        handed.set(id, modified);
      }
      return true;
    });

  for (;;) {
    const page = await fetchOrdersPage(client, { ...base, modifiedAfter: new Date(bound).toISOString(), offset: 0 });
    const seconds = page.items.map((item) => identity(item).modified).filter((m): m is string => m !== undefined).map((m) => secondOf(Date.parse(`${m.replace(/Z$/, '')}Z`)));
    const out = fresh(page.items);
    if (out.length > 0) yield out;
    if (page.items.length < perPage) return;
    const newest = Math.max(...seconds);
    const oldest = Math.min(...seconds);
    if (seconds.length > 0 && newest > oldest) {
      bound = newest - 1000;
      continue;
    }
    if (seconds.length === 0) return; // a full page without one readable date: nothing to page by.
    // A full page inside one second: read that second alone, leaving out the ids already handed out.
    const second = newest;
    for (;;) {
      const excluded = handedSecond === second ? [...handed.keys()] : [];
      const inSecond = await fetchSecond(client, base, second, excluded);
      const more = fresh(inSecond.items);
      if (more.length > 0) yield more;
      // A short page ends the second; so does a page of nothing new (a server that ignores exclude).
      if (inSecond.items.length < perPage || more.length === 0) break;
    }
    bound = second;
  }
}

function fetchSecond(client: WooRestClient, base: { statuses: readonly string[]; createdAfter?: string; perPage: number }, second: number, exclude: number[]) {
  return client.list('wc/v3/orders', {
    status: base.statuses.join(','),
    modified_after: new Date(second - 1000).toISOString().slice(0, 19),
    modified_before: new Date(second + 1000).toISOString().slice(0, 19),
    after: base.createdAfter ? new Date(base.createdAfter).toISOString().slice(0, 19) : undefined,
    dates_are_gmt: true,
    orderby: 'modified',
    order: 'asc',
    per_page: base.perPage,
    exclude: exclude.length > 0 ? exclude.join(',') : undefined,
  });
}

function identity(item: unknown): { id?: number; modified?: string } {
  const parsed = wooOrderIdentitySchema.safeParse(item);
  return parsed.success ? { id: parsed.data.id, modified: parsed.data.date_modified_gmt } : {};
}

function secondOf(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
