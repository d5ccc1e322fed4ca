/**
 * The BigCommerce row of `npm run bench`: a download through the engine from the fake BigCommerce store
 * (test/fakes/bigcommerce, in this process) at BigCommerce's default quota (150 requests per 30 s window,
 * Standard and Plus plans): orders per second, and the share of the quota the download used.
 *
 * The quota comes in windows of 150 requests that start with the first request after the previous one
 * ended (the fake, like BigCommerce), and a window's allowance is there at once. So a download bound by
 * the quota cannot take less than (windows it needs - 1) x 30 s: the share used is that shortest time
 * over the time it took. A download that fits in one window never waits and has no share to tell ("-").
 *
 * Alone: `npx tsx bench/bigcommerce-download.ts [--bc-orders N]` (an engine worker of its own).
 */
import { bigcommercePlugin } from '../main/engine/connectors/carts/bigcommerce/index.js';
import { createFakeBigCommerce, type FakeBigCommerce } from '../test/fakes/bigcommerce/index.js';
import { daysAgo, downloadFigures, downloadRow } from './download-row.js';
import { round } from './measure.js';
import type { RequestLog } from './request-log.js';
import { benchShipment, measureUpload } from './shipment-upload.js';
import { runAloneWhenMain, type Call, type Check } from './platform-row-alone.js';

/** BigCommerce's default quota (api-rate-limits: Standard and Plus plans). */
const QUOTA = 150;
const WINDOW_MS = 30_000;
/** Enough orders for about two and a half windows at 200 orders per request. */
export const DEFAULT_BC_ORDERS = 200 * QUOTA * 2 + 200 * 75;
/** Shipments uploaded after the download: three requests each, so about two windows' worth. */
export const DEFAULT_BC_SHIPMENTS = 100;

/** The fake's totals; it keeps no arrival times (the quota's windows are counted from the totals). */
function storeLog(fake: FakeBigCommerce): RequestLog {
  return { count: () => fake.store.stats.requests, times: () => [], rateLimited: () => fake.store.stats.rateLimited };
}

export async function bigcommerceDownloadRows(call: Call, merchantId: number, check: Check, orders = DEFAULT_BC_ORDERS): Promise<Record<string, string | number>> {
  const fake = await createFakeBigCommerce({ quota: QUOTA, windowMs: WINDOW_MS });
  try {
    fake.store.seedOrders(orders);
    const download = await downloadRow(call, merchantId, check, {
      platform: 'bigcommerce',
      label: 'BigCommerce',
      name: 'Bench BigCommerce (default quota)',
      earliestOrderDate: daysAgo(400),
      settings: { storeHash: fake.storeHash, baseUrl: fake.url },
      credentials: { accessToken: fake.token },
    }, orders);
    const { requests, rateLimited } = fake.store.stats;
    const served = requests - rateLimited;
    const shortestSec = ((Math.ceil(served / QUOTA) - 1) * WINDOW_MS) / 1000;
    const budgetUsedPct = shortestSec > 0 ? (100 * shortestSec) / download.sec : NaN;
    if (!Number.isNaN(budgetUsedPct)) check(budgetUsedPct >= 90, `BigCommerce download used ${round(budgetUsedPct, 1)}% of the quota (target >= 90%)`);
    check(rateLimited <= Math.max(1, Math.ceil(requests * 0.02)), `BigCommerce answered 429 ${rateLimited} times in ${requests} requests (target: rare)`);
    const shipments = await uploadShipments(fake, Math.min(orders, DEFAULT_BC_SHIPMENTS), check);
    return {
      ...downloadFigures('bigcommerce', orders, download),
      'bigcommerce: requests': requests,
      'bigcommerce: 429 replies': rateLimited,
      'bigcommerce: client wait (ms)': download.waitMs,
      'bigcommerce: quota used % (shortest time the quota allows / time taken)': Number.isNaN(budgetUsedPct) ? '-' : round(budgetUsedPct, 1),
      ...shipments,
    };
  } finally {
    await fake.close();
  }
}

/**
 * Shipments of the first orders through the connector (the upload service's per-shipment call, four in
 * flight as it sends them), on the quota the download left: shipments per second at the default quota.
 */
async function uploadShipments(fake: FakeBigCommerce, count: number, check: Check): Promise<Record<string, string | number>> {
  const orders = [...fake.store.orders.values()].slice(0, count);
  const upload = await measureUpload(
    {
      prefix: 'bigcommerce',
      what: 'BigCommerce shipment upload',
      log: storeLog(fake),
      connect: (ctx) => bigcommercePlugin.create(ctx, bigcommercePlugin.settingsSchema.parse({ storeHash: fake.storeHash, baseUrl: fake.url }), { accessToken: fake.token }),
      shipments: orders.map((order) => benchShipment(String(order.id), String(order.id), order.products.map((p) => ({ cartLineId: String(p.id), sku: p.sku, quantity: p.quantity })))),
    },
    check,
  );
  return {
    ...upload.figures,
    'bigcommerce: upload requests': upload.requests,
    'bigcommerce: upload 429 replies': upload.rateLimited,
  };
}

runAloneWhenMain(import.meta.url, { flag: 'bc-orders', defaultOrders: DEFAULT_BC_ORDERS, rows: bigcommerceDownloadRows });
