/**
 * The Magento 2 row of `npm run bench`: a download through the engine from the fake Magento store
 * (test/fakes/magento, in this process), then 100 shipments through the connector.
 *
 * Adobe Commerce documents no request limit (a store's host or WAF may set one); the connector holds
 * itself to MAGENTO_REQUEST_BUDGET per store (the descriptor says why: 10 requests a second, a burst of
 * 10), the kit's token bucket shared by every run of the store. The row reports the share of that
 * budget the download used as WooCommerce's row does (the kit's tokenBucketShare: the requests the fake
 * received over the most the bucket could grant from the first to the last of them) and checks it is
 * >= 90% where the limiter was the binding constraint (the client waited for it at least a tenth of the
 * requests' span; otherwise "machine-bound", see woocommerce-download.ts) and the requests span long
 * enough for the budget to bind (DEFAULT_MAGENTO_ORDERS is chosen so they do: 100 orders a page at 10
 * pages a second is 1,000 orders a second, ~15 s for 15,000), with any 429 the fake served (none are
 * queued here, so any is news). The upload reports the same share, unchecked.
 *
 * Alone: `npx tsx bench/magento-download.ts [--magento-orders N]` (an engine worker of its own).
 */
import { performance } from 'node:perf_hooks';
import { magentoPlugin } from '../main/engine/connectors/carts/magento/index.js';
import { silentLogger, systemClock } from '../main/engine/platform/ports.js';
import { MAGENTO_REQUEST_BUDGET } from '../shared/platforms/magento.js';
import { createFakeMagento, type FakeMagento } from '../test/fakes/magento/index.js';
import { budgetShare, checkBudget } from './budget-share.js';
import { round } from './measure.js';
import { benchShipment, uploadBenchShipments } from './shipment-upload.js';
import { runAloneWhenMain, type Call } from './platform-row-alone.js';

/** About 15 s at the connector's budget (one request a page of 100 orders, 10 a second). */
export const DEFAULT_MAGENTO_ORDERS = 100 * MAGENTO_REQUEST_BUDGET.ratePerSecond * 15;
export const DEFAULT_MAGENTO_SHIPMENTS = 100;

export async function magentoDownloadRows(
  call: Call,
  merchantId: number,
  check: (ok: boolean, what: string) => void,
  orders = DEFAULT_MAGENTO_ORDERS,
): Promise<Record<string, string | number>> {
  const fake = await createFakeMagento({ orders });
  try {
    const cart = await call('carts.create', {
      merchantId,
      name: `Bench Magento 2 (${MAGENTO_REQUEST_BUDGET.ratePerSecond} requests/s budget)`,
      platform: 'magento',
      earliestOrderDate: new Date(Date.now() - 400 * 86_400_000).toISOString(),
      // Plain http is accepted for a store on this machine (magentoStoreUrlProblem), so the fake is the store.
      settings: { storeUrl: fake.url },
      credentials: { accessToken: fake.integrationToken },
      rejectUnmappedShipCodes: false,
    } as never);
    const t0 = performance.now();
    const run = await call('services.runNow', { service: 'order_download', targetId: cart.id });
    const sec = (performance.now() - t0) / 1000;
    console.error(`magento order_download: ${run.status} in ${round(sec, 1)} s ${JSON.stringify(run.counts)}`);
    check(run.status === 'ok', `Magento download ended ${run.status}: ${run.message ?? ''}`);
    check(run.counts.new === orders, `Magento download: ${run.counts.new ?? 0} new orders, expected ${orders}`);

    const requests = fake.requests.length;
    const rateLimited = fake.stats.rateLimited;
    const budget = budgetShare(MAGENTO_REQUEST_BUDGET, fake.requests.map((r) => r.atMs), run.counts.throttleWaitMs ?? 0);
    checkBudget(budget, MAGENTO_REQUEST_BUDGET.ratePerSecond, 'Magento download', check);
    const shipments = await uploadShipments(fake, Math.min(orders, DEFAULT_MAGENTO_SHIPMENTS), check);
    return {
      'magento: orders': orders,
      'magento: download s': round(sec, 1),
      'magento: download orders/s': round(orders / sec, 1),
      'magento: requests': requests,
      'magento: 429 replies': rateLimited,
      'magento: client wait (ms)': run.counts.throttleWaitMs ?? 0,
      [`magento: own budget used % (${MAGENTO_REQUEST_BUDGET.ratePerSecond} requests/s)`]: budget.text,
      'magento: limiter binding % of requests span': budget.bindingPct,
      ...shipments,
    };
  } finally {
    await fake.close();
  }
}


/**
 * Shipments of the first orders through the connector (the upload service's per-shipment call, four in
 * flight as it sends them): shipments per second and what each costs in requests.
 */
async function uploadShipments(fake: FakeMagento, count: number, check: (ok: boolean, what: string) => void): Promise<Record<string, string | number>> {
  const settings = magentoPlugin.settingsSchema.parse({ storeUrl: fake.url });
  let waitedMs = 0;
  const onThrottle = (ms: number) => void (waitedMs += ms);
  const connector = magentoPlugin.create({ clock: systemClock, log: silentLogger, signal: new AbortController().signal, onThrottle }, settings, {
    accessToken: fake.integrationToken,
  });
  const orders = [...fake.state.orders.values()].slice(0, count);
  const before = fake.requests.length;
  const limitedBefore = fake.stats.rateLimited;
  const { accepted, sec } = await uploadBenchShipments(connector, orders.map((order) => benchShipment(String(order.entity_id), order.increment_id, order.items.map((l) => ({ cartLineId: String(l.item_id), sku: l.sku, quantity: l.qty_ordered })))));
  const requests = fake.requests.length - before;
  // Four workers wait at once: their waits overlap, so the binding share is the waits over four spans.
  const uploadShare = budgetShare(MAGENTO_REQUEST_BUDGET, fake.requests.slice(before).map((r) => r.atMs), waitedMs / 4);
  check(accepted === orders.length, `Magento shipment upload: ${accepted} of ${orders.length} accepted`);
  console.error(`magento shipments: ${accepted} in ${round(sec, 1)} s`);
  return {
    'magento: shipments': orders.length,
    'magento: upload s': round(sec, 1),
    'magento: upload shipments/s': round(orders.length / sec, 2),
    'magento: upload requests per shipment': round(requests / orders.length, 2),
    'magento: upload 429 replies': fake.stats.rateLimited - limitedBefore,
    'magento: upload own budget used %': uploadShare.text,
  };
}

runAloneWhenMain(import.meta.url, { flag: 'magento-orders', defaultOrders: DEFAULT_MAGENTO_ORDERS, rows: magentoDownloadRows });
