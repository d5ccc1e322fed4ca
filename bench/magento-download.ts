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
import { magentoPlugin } from '../main/engine/connectors/carts/magento/index.js';
import { MAGENTO_REQUEST_BUDGET } from '../shared/platforms/magento.js';
import { createFakeMagento, type FakeMagento } from '../test/fakes/magento/index.js';
import { daysAgo, downloadFigures, downloadRow, limiterFigures } from './download-row.js';
import { round } from './measure.js';
import { requestLog, type RequestLog } from './request-log.js';
import { benchShipment, measureUpload } from './shipment-upload.js';
import { runAloneWhenMain, type Call, type Check } from './platform-row-alone.js';

/** About 15 s at the connector's budget (one request a page of 100 orders, 10 a second). */
export const DEFAULT_MAGENTO_ORDERS = 100 * MAGENTO_REQUEST_BUDGET.ratePerSecond * 15;
export const DEFAULT_MAGENTO_SHIPMENTS = 100;

export async function magentoDownloadRows(call: Call, merchantId: number, check: Check, orders = DEFAULT_MAGENTO_ORDERS): Promise<Record<string, string | number>> {
  const fake = await createFakeMagento({ orders });
  try {
    const log = requestLog(() => fake.requests, () => fake.stats.rateLimited);
    const download = await downloadRow(call, merchantId, check, {
      platform: 'magento',
      label: 'Magento',
      name: `Bench Magento 2 (${MAGENTO_REQUEST_BUDGET.ratePerSecond} requests/s budget)`,
      earliestOrderDate: daysAgo(400),
      // Plain http is accepted for a store on this machine (magentoStoreUrlProblem), so the fake is the store.
      settings: { storeUrl: fake.url },
      credentials: { accessToken: fake.integrationToken },
    }, orders);
    const requests = log.count();
    const rateLimited = log.rateLimited();
    const budget = limiterFigures('magento', 'Magento download', { bucket: MAGENTO_REQUEST_BUDGET, figure: `own budget used % (${MAGENTO_REQUEST_BUDGET.ratePerSecond} requests/s)` }, log, download, check);
    const shipments = await uploadShipments(fake, log, Math.min(orders, DEFAULT_MAGENTO_SHIPMENTS), check);
    return {
      ...downloadFigures('magento', orders, download),
      'magento: requests': requests,
      'magento: 429 replies': rateLimited,
      ...budget,
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
async function uploadShipments(fake: FakeMagento, log: RequestLog, count: number, check: Check): Promise<Record<string, string | number>> {
  const orders = [...fake.state.orders.values()].slice(0, count);
  const upload = await measureUpload(
    {
      prefix: 'magento',
      what: 'Magento shipment upload',
      log,
      bucket: MAGENTO_REQUEST_BUDGET,
      connect: (ctx) => magentoPlugin.create(ctx, magentoPlugin.settingsSchema.parse({ storeUrl: fake.url }), { accessToken: fake.integrationToken }),
      shipments: orders.map((order) => benchShipment(String(order.entity_id), order.increment_id, order.items.map((l) => ({ cartLineId: String(l.item_id), sku: l.sku, quantity: l.qty_ordered })))),
    },
    check,
  );
  return {
    ...upload.figures,
    'magento: upload requests per shipment': round(upload.requests / orders.length, 2),
    'magento: upload 429 replies': upload.rateLimited,
    'magento: upload own budget used %': upload.share?.text ?? '-',
  };
}

runAloneWhenMain(import.meta.url, { flag: 'magento-orders', defaultOrders: DEFAULT_MAGENTO_ORDERS, rows: magentoDownloadRows });
