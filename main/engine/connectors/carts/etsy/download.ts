import type { CanonicalOrder } from '../../../../../shared/domain.js';
import { DockhandError } from '../../../../../shared/errors.js';
import type { CartContext, FetchOrdersOptions, OrderPage } from '../cart-connector.js';
import { IncrementalWindow } from '../kit/incremental-window.js';
import { listPageSchema, receiptSchema, transactionSchema, type EtsyTransaction } from './payload-schemas.js';
import { mapEtsyReceipt, receiptUpdatedAt } from './receipt-mapper.js';
import type { EtsyClient } from './rest-client.js';

/**
 * Incremental receipt download: paid, not yet shipped receipts (getShopReceipts was_paid=true,
 * was_shipped=false) modified since the kit's window start, oldest change first (sort_on=updated).
 *
 * Etsy keeps modification times in unix seconds and pages by offset. An offset walk shifts when a
 * receipt changes (or ships) during it, so each page restarts from the last second it reached, with an
 * offset only inside that second: a bulk action that stamps a thousand receipts with one second still
 * pages through them, and the window keeps whole seconds (wholeSeconds) so none of them is handed over
 * twice or lost between runs.
 */

/** Receipts per request: Etsy's maximum (limit 1..100). */
export const ETSY_RECEIPTS_PAGE_SIZE = 100;
/** Receipts remembered inside the overlap window; whole seconds are kept beyond it (see download notes). */
export const ETSY_MAX_RECENT = 1000;

export interface EtsyDownloadDeps {
  client: EtsyClient;
  shopId: string;
  ctx: CartContext;
  pageSize?: number;
}

interface PageRequest {
  /** min_last_modified, unix seconds. */
  second: number;
  offset: number;
}

const toSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export async function* downloadEtsyReceipts(deps: EtsyDownloadDeps, options: FetchOrdersOptions): AsyncGenerator<OrderPage> {
  const { client, shopId, ctx } = deps;
  const limit = deps.pageSize ?? ETSY_RECEIPTS_PAGE_SIZE;
  const window = new IncrementalWindow({
    saved: options.cursor,
    earliestOrderDate: options.earliestOrderDate,
    platformName: 'Etsy',
    maxRecent: ETSY_MAX_RECENT,
    wholeSeconds: true,
  });
  const minCreated = window.createdAtMin ? toSeconds(window.createdAtMin) : undefined;
  const invalidSeen = new Set<string>();
  const fetchPage = (request: PageRequest, ahead?: AheadWaits) => {
    const query = new URLSearchParams({
      min_last_modified: String(request.second),
      was_paid: 'true',
      was_shipped: 'false',
      sort_on: 'updated',
      sort_order: 'asc',
      limit: String(limit),
      offset: String(request.offset),
    });
    if (minCreated !== undefined) query.set('min_created', String(minCreated));
    const via = ahead ? client.reportingWaitsTo((ms, reason) => ahead.waits.push({ ms, reason })) : client;
    const pending = via.get(`/shops/${shopId}/receipts`, listPageSchema, { what: 'the receipts of the shop', query });
    // Awaited on the next turn; a failure of a page asked ahead must not count as unhandled meanwhile.
    pending.catch(() => undefined);
    return pending;
  };
  let request: PageRequest = { second: toSeconds(window.since), offset: 0 };
  let pending = fetchPage(request);
  let ahead: AheadWaits | undefined;
  let handedOver = 0;
  for (;;) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
    const blockedFrom = ctx.clock.now().getTime();
    const reply = await pending;
    if (ahead) reportAheadWaits(ctx, ahead, ctx.clock.now().getTime() - blockedFrom);
    const items = reply.results;
    // The high-water mark first, from every item (odd ones included), before anything is left out.
    const stamps = items.map(receiptUpdatedAt);
    window.observe(stamps);
    // The next page depends only on this one's times: it is asked for while the engine saves this one,
    // so the app's request budget, not the save, sets the pace of a long download.
    const more = items.length >= limit;
    if (more) {
      request = nextRequest(request, stamps, items.length);
      ahead = { waits: [] };
      pending = fetchPage(request, ahead);
    }

    const page: OrderPage = { orders: [], invalid: [], cursor: '' };
    for (const item of items) {
      const transactions = hasTransactions(item) ? undefined : await receiptTransactions(client, shopId, item);
      const mapped = mapEtsyReceipt(item, transactions);
      if (!mapped.ok) {
        const key = `${mapped.cartOrderId ?? '?'}@${mapped.updatedAt ?? '?'}`;
        if (invalidSeen.has(key)) continue;
        invalidSeen.add(key);
        const { reason, cartOrderId, orderNumber } = mapped;
        page.invalid.push({ reason, ...(cartOrderId ? { cartOrderId } : {}), ...(orderNumber ? { orderNumber } : {}) });
        continue;
      }
      const order: CanonicalOrder = mapped.order;
      if (window.alreadyHandedOver(order.cartOrderId, order.updatedAt)) continue;
      window.handOver(order.cartOrderId, order.updatedAt);
      page.orders.push(order);
    }
    page.cursor = window.positionAfterPage();
    handedOver += page.orders.length;
    ctx.progress?.(handedOver);
    yield page;
    if (!more) return;
  }
}

