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
import { performance } from 'node:perf_hooks';
import { etsyPlugin } from '../main/engine/connectors/carts/etsy/index.js';
import { silentLogger, systemClock } from '../main/engine/platform/ports.js';
import { ETSY_REQUEST_BUDGET } from '../shared/platforms/etsy.js';
import { createFakeEtsy, type FakeEtsy } from '../test/fakes/etsy/index.js';
import { budgetShare, checkBudget } from './budget-share.js';
import { round } from './measure.js';
import { benchShipment, uploadBenchShipments } from './shipment-upload.js';
import { runAloneWhenMain, type Call } from './platform-row-alone.js';

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

export async function etsyDownloadRows(
  call: Call,
  merchantId: number,
  check: (ok: boolean, what: string) => void,
  orders = DEFAULT_ETSY_ORDERS,
): Promise<Record<string, string | number>> {
  const fake = await createFakeEtsy({ quota: { perSecond: ETSY_REQUEST_BUDGET.ratePerSecond, perDay: ETSY_REQUEST_BUDGET.perDay } });
  try {
    seedReceipts(fake, orders);
    const credentials = { keystring: fake.keystring, refreshToken: fake.oauth.grant(), shopId: String(fake.shop.shopId), shopName: fake.shop.shopName };
    const cart = await call('carts.create', {
      merchantId,
      name: `Bench Etsy (${ETSY_REQUEST_BUDGET.ratePerSecond} requests/s, ${ETSY_REQUEST_BUDGET.perDay} a day)`,
      platform: 'etsy',
      earliestOrderDate: new Date(Date.now() - 400 * 86_400_000).toISOString(),
      settings: { baseUrl: fake.url },
      credentials,
      rejectUnmappedShipCodes: false,
    } as never);
    const t0 = performance.now();
    const run = await call('services.runNow', { service: 'order_download', targetId: cart.id });
    const sec = (performance.now() - t0) / 1000;
    console.error(`etsy order_download: ${run.status} in ${round(sec, 1)} s ${JSON.stringify(run.counts)}`);
    check(run.status === 'ok', `Etsy download ended ${run.status}: ${run.message ?? ''}`);
    check(run.counts.new === orders, `Etsy download: ${run.counts.new ?? 0} new orders, expected ${orders}`);

    const requests = fake.requests.length;
    const rateLimited = fake.stats.rateLimited;
    const budget = budgetShare(BUCKET, fake.requests.map((r) => r.atMs), run.counts.throttleWaitMs ?? 0);
    checkBudget(budget, ETSY_REQUEST_BUDGET.ratePerSecond, 'Etsy download', check);
    const ordersPerRequest = orders / Math.max(1, requests);
    const shipments = await uploadShipments(fake, credentials, Math.min(orders, DEFAULT_ETSY_SHIPMENTS), check);
    return {
      'etsy: orders': orders,
      'etsy: download s': round(sec, 1),
      'etsy: download orders/s': round(orders / sec, 1),
      'etsy: requests': requests,
      'etsy: orders per request': round(ordersPerRequest, 1),
      'etsy: 429 replies': rateLimited,
      'etsy: client wait (ms)': run.counts.throttleWaitMs ?? 0,
      [`etsy: per-second budget used % (${ETSY_REQUEST_BUDGET.ratePerSecond}/s)`]: budget.text,
      'etsy: limiter binding % of requests span': budget.bindingPct,
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
async function uploadShipments(
  fake: FakeEtsy,
  credentials: Record<string, string>,
  count: number,
  check: (ok: boolean, what: string) => void,
): Promise<Record<string, string | number>> {
  const settings = etsyPlugin.settingsSchema.parse({ baseUrl: fake.url });
  let waitedMs = 0;
  const onThrottle = (ms: number) => void (waitedMs += ms);
  // The engine (a worker of its own) rotated the first refresh token: this connector gets a grant of its own.
  const grant = { ...credentials, refreshToken: fake.oauth.grant() };
  const connector = etsyPlugin.create({ clock: systemClock, log: silentLogger, signal: new AbortController().signal, onThrottle }, settings, etsyPlugin.credentialsSchema.parse(grant));
  const receipts = [...fake.shop.receipts.values()].slice(0, count);
  const before = fake.requests.length;
  const limitedBefore = fake.stats.rateLimited;
  const { accepted, sec } = await uploadBenchShipments(
    connector,
    receipts.map((r) => benchShipment(String(r.receipt_id), String(r.receipt_id), r.transactions.map((t) => ({ cartLineId: String(t.transaction_id), sku: t.sku, quantity: t.quantity })))),
  );
  const requests = fake.requests.length - before;
  const uploadShare = budgetShare(BUCKET, fake.requests.slice(before).map((r) => r.atMs), waitedMs / 4);
  check(accepted === receipts.length, `Etsy shipment upload: ${accepted} of ${receipts.length} accepted`);
  console.error(`etsy shipments: ${accepted} in ${round(sec, 1)} s`);
  const perShipment = requests / Math.max(1, receipts.length);
  return {
    'etsy: shipments': receipts.length,
    'etsy: upload s': round(sec, 1),
    'etsy: upload shipments/s': round(receipts.length / sec, 2),
    'etsy: upload requests per shipment': round(perShipment, 2),
    'etsy: upload 429 replies': fake.stats.rateLimited - limitedBefore,
    'etsy: upload per-second budget used %': uploadShare.text,
    'etsy: shipments/day within 10,000 requests': Math.floor(ETSY_REQUEST_BUDGET.perDay / perShipment),
  };
}

runAloneWhenMain(import.meta.url, { flag: 'etsy-orders', defaultOrders: DEFAULT_ETSY_ORDERS, rows: etsyDownloadRows });
