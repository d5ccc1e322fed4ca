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
import { performance } from 'node:perf_hooks';
import { bigcommercePlugin } from '../main/engine/connectors/carts/bigcommerce/index.js';
import { silentLogger, systemClock } from '../main/engine/platform/ports.js';
import { createFakeBigCommerce, type FakeBigCommerce } from '../test/fakes/bigcommerce/index.js';
import { round } from './measure.js';
import { benchShipment, uploadBenchShipments } from './shipment-upload.js';
import { runAloneWhenMain, type Call } from './platform-row-alone.js';

/** BigCommerce's default quota (api-rate-limits: Standard and Plus plans). */
const QUOTA = 150;
const WINDOW_MS = 30_000;
/** Enough orders for about two and a half windows at 200 orders per request. */
export const DEFAULT_BC_ORDERS = 200 * QUOTA * 2 + 200 * 75;
/** Shipments uploaded after the download: three requests each, so about two windows' worth. */
export const DEFAULT_BC_SHIPMENTS = 100;

export async function bigcommerceDownloadRows(
  call: Call,
  merchantId: number,
  check: (ok: boolean, what: string) => void,
  orders = DEFAULT_BC_ORDERS,
): Promise<Record<string, string | number>> {
  const fake = await createFakeBigCommerce({ quota: QUOTA, windowMs: WINDOW_MS });
  try {
    fake.store.seedOrders(orders);
    const cart = await call('carts.create', {
      merchantId,
      name: 'Bench BigCommerce (default quota)',
      platform: 'bigcommerce',
      earliestOrderDate: new Date(Date.now() - 400 * 86_400_000).toISOString(),
      settings: { storeHash: fake.storeHash, baseUrl: fake.url },
      credentials: { accessToken: fake.token },
      rejectUnmappedShipCodes: false,
    } as never);
    const t0 = performance.now();
    const run = await call('services.runNow', { service: 'order_download', targetId: cart.id });
    const sec = (performance.now() - t0) / 1000;
    console.error(`bigcommerce order_download: ${run.status} in ${round(sec, 1)} s ${JSON.stringify(run.counts)}`);
    check(run.status === 'ok', `BigCommerce download ended ${run.status}: ${run.message ?? ''}`);
    check(run.counts.new === orders, `BigCommerce download: ${run.counts.new ?? 0} new orders, expected ${orders}`);

    const { requests, rateLimited } = fake.store.stats;
    const served = requests - rateLimited;
    const shortestSec = ((Math.ceil(served / QUOTA) - 1) * WINDOW_MS) / 1000;
    const budgetUsedPct = shortestSec > 0 ? (100 * shortestSec) / sec : NaN;
    if (!Number.isNaN(budgetUsedPct)) check(budgetUsedPct >= 90, `BigCommerce download used ${round(budgetUsedPct, 1)}% of the quota (target >= 90%)`);
    check(rateLimited <= Math.max(1, Math.ceil(requests * 0.02)), `BigCommerce answered 429 ${rateLimited} times in ${requests} requests (target: rare)`);
    const shipments = await uploadShipments(fake, Math.min(orders, DEFAULT_BC_SHIPMENTS), check);
    return {
      'bigcommerce: orders': orders,
      'bigcommerce: download s': round(sec, 1),
      'bigcommerce: download orders/s': round(orders / sec, 1),
      'bigcommerce: requests': requests,
      'bigcommerce: 429 replies': rateLimited,
      'bigcommerce: client wait (ms)': run.counts.throttleWaitMs ?? 0,
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
async function uploadShipments(fake: FakeBigCommerce, count: number, check: (ok: boolean, what: string) => void): Promise<Record<string, string | number>> {
  const settings = bigcommercePlugin.settingsSchema.parse({ storeHash: fake.storeHash, baseUrl: fake.url });
  const connector = bigcommercePlugin.create({ clock: systemClock, log: silentLogger, signal: new AbortController().signal }, settings, { accessToken: fake.token });
  const orders = [...fake.store.orders.values()].slice(0, count);
  const before = fake.store.stats.requests;
  const limitedBefore = fake.store.stats.rateLimited;
  const { accepted, sec } = await uploadBenchShipments(connector, orders.map((order) => benchShipment(String(order.id), String(order.id), order.products.map((p) => ({ cartLineId: String(p.id), sku: p.sku, quantity: p.quantity })))));
  check(accepted === orders.length, `BigCommerce shipment upload: ${accepted} of ${orders.length} accepted`);
  console.error(`bigcommerce shipments: ${accepted} in ${round(sec, 1)} s`);
  return {
    'bigcommerce: shipments': orders.length,
    'bigcommerce: upload s': round(sec, 1),
    'bigcommerce: upload shipments/s': round(orders.length / sec, 2),
    'bigcommerce: upload requests': fake.store.stats.requests - before,
    'bigcommerce: upload 429 replies': fake.store.stats.rateLimited - limitedBefore,
  };
}

runAloneWhenMain(import.meta.url, { flag: 'bc-orders', defaultOrders: DEFAULT_BC_ORDERS, rows: bigcommerceDownloadRows });