/** The waits (rate limit, backoff) of a page asked for ahead of need. */
interface AheadWaits {
  waits: { ms: number; reason: string }[];
}

/**
 * Tells the run about the waits of a page asked ahead only as far as they held the run up: a wait spent
 * while the engine was still saving the previous page delayed nothing (the run's throttle figure, and the
 * bench's judgement of what bound a download, would count it otherwise). `blockedMs` is how long the
 * walk waited for the page once it wanted it.
 */
function reportAheadWaits(ctx: CartContext, ahead: AheadWaits, blockedMs: number): void {
  const total = ahead.waits.reduce((sum, w) => sum + w.ms, 0);
  if (total <= 0 || blockedMs <= 0) return;
  if (blockedMs >= total) {
    for (const w of ahead.waits) ctx.onThrottle?.(w.ms, w.reason);
    return;
  }
  ctx.onThrottle?.(blockedMs, ahead.waits[ahead.waits.length - 1].reason);
}

/**
 * Where the next page starts: from the last second this page reached, past the receipts of that second
 * already read; or further along the same second when the whole page was in it.
 */
export function nextRequest(current: PageRequest, stamps: (string | undefined)[], count: number): PageRequest {
  const last = stamps[stamps.length - 1];
  if (last === undefined) return { second: current.second, offset: current.offset + count };
  const lastSecond = toSeconds(last);
  if (lastSecond <= current.second) return { second: current.second, offset: current.offset + count };
  const inLastSecond = stamps.filter((s) => s !== undefined && toSeconds(s) === lastSecond).length;
  return { second: lastSecond, offset: inLastSecond };
}

function hasTransactions(item: unknown): boolean {
  return typeof item === 'object' && item !== null && Array.isArray((item as Record<string, unknown>).transactions);
}

/** The transactions of a receipt that came without them (older API versions): one request for it. */
async function receiptTransactions(client: EtsyClient, shopId: string, item: unknown): Promise<EtsyTransaction[] | undefined> {
  const id = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).receipt_id : undefined;
  if (typeof id !== 'number') return undefined;
  const reply = await client.get(`/shops/${shopId}/receipts/${id}/transactions`, listPageSchema, { what: `the transactions of receipt ${id}` });
  const out: EtsyTransaction[] = [];
  for (const raw of reply.results) {
    const parsed = transactionSchema.safeParse(raw);
    // A transaction off the shape leaves the receipt without lines: the mapper records it invalid.
    if (!parsed.success) return [];
    out.push(parsed.data);
  }
  return out;
}

/** One receipt by its number (the receipt id), for diagnostics; null when the shop has none by it. */
export async function fetchEtsyReceipt(client: EtsyClient, shopId: string, orderNumber: string): Promise<CanonicalOrder | null> {
  const id = orderNumber.replace(/^#/, '').trim();
  if (!/^\d+$/.test(id)) return null;
  let raw: unknown;
  try {
    raw = await client.get(`/shops/${shopId}/receipts/${id}`, receiptSchema.passthrough(), { what: `receipt ${id}` });
  } catch (err) {
    if (err instanceof DockhandError && err.kind === 'not_found') return null;
    throw err;
  }
  const transactions = hasTransactions(raw) ? undefined : await receiptTransactions(client, shopId, raw);
  const mapped = mapEtsyReceipt(raw, transactions);
  if (!mapped.ok) throw new DockhandError('data', `Receipt ${id} could not be read: ${mapped.reason}`);
  return mapped.order;
}
