import type { CanonicalOrder } from '../../../../../shared/domain.js';
import { DockhandError } from '../../../../../shared/errors.js';
import type { CartContext, FetchOrdersOptions, OrderPage } from '../cart-connector.js';
import { IncrementalWindow } from '../kit/incremental-window.js';
import { listPageSchema, receiptStampSchema, transactionSchema, type EtsyTransaction } from './payload-schemas.js';
import { mapEtsyReceipt } from './receipt-mapper.js';
import { walkReceiptPages } from './receipt-pages.js';
import type { EtsyClient } from './rest-client.js';

/**
 * Incremental receipt download: paid, not yet shipped receipts (getShopReceipts was_paid=true,
 * was_shipped=false) modified since the kit's window start, oldest change first (sort_on=updated).
 *
 * Etsy keeps modification times in unix seconds and pages by offset: receipt-pages.ts walks the pages
 * so a receipt changed (or shipped) during the walk shifts nothing unnoticed, and the window keeps
 * whole seconds (wholeSeconds) so a bulk action that stamps a thousand receipts with one second hands
 * each over once, none lost between runs.
 */

/**
 * New receipts per page: Etsy's maximum limit (100) less the receipt a page asked ahead repeats from
 * its predecessor to prove nothing shifted in between (receipt-pages.ts).
 */
export const ETSY_RECEIPTS_PAGE_SIZE = 99;
/** Receipts remembered inside the overlap window; whole seconds are kept beyond it (see download notes). */
export const ETSY_MAX_RECENT = 1000;

export interface EtsyDownloadDeps {
  client: EtsyClient;
  shopId: string;
  ctx: CartContext;
  pageSize?: number;
}

const toSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export async function* downloadEtsyReceipts(deps: EtsyDownloadDeps, options: FetchOrdersOptions): AsyncGenerator<OrderPage> {
  const { client, shopId, ctx } = deps;
  const perPage = deps.pageSize ?? ETSY_RECEIPTS_PAGE_SIZE;
  const window = new IncrementalWindow({
    saved: options.cursor,
    earliestOrderDate: options.earliestOrderDate,
    platformName: 'Etsy',
    maxRecent: ETSY_MAX_RECENT,
    wholeSeconds: true,
  });
  const minCreated = window.createdAtMin ? toSeconds(window.createdAtMin) : undefined;
  const invalidSeen = new Set<string>();
  const pages = walkReceiptPages({ client, shopId, ctx, perPage, start: { second: toSeconds(window.since), offset: 0 }, minCreated });
  let handedOver = 0;
  for await (const { items, stamps } of pages) {
    // The high-water mark first, from every item (odd ones included), before anything is left out.
    window.observe(stamps);
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
  }
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
    // Read loosely: a receipt off the documented shape is reported as that receipt's problem below.
    raw = await client.get(`/shops/${shopId}/receipts/${id}`, receiptStampSchema.loose(), { what: `receipt ${id}` });
  } catch (err) {
    if (err instanceof DockhandError && err.kind === 'not_found') return null;
    throw err;
  }
  const transactions = hasTransactions(raw) ? undefined : await receiptTransactions(client, shopId, raw);
  const mapped = mapEtsyReceipt(raw, transactions);
  if (!mapped.ok) throw new DockhandError('data', `Receipt ${id} could not be read: ${mapped.reason}`);
  return mapped.order;
}
