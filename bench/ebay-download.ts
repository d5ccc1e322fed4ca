/**
 * The eBay row of `npm run bench`: a download through the engine from the fake eBay (test/fakes/ebay, in
 * this process), then shipments through the connector, both at eBay's default daily call limit for the
 * Sell Fulfillment API (100,000 calls a day, the fake counting the same quota).
 *
 * The connector spreads the daily limit over the day: a token bucket of 100,000 / 86,400 = 1.16 calls a
 * second with a 5-second burst, shared by every run of the app (shared/platforms/ebay.ts, EBAY_DAILY_CALLS).
 * Nothing is scaled: the row uses the real limit and keeps the run short by its size instead (24 pages of
 * 200 orders, about 16 s; 12 shipments of two calls each, about 15 s). It reports the share of that budget
 * each used (the kit's tokenBucketShare, checked >= 90% on the download where the limiter bound it), the
 * 429s the fake answered (none are expected: the bucket keeps under the quota), and the orders an hour the
 * limit allows: the Fulfillment API's calls an hour over the calls one order costs (its share of a
 * download page plus its shipment's lookup and create), which binds long before Inventory's 2,000,000.
 *
 * Alone: `npx tsx bench/ebay-download.ts [--ebay-orders N]` (an engine worker of its own).
 */
import { performance } from 'node:perf_hooks';
import { ebayPlugin } from '../main/engine/connectors/carts/ebay/index.js';
import { EBAY_ORDERS_PAGE_SIZE } from '../main/engine/connectors/carts/ebay/download.js';
import { silentLogger, systemClock } from '../main/engine/platform/ports.js';
import { ebayBudget } from '../shared/platforms/ebay.js';
import { createFakeEbay, type FakeEbay } from '../test/fakes/ebay/index.js';
import { budgetShare, checkBudget } from './budget-share.js';
import { round } from './measure.js';
import { benchShipment, uploadBenchShipments } from './shipment-upload.js';
import { runAloneWhenMain, type Call } from './platform-row-alone.js';

const BUDGET = ebayBudget('fulfillment');
/** 24 pages: the burst, then about 16 s at the limiter's pace. */
export const DEFAULT_EBAY_ORDERS = EBAY_ORDERS_PAGE_SIZE * 24;
export const DEFAULT_EBAY_SHIPMENTS = 12;

export async function ebayDownloadRows(call: Call, merchantId: number, check: (ok: boolean, what: string) => void, orders = DEFAULT_EBAY_ORDERS): Promise<Record<string, string | number>> {
  const fake = await createFakeEbay({ orders, start: systemClock });
  try {
    const credentials = { clientId: fake.app.clientId, clientSecret: fake.app.clientSecret, ruName: fake.app.ruName, refreshToken: fake.grant() };
    const cart = await call('carts.create', {
      merchantId,
      name: 'Bench eBay (100,000 Fulfillment calls a day)',
      platform: 'ebay',
      earliestOrderDate: new Date(Date.now() - 30 * 86_400_000).toISOString(),
      settings: { baseUrl: fake.url },
      credentials,
      rejectUnmappedShipCodes: false,
    } as never);
    const t0 = performance.now();
    const run = await call('services.runNow', { service: 'order_download', targetId: cart.id });
    const sec = (performance.now() - t0) / 1000;
    console.error(`ebay order_download: ${run.status} in ${round(sec, 1)} s ${JSON.stringify(run.counts)}`);
    check(run.status === 'ok', `eBay download ended ${run.status}: ${run.message ?? ''}`);
    check(run.counts.new === orders, `eBay download: ${run.counts.new ?? 0} new orders, expected ${orders}`);

    const requests = fake.requests.length;
    const rateLimited = fake.stats.rateLimited;
    check(rateLimited === 0, `eBay download: the fake answered ${rateLimited} 429s`);
    const budget = budgetShare(BUDGET, fake.requests.map((r) => r.atMs), run.counts.throttleWaitMs ?? 0);
    checkBudget(budget, round(BUDGET.ratePerSecond, 3), 'eBay download', check);
    const shipments = await uploadShipments(fake, credentials, Math.min(orders, DEFAULT_EBAY_SHIPMENTS), check);
    const callsPerOrder = requests / orders + Number(shipments['ebay: upload calls per shipment']);
    return {
      'ebay: orders': orders,
      'ebay: download s': round(sec, 1),
      'ebay: download orders/s': round(orders / sec, 1),
      'ebay: Fulfillment calls': requests,
      'ebay: 429 replies': rateLimited,
      'ebay: client wait (ms)': run.counts.throttleWaitMs ?? 0,
      'ebay: Fulfillment budget used % (100,000 a day = 1.157/s)': budget.text,
      'ebay: limiter binding % of requests span': budget.bindingPct,
      ...shipments,
      'ebay: orders/hour within the daily limit (download + shipment)': Math.floor((BUDGET.ratePerSecond * 3600) / callsPerOrder),
    };
  } finally {
    await fake.close();
  }
}

/** Shipments of the first orders through the connector, four in flight as the upload service sends them. */
async function uploadShipments(fake: FakeEbay, credentials: Record<string, string>, count: number, check: (ok: boolean, what: string) => void): Promise<Record<string, string | number>> {
  const settings = ebayPlugin.settingsSchema.parse({ baseUrl: fake.url });
  let waitedMs = 0;
  const onThrottle = (ms: number) => void (waitedMs += ms);
  const connector = ebayPlugin.create({ clock: systemClock, log: silentLogger, signal: new AbortController().signal, onThrottle }, settings, ebayPlugin.credentialsSchema.parse(credentials));
  const orders = [...fake.state.orders.values()].slice(0, count);
  const before = fake.requests.length;
  const limitedBefore = fake.stats.rateLimited;
  const { accepted, sec } = await uploadBenchShipments(
    connector,
    orders.map((o) => benchShipment(o.orderId, o.orderId, o.lineItems.map((l) => ({ cartLineId: l.lineItemId, sku: l.sku, quantity: l.quantity })))),
  );
  const requests = fake.requests.length - before;
  const share = budgetShare(BUDGET, fake.requests.slice(before).map((r) => r.atMs), waitedMs / 4);
  check(accepted === orders.length, `eBay shipment upload: ${accepted} of ${orders.length} accepted`);
  console.error(`ebay shipments: ${accepted} in ${round(sec, 1)} s`);
  return {
    'ebay: shipments': orders.length,
    'ebay: upload s': round(sec, 1),
    'ebay: upload shipments/s': round(orders.length / sec, 2),
    'ebay: upload calls per shipment': round(requests / orders.length, 2),
    'ebay: upload 429 replies': fake.stats.rateLimited - limitedBefore,
    'ebay: upload Fulfillment budget used %': share.text,
  };
}

runAloneWhenMain(import.meta.url, { flag: 'ebay-orders', defaultOrders: DEFAULT_EBAY_ORDERS, rows: ebayDownloadRows });
