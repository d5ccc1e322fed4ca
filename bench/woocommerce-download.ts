/**
 * The WooCommerce row of `npm run bench`: a download through the engine from the fake WooCommerce store
 * (test/fakes/woocommerce, in this process), then 100 shipments through the connector.
 *
 * WooCommerce documents no request limit; the connector holds itself to WOO_REQUESTS_PER_SECOND per
 * store (connector.ts: every request boots WordPress on the merchant's server), a token bucket that
 * starts full (one second's worth). The row reports the share of that self-imposed budget the download
 * used, (requests - the starting burst) / (rate x seconds), and checks it is >= 90% when the download
 * is long enough for the budget to bind (DEFAULT_WOO_ORDERS is chosen so it does: 100 orders a page at
 * 20 pages a second is 2,000 orders a second, ~15 s for 30,000). A shorter download spends mostly the
 * starting burst and reports "-". The shipment upload gets the same share (it is bound by the budget too).
 *
 * Alone: `npx tsx bench/woocommerce-download.ts [--woo-orders N]` (an engine worker of its own).
 */
import { performance } from 'node:perf_hooks';
import { ORDERS_PER_PAGE, woocommercePlugin } from '../main/engine/connectors/carts/woocommerce/index.js';
import { WOO_REQUESTS_PER_SECOND } from '../main/engine/connectors/carts/woocommerce/connector.js';
import { silentLogger, systemClock } from '../main/engine/platform/ports.js';
import { createFakeWooCommerce, type FakeWooCommerce } from '../test/fakes/woocommerce/index.js';
import { round } from './measure.js';
import { runAloneWhenMain, type Call } from './platform-row-alone.js';

/** About 15 s at the connector's budget (one request a page of ORDERS_PER_PAGE). */
export const DEFAULT_WOO_ORDERS = ORDERS_PER_PAGE * WOO_REQUESTS_PER_SECOND * 15;
export const DEFAULT_WOO_SHIPMENTS = 100;
/** Below this the starting burst (one second's budget, left out of the share) is too much of the run to tell. */
const MIN_BOUND_SEC = 5;
/** The store address a merchant would type; requests go to the fake through the baseUrl override. */
const STORE_URL = 'https://bench-shop.example';

export async function woocommerceDownloadRows(
  call: Call,
  merchantId: number,
  check: (ok: boolean, what: string) => void,
  orders = DEFAULT_WOO_ORDERS,
): Promise<Record<string, string | number>> {
  const fake = await createFakeWooCommerce();
  try {
    fake.store.seedOrders(orders);
    const cart = await call('carts.create', {
      merchantId,
      name: 'Bench WooCommerce (20 requests/s budget)',
      platform: 'woocommerce',
      earliestOrderDate: new Date(Date.now() - 400 * 86_400_000).toISOString(),
      settings: { storeUrl: STORE_URL, baseUrl: fake.url },
      credentials: { consumerKey: fake.consumerKey, consumerSecret: fake.consumerSecret },
      rejectUnmappedShipCodes: false,
    } as never);
    const t0 = performance.now();
    const run = await call('services.runNow', { service: 'order_download', targetId: cart.id });
    const sec = (performance.now() - t0) / 1000;
    console.error(`woocommerce order_download: ${run.status} in ${round(sec, 1)} s ${JSON.stringify(run.counts)}`);
    check(run.status === 'ok', `WooCommerce download ended ${run.status}: ${run.message ?? ''}`);
    check(run.counts.new === orders, `WooCommerce download: ${run.counts.new ?? 0} new orders, expected ${orders}`);

    const requests = fake.store.requests.length;
    const rateLimited = tooManyRequests(fake);
    const budgetUsedPct = budgetShare(requests, sec);
    if (!Number.isNaN(budgetUsedPct)) {
      check(budgetUsedPct >= 90, `WooCommerce download used ${round(budgetUsedPct, 1)}% of its ${WOO_REQUESTS_PER_SECOND} requests/s budget (target >= 90%)`);
    }
    const shipments = await uploadShipments(fake, Math.min(orders, DEFAULT_WOO_SHIPMENTS), check);
    return {
      'woocommerce: orders': orders,
      'woocommerce: download s': round(sec, 1),
      'woocommerce: download orders/s': round(orders / sec, 1),
      'woocommerce: requests': requests,
      'woocommerce: 429 replies': rateLimited,
      'woocommerce: client wait (ms)': run.counts.throttleWaitMs ?? 0,
      [`woocommerce: own budget used % (${WOO_REQUESTS_PER_SECOND} requests/s)`]: Number.isNaN(budgetUsedPct) ? '-' : round(budgetUsedPct, 1),
      ...shipments,
    };
  } finally {
    await fake.close();
  }
}

