/**
 * The Etsy row of `npm run bench`: a receipts download through the engine from the fake Etsy shop
 * (test/fakes/etsy, in this process) at Etsy's documented per-app limits (10 requests a second, 10,000
 * in any 24 hours, the fake enforcing both with 429s), then 100 receipt shipments through the connector.
 *
 * Which limit binds depends on the time scale: within a run the 10 a second does (the row checks the
 * share of it the download used is >= 90% where the limiter set the pace, as Magento's row does); over
 * a day the 10,000 does, at 10 a second it is spent in under 17 minutes. So the row states both: orders
 * per hour at 10 requests a second, and orders per hour sustained over 24 hours within 10,000 requests
 * (one receipts page of 100 per request; what the download measured per request). Scaled by the order
 * count only (15,000 receipts, ~15 s, ~150 requests of the day's 10,000): the quotas are Etsy's.
 *
 * Alone: `npx tsx bench/etsy-download.ts [--etsy-orders N]` (an engine worker of its own).
 */
import { etsyPlugin } from '../main/engine/connectors/carts/etsy/index.js';
import { ETSY_REQUEST_BUDGET } from '../shared/platforms/etsy.js';
import { createFakeEtsy, type FakeEtsy } from '../test/fakes/etsy/index.js';
import { daysAgo, downloadFigures, downloadRow, limiterFigures } from './download-row.js';
import { round } from './measure.js';
import { requestLog, type RequestLog } from './request-log.js';
import { benchShipment, measureUpload } from './shipment-upload.js';
import { runAloneWhenMain, type Call, type Check } from './platform-row-alone.js';

/** About 15 s at 10 requests a second, 100 receipts a page. */
export const DEFAULT_ETSY_ORDERS = 100 * ETSY_REQUEST_BUDGET.ratePerSecond * 15;
export const DEFAULT_ETSY_SHIPMENTS = 100;

const BUCKET = { ratePerSecond: ETSY_REQUEST_BUDGET.ratePerSecond, burst: ETSY_REQUEST_BUDGET.burst };

/** Receipts modified one a second up to now, over two SKUs' listings: deterministic, as the fake generates them. */
function seedReceipts(fake: FakeEtsy, orders: number): void {
  fake.shop.addListing([{ sku: 'BENCH-MUG', quantity: 500 }]);
  fake.shop.addListing([
    { sku: 'BENCH-TEE-S', quantity: 300 },
    { sku: 'BENCH-TEE-M', quantity: 300 },
  ]);
  const now = fake.shop.now();
  for (let i = 0; i < orders; i++) fake.shop.addReceipt({ createdAt: now - orders + i });
}

export async function etsyDownloadRows(call: Call, merchantId: number, check: Check, orders = DEFAULT_ETSY_ORDERS): Promise<Record<string, string | number>> {
  const fake = await createFakeEtsy({ quota: { perSecond: ETSY_REQUEST_BUDGET.ratePerSecond, perDay: ETSY_REQUEST_BUDGET.perDay } });
  try {
    seedReceipts(fake, orders);
    const log = requestLog(() => fake.requests, () => fake.stats.rateLimited);
    const credentials = { keystring: fake.keystring, refreshToken: fake.oauth.grant(), shopId: String(fake.shop.shopId), shopName: fake.shop.shopName };
    const download = await downloadRow(call, merchantId, check, {
      platform: 'etsy',
      label: 'Etsy',
      name: `Bench Etsy (${ETSY_REQUEST_BUDGET.ratePerSecond} requests/s, ${ETSY_REQUEST_BUDGET.perDay} a day)`,
      earliestOrderDate: daysAgo(400),
      settings: { baseUrl: fake.url },
      credentials,
    }, orders);
    const requests = log.count();
    const rateLimited = log.rateLimited();
    const budget = limiterFigures('etsy', 'Etsy download', { bucket: BUCKET, figure: `per-second budget used % (${ETSY_REQUEST_BUDGET.ratePerSecond}/s)` }, log, download, check);
    const ordersPerRequest = orders / Math.max(1, requests);
    const shipments = await uploadShipments(fake, log, credentials, Math.min(orders, DEFAULT_ETSY_SHIPMENTS), check);
    return {
      ...downloadFigures('etsy', orders, download),
      'etsy: requests': requests,
      'etsy: orders per request': round(ordersPerRequest, 1),
      'etsy: 429 replies': rateLimited,
      ...budget,
      [`etsy: daily budget used % (${ETSY_REQUEST_BUDGET.perDay} in 24 h)`]: round((100 * requests) / ETSY_REQUEST_BUDGET.perDay, 2),
      'etsy: orders/hour at 10 requests/s': Math.round(ordersPerRequest * ETSY_REQUEST_BUDGET.ratePerSecond * 3600),
      'etsy: orders/hour sustained (10,000 requests/day, binding)': Math.round((ordersPerRequest * ETSY_REQUEST_BUDGET.perDay) / 24),
      ...shipments,
    };
  } finally {
    await fake.close();
  }
}

/** Shipments of the first receipts through the connector, four in flight as the upload service sends them. */
async function uploadShipments(fake: FakeEtsy, log: RequestLog, credentials: Record<string, string>, count: number, check: Check): Promise<Record<string, string | number>> {
  // The engine (a worker of its own) rotated the first refresh token: this connector gets a grant of its own.
  const grant = { ...credentials, refreshToken: fake.oauth.grant() };
  const receipts = [...fake.shop.receipts.values()].slice(0, count);
  const upload = await measureUpload(
    {
      prefix: 'etsy',
      what: 'Etsy shipment upload',
      log,
      bucket: BUCKET,
      connect: (ctx) => etsyPlugin.create(ctx, etsyPlugin.settingsSchema.parse({ baseUrl: fake.url }), etsyPlugin.credentialsSchema.parse(grant)),
      shipments: receipts.map((r) => benchShipment(String(r.receipt_id), String(r.receipt_id), r.transactions.map((t) => ({ cartLineId: String(t.transaction_id), sku: t.sku, quantity: t.quantity })))),
    },
    check,
  );
  const perShipment = upload.requests / Math.max(1, receipts.length);
  return {
    ...upload.figures,
    'etsy: upload requests per shipment': round(perShipment, 2),
    'etsy: upload 429 replies': upload.rateLimited,
    'etsy: upload per-second budget used %': upload.share?.text ?? '-',
    'etsy: shipments/day within 10,000 requests': Math.floor(ETSY_REQUEST_BUDGET.perDay / perShipment),
  };
}

runAloneWhenMain(import.meta.url, { flag: 'etsy-orders', defaultOrders: DEFAULT_ETSY_ORDERS, rows: etsyDownloadRows });
