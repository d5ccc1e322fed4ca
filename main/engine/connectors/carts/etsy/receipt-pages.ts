import type { CartContext } from '../cart-connector.js';
import { listPageSchema, receiptStampSchema } from './payload-schemas.js';
import { receiptUpdatedAt } from './receipt-mapper.js';
import type { EtsyClient } from './rest-client.js';

/**
 * The walk through getShopReceipts' pages (paid, unshipped, modified since, oldest change first), with
 * pages asked for ahead of need so the app's request budget, not each reply's round trip, sets the pace
 * of a long download.
 *
 * Etsy pages by offset, and an offset walk shifts when a receipt changes (or ships) during it. So:
 * - a page is anchored at a second: min_last_modified = that second, offset only within what follows;
 * - pages asked ahead (once a full page showed there is more) start on the previous page's last receipt
 *   and carry it again: when that first receipt is not the previous page's last, the list shifted
 *   between the two reads, the pages asked ahead are dropped, and the walk re-anchors on the last
 *   second it read (nextRequest). Every page holds `perPage` new receipts: the first asks for that
 *   many, the ones asked ahead for one more (Etsy's limit is 100, so 99 new a page).
 */

export interface PageRequest {
  /** min_last_modified, unix seconds. */
  second: number;
  offset: number;
}

export interface ReceiptPage {
  /** The page's receipts, raw (each is checked on its own), the overlap with the previous page left out. */
  items: unknown[];
  /** Each item's last-modified time (ISO UTC), undefined where unreadable. */
  stamps: (string | undefined)[];
}

export interface ReceiptWalk {
  client: EtsyClient;
  shopId: string;
  ctx: CartContext;
  /** New receipts per page; a page asked ahead asks for one more (the overlap). */
  perPage: number;
  start: PageRequest;
  minCreated?: number;
  /** Requests in flight at most once the walk is known to be long (default 3). */
  depth?: number;
}

interface InFlight {
  request: PageRequest;
  limit: number;
  /** Starts with the previous page's last receipt. */
  overlaps: boolean;
  waits: { ms: number; reason: string }[];
  reply: Promise<{ results: unknown[] }>;
}

const toSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export async function* walkReceiptPages(walk: ReceiptWalk): AsyncGenerator<ReceiptPage> {
  const { client, shopId, ctx, perPage } = walk;
  const depth = Math.max(1, walk.depth ?? 3);
  const send = (request: PageRequest, overlaps: boolean): InFlight => {
    const limit = overlaps ? perPage + 1 : perPage;
    const query = new URLSearchParams({
      min_last_modified: String(request.second),
      was_paid: 'true',
      was_shipped: 'false',
      sort_on: 'updated',
      sort_order: 'asc',
      limit: String(limit),
      offset: String(request.offset),
    });
    if (walk.minCreated !== undefined) query.set('min_created', String(walk.minCreated));
    const waits: InFlight['waits'] = [];
    const reply = client
      .reportingWaitsTo((ms, reason) => waits.push({ ms, reason }))
      .get(`/shops/${shopId}/receipts`, listPageSchema, { what: 'the receipts of the shop', query });
    // Awaited in turn; one asked ahead and then dropped must not count as unhandled.
    reply.catch(() => undefined);
    return { request, limit, overlaps, waits, reply };
  };

  let queue: InFlight[] = [send(walk.start, false)];
  /** The last receipt of the page read last, and where a fresh anchor after it starts. */
  let previous: { last: string | undefined; reanchor: PageRequest } | undefined;
  for (;;) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
    const head = queue.shift()!;
    const blockedFrom = ctx.clock.now().getTime();
    const { results } = await head.reply;
    reportWaits(ctx, head.waits, ctx.clock.now().getTime() - blockedFrom);

    if (head.overlaps && previous && (results.length === 0 || previous.last === undefined || identity(results[0]) !== previous.last)) {
      // The list shifted since the previous page was read: drop what was asked ahead, re-anchor.
      queue = [send(previous.reanchor, false)];
      continue;
    }
    const items = head.overlaps ? results.slice(1) : results;
    const stamps = items.map(receiptUpdatedAt);
    const full = results.length >= head.limit;
    if (full) {
      previous = { last: identity(results[results.length - 1]), reanchor: nextRequest(head.request, results.map(receiptUpdatedAt), results.length) };
      // Ask ahead: each next page starts on its predecessor's last receipt (offset + limit - 1).
      let tail = queue.at(-1) ?? head;
      while (queue.length < depth) {
        tail = send({ second: tail.request.second, offset: tail.request.offset + tail.limit - 1 }, true);
        queue.push(tail);
      }
    }
    yield { items, stamps };
    if (!full) return;
  }
}

/** A receipt's id and last-modified time, the key an overlap is checked by. */
function identity(raw: unknown): string | undefined {
  const stamp = receiptStampSchema.safeParse(raw);
  if (!stamp.success) return undefined;
  return `${stamp.data.receipt_id}@${stamp.data.update_timestamp ?? stamp.data.updated_timestamp ?? '?'}`;
}

/**
 * Tells the run about a page's waits (rate limit, backoff) only as far as they held the walk up: a wait
 * spent while the engine was still saving an earlier page delayed nothing (the run's throttle figure,
 * and the bench's judgement of what bound a download, would count it otherwise).
 */
function reportWaits(ctx: CartContext, waits: { ms: number; reason: string }[], blockedMs: number): void {
  const total = waits.reduce((sum, w) => sum + w.ms, 0);
  if (total <= 0 || blockedMs <= 0) return;
  if (blockedMs >= total) {
    for (const w of waits) ctx.onThrottle?.(w.ms, w.reason);
    return;
  }
  ctx.onThrottle?.(blockedMs, waits[waits.length - 1].reason);
}

/**
 * Where a fresh anchor starts after a page: from the last second it reached, past the receipts of that
 * second already read; or further along the same second when the whole page was in it.
 */
export function nextRequest(current: PageRequest, stamps: (string | undefined)[], count: number): PageRequest {
  const last = stamps[stamps.length - 1];
  if (last === undefined) return { second: current.second, offset: current.offset + count };
  const lastSecond = toSeconds(last);
  if (lastSecond <= current.second) return { second: current.second, offset: current.offset + count };
  const inLastSecond = stamps.filter((s) => s !== undefined && toSeconds(s) === lastSecond).length;
  return { second: lastSecond, offset: inLastSecond };
}