/** Percent of the connector's own budget spent after its starting burst, NaN when too short to tell. */
function budgetShare(requests: number, sec: number): number {
  return sec >= MIN_BOUND_SEC ? (100 * (requests - WOO_REQUESTS_PER_SECOND)) / (WOO_REQUESTS_PER_SECOND * sec) : NaN;
}

/** 429s from a host limit and from queued faults (neither is set here, so any is news). */
function tooManyRequests(fake: FakeWooCommerce): number {
  return fake.store.throttled + fake.store.rateLimitFaultsServed;
}

/**
 * Shipments of the first orders through the connector (the upload service's per-shipment call, four in
 * flight as it sends them), under the connector's own budget (a limiter of this process, not the
 * engine worker's): shipments per second and what each costs in requests (tracking, ledger note...).
 */
async function uploadShipments(fake: FakeWooCommerce, count: number, check: (ok: boolean, what: string) => void): Promise<Record<string, string | number>> {
  const settings = woocommercePlugin.settingsSchema.parse({ storeUrl: STORE_URL, baseUrl: fake.url });
  const connector = woocommercePlugin.create({ clock: systemClock, log: silentLogger, signal: new AbortController().signal }, settings, {
    consumerKey: fake.consumerKey,
    consumerSecret: fake.consumerSecret,
  });
  const orders = [...fake.store.orders.values()].slice(0, count);
  const before = fake.store.requests.length;
  const limitedBefore = tooManyRequests(fake);
  const t0 = performance.now();
  let accepted = 0;
  let next = 0;
  const worker = async () => {
    while (next < orders.length) {
      const order = orders[next++];
      const result = await connector.uploadShipment!({
        cartOrderId: String(order.id),
        orderNumber: order.number,
        carrier: 'ups',
        trackingNumber: `1ZBENCH${order.id}`,
        shipDate: new Date().toISOString().slice(0, 10),
        items: order.line_items.map((l) => ({ cartLineId: String(l.id), sku: l.sku, quantity: l.quantity })),
      });
      if (result.outcome === 'accepted') accepted += 1;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const sec = (performance.now() - t0) / 1000;
  const requests = fake.store.requests.length - before;
  const uploadShare = budgetShare(requests, sec);
  check(accepted === orders.length, `WooCommerce shipment upload: ${accepted} of ${orders.length} accepted`);
  console.error(`woocommerce shipments: ${accepted} in ${round(sec, 1)} s`);
  return {
    'woocommerce: shipments': orders.length,
    'woocommerce: upload s': round(sec, 1),
    'woocommerce: upload shipments/s': round(orders.length / sec, 2),
    'woocommerce: upload requests per shipment': round(requests / orders.length, 2),
    'woocommerce: upload 429 replies': tooManyRequests(fake) - limitedBefore,
    'woocommerce: upload own budget used %': Number.isNaN(uploadShare) ? '-' : round(uploadShare, 1),
  };
}

runAloneWhenMain(import.meta.url, { flag: 'woo-orders', defaultOrders: DEFAULT_WOO_ORDERS, rows: woocommerceDownloadRows });
