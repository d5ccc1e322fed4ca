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
import { ebayPlugin } from '../main/engine/connectors/carts/ebay/index.js';
import { EBAY_ORDERS_PAGE_SIZE } from '../main/engine/connectors/carts/ebay/download.js';
import { systemClock } from '../main/engine/platform/ports.js';
import { ebayBudget } from '../shared/platforms/ebay.js';
import { createFakeEbay, type FakeEbay } from '../test/fakes/ebay/index.js';
import { daysAgo, downloadFigures, downloadRow, limiterFigures } from './download-row.js';
import { round } from './measure.js';
import { requestLog, type RequestLog } from './request-log.js';
import { benchShipment, measureUpload } from './shipment-upload.js';
import { runAloneWhenMain, type Call, type Check } from './platform-row-alone.js';

const BUDGET = ebayBudget('fulfillment');
/** 24 pages: the burst, then about 16 s at the limiter's pace. */
export const DEFAULT_EBAY_ORDERS = EBAY_ORDERS_PAGE_SIZE * 24;
export const DEFAULT_EBAY_SHIPMENTS = 12;

export async function ebayDownloadRows(call: Call, merchantId: number, check: Check, orders = DEFAULT_EBAY_ORDERS): Promise<Record<string, string | number>> {
  const fake = await createFakeEbay({ orders, start: systemClock });
  try {
    const log = requestLog(() => fake.requests, () => fake.stats.rateLimited);
    const credentials = { clientId: fake.app.clientId, clientSecret: fake.app.clientSecret, ruName: fake.app.ruName, refreshToken: fake.grant() };
    const download = await downloadRow(call, merchantId, check, {
      platform: 'ebay',
      label: 'eBay',
      name: 'Bench eBay (100,000 Fulfillment calls a day)',
      earliestOrderDate: daysAgo(30),
      settings: { baseUrl: fake.url },
      credentials,
    }, orders);
    const requests = log.count();
    const rateLimited = log.rateLimited();
    check(rateLimited === 0, `eBay download: the fake answered ${rateLimited} 429s`);
    const budget = limiterFigures('ebay', 'eBay download', { bucket: BUDGET, figure: 'Fulfillment budget used % (100,000 a day = 1.157/s)' }, log, download, check);
    const shipments = await uploadShipments(fake, log, credentials, Math.min(orders, DEFAULT_EBAY_SHIPMENTS), check);
    const callsPerOrder = requests / orders + Number(shipments['ebay: upload calls per shipment']);
    return {
      ...downloadFigures('ebay', orders, download),
      'ebay: Fulfillment calls': requests,
      'ebay: 429 replies': rateLimited,
      ...budget,
      ...shipments,
      'ebay: orders/hour within the daily limit (download + shipment)': Math.floor((BUDGET.ratePerSecond * 3600) / callsPerOrder),
    };
  } finally {
    await fake.close();
  }
}

/** Shipments of the first orders through the connector, four in flight as the upload service sends them. */
async function uploadShipments(fake: FakeEbay, log: RequestLog, credentials: Record<string, string>, count: number, check: Check): Promise<Record<string, string | number>> {
  const orders = [...fake.state.orders.values()].slice(0, count);
  const upload = await measureUpload(
    {
      prefix: 'ebay',
      what: 'eBay shipment upload',
      log,
      bucket: BUDGET,
      connect: (ctx) => ebayPlugin.create(ctx, ebayPlugin.settingsSchema.parse({ baseUrl: fake.url }), ebayPlugin.credentialsSchema.parse(credentials)),
      shipments: orders.map((o) => benchShipment(o.orderId, o.orderId, o.lineItems.map((l) => ({ cartLineId: l.lineItemId, sku: l.sku, quantity: l.quantity })))),
    },
    check,
  );
  return {
    ...upload.figures,
    'ebay: upload calls per shipment': round(upload.requests / orders.length, 2),
    'ebay: upload 429 replies': upload.rateLimited,
    'ebay: upload Fulfillment budget used %': upload.share?.text ?? '-',
  };
}

runAloneWhenMain(import.meta.url, { flag: 'ebay-orders', defaultOrders: DEFAULT_EBAY_ORDERS, rows: ebayDownloadRows });
