/**
 * The WooCommerce row of `npm run bench`: a download through the engine from the fake WooCommerce store
 * (test/fakes/woocommerce, in this process), then 100 shipments through the connector.
 *
 * WooCommerce documents no request limit; the connector holds itself to WOO_REQUESTS_PER_SECOND per
 * store (connector.ts: every request boots WordPress on the merchant's server), a token bucket that
 * starts full (one second's worth). The row reports the share of that self-imposed budget the download
 * used, counted as the kit's tokenBucketShare does: the requests the fake store received over the most
 * the bucket could grant from the first request to the last (its burst plus its rate over that span).
 * The run's own time before the first request and after the last (creating the run, building the
 * connector, saving the last page) is not the limiter's, so it is left out: the old wall-clock formula,
 * (requests - burst) / (rate x run seconds), charged it to the budget and read 90.0% on a loaded machine
 * while the limiter itself was never idle. Time the limiter does sit idle between requests (the engine
 * slower than the budget) still counts against the share.
 *
 * The check (>= 90%) is about the limiter, so it applies when the limiter was the binding constraint:
 * the client spent at least a tenth of the requests' span waiting for it (the run's throttleWaitMs, which
 * the engine sums from the limiter's waits). A limiter that binds and paces right keeps the share near
 * 100% however loaded the machine (its tokens only go unused while the bucket sits full, and it never
 * does while the client waits); one that waits longer than it must shows a long wait and a low share,
 * and fails. On a machine too loaded to go at the budget's pace the client hardly waits, the budget is
 * not what bounds the download, and the row says so ("machine-bound") with the share as measured,
 * instead of failing the connector for the machine; orders per second shows that case. The requests must also span long enough for the budget to bind (DEFAULT_WOO_ORDERS is
 * chosen so they do: 100 orders a page at 20 pages a second is 2,000 orders a second, ~15 s for
 * 30,000); a shorter download reports "-". The shipment upload reports the same share, unchecked.
 *
 * Alone: `npx tsx bench/woocommerce-download.ts [--woo-orders N]` (an engine worker of its own).
 */
import { ORDERS_PER_PAGE, woocommercePlugin } from '../main/engine/connectors/carts/woocommerce/index.js';
import { WOO_REQUESTS_PER_SECOND } from '../main/engine/connectors/carts/woocommerce/connector.js';
import { createFakeWooCommerce, type FakeWooCommerce } from '../test/fakes/woocommerce/index.js';
import { daysAgo, downloadFigures, downloadRow, limiterFigures } from './download-row.js';
import { round } from './measure.js';
import { requestLog, type RequestLog } from './request-log.js';
import { benchShipment, measureUpload } from './shipment-upload.js';
import { runAloneWhenMain, type Call, type Check } from './platform-row-alone.js';

/** About 15 s at the connector's budget (one request a page of ORDERS_PER_PAGE). */
export const DEFAULT_WOO_ORDERS = ORDERS_PER_PAGE * WOO_REQUESTS_PER_SECOND * 15;
export const DEFAULT_WOO_SHIPMENTS = 100;
/** The connector's bucket (connector.ts): WOO_REQUESTS_PER_SECOND, a burst of one second's worth. */
const WOO_BUDGET = { ratePerSecond: WOO_REQUESTS_PER_SECOND, burst: WOO_REQUESTS_PER_SECOND };
/** The store address a merchant would type; requests go to the fake through the baseUrl override. */
const STORE_URL = 'https://bench-shop.example';

export async function woocommerceDownloadRows(call: Call, merchantId: number, check: Check, orders = DEFAULT_WOO_ORDERS): Promise<Record<string, string | number>> {
  const fake = await createFakeWooCommerce();
  try {
    fake.store.seedOrders(orders);
    // 429s from a host limit and from queued faults (neither is set here, so any is news).
    const log = requestLog(() => fake.store.requests, () => fake.store.throttled + fake.store.rateLimitFaultsServed);
    const download = await downloadRow(call, merchantId, check, {
      platform: 'woocommerce',
      label: 'WooCommerce',
      name: 'Bench WooCommerce (20 requests/s budget)',
      earliestOrderDate: daysAgo(400),
      settings: { storeUrl: STORE_URL, baseUrl: fake.url },
      credentials: { consumerKey: fake.consumerKey, consumerSecret: fake.consumerSecret },
    }, orders);
    const requests = log.count();
    const rateLimited = log.rateLimited();
    const budget = limiterFigures('woocommerce', 'WooCommerce download', { bucket: WOO_BUDGET, figure: `own budget used % (${WOO_REQUESTS_PER_SECOND} requests/s)` }, log, download, check);
    const shipments = await uploadShipments(fake, log, Math.min(orders, DEFAULT_WOO_SHIPMENTS), check);
    return {
      ...downloadFigures('woocommerce', orders, download),
      'woocommerce: requests': requests,
      'woocommerce: 429 replies': rateLimited,
      ...budget,
      ...shipments,
    };
  } finally {
    await fake.close();
  }
}

/**
 * Shipments of the first orders through the connector (the upload service's per-shipment call, four in
 * flight as it sends them), under the connector's own budget (a limiter of this process, not the
 * engine worker's): shipments per second and what each costs in requests (tracking, ledger note...).
 * Its budget share is reported, not checked (as before): four workers make it a rougher figure than the download's.
 */
async function uploadShipments(fake: FakeWooCommerce, log: RequestLog, count: number, check: Check): Promise<Record<string, string | number>> {
  const orders = [...fake.store.orders.values()].slice(0, count);
  const upload = await measureUpload(
    {
      prefix: 'woocommerce',
      what: 'WooCommerce shipment upload',
      log,
      bucket: WOO_BUDGET,
      connect: (ctx) =>
        woocommercePlugin.create(ctx, woocommercePlugin.settingsSchema.parse({ storeUrl: STORE_URL, baseUrl: fake.url }), {
          consumerKey: fake.consumerKey,
          consumerSecret: fake.consumerSecret,
        }),
      shipments: orders.map((order) => benchShipment(String(order.id), order.number, order.line_items.map((l) => ({ cartLineId: String(l.id), sku: l.sku, quantity: l.quantity })))),
    },
    check,
  );
  return {
    ...upload.figures,
    'woocommerce: upload requests per shipment': round(upload.requests / orders.length, 2),
    'woocommerce: upload 429 replies': upload.rateLimited,
    'woocommerce: upload own budget used %': upload.share?.text ?? '-',
  };
}

runAloneWhenMain(import.meta.url, { flag: 'woo-orders', defaultOrders: DEFAULT_WOO_ORDERS, rows: woocommerceDownloadRows });
