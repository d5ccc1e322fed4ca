/**
 * The Magento 2 row of `npm run bench`: a download through the engine from the fake Magento store
 * (test/fakes/magento, in this process), then 100 shipments through the connector.
 *
 * Magento documents no request limit (a store's host or WAF may set one) and the connector has no
 * limiter of its own, so there is no budget share to report: orders per second is the figure, with the
 * requests it took and any 429 the fake served (none are queued here, so any is news).
 *
 * Alone: `npx tsx bench/magento-download.ts [--magento-orders N]` (an engine worker of its own).
 */
import { performance } from 'node:perf_hooks';
import { magentoPlugin } from '../main/engine/connectors/carts/magento/index.js';
import { silentLogger, systemClock } from '../main/engine/platform/ports.js';
import { createFakeMagento, type FakeMagento } from '../test/fakes/magento/index.js';
import { round } from './measure.js';
import { runAloneWhenMain, type Call } from './platform-row-alone.js';

/** Enough pages (100 orders each) for a steady rate past the first pages' warm-up. */
export const DEFAULT_MAGENTO_ORDERS = 10_000;
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
      name: 'Bench Magento 2 (no limit)',
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
    const shipments = await uploadShipments(fake, Math.min(orders, DEFAULT_MAGENTO_SHIPMENTS), check);
    return {
      'magento: orders': orders,
      'magento: download s': round(sec, 1),
      'magento: download orders/s': round(orders / sec, 1),
      'magento: requests': requests,
      'magento: 429 replies': rateLimited,
      'magento: client wait (ms)': run.counts.throttleWaitMs ?? 0,
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
  const connector = magentoPlugin.create({ clock: systemClock, log: silentLogger, signal: new AbortController().signal }, settings, {
    accessToken: fake.integrationToken,
  });
  const orders = [...fake.state.orders.values()].slice(0, count);
  const before = fake.requests.length;
  const limitedBefore = fake.stats.rateLimited;
  const t0 = performance.now();
  let accepted = 0;
  let next = 0;
  const worker = async () => {
    while (next < orders.length) {
      const order = orders[next++];
      const result = await connector.uploadShipment!({
        cartOrderId: String(order.entity_id),
        orderNumber: order.increment_id,
        carrier: 'ups',
        trackingNumber: `1ZBENCH${order.entity_id}`,
        shipDate: new Date().toISOString().slice(0, 10),
        items: order.items.map((l) => ({ cartLineId: String(l.item_id), sku: l.sku, quantity: l.qty_ordered })),
      });
      if (result.outcome === 'accepted') accepted += 1;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const sec = (performance.now() - t0) / 1000;
  const requests = fake.requests.length - before;
  check(accepted === orders.length, `Magento shipment upload: ${accepted} of ${orders.length} accepted`);
  console.error(`magento shipments: ${accepted} in ${round(sec, 1)} s`);
  return {
    'magento: shipments': orders.length,
    'magento: upload s': round(sec, 1),
    'magento: upload shipments/s': round(orders.length / sec, 2),
    'magento: upload requests per shipment': round(requests / orders.length, 2),
    'magento: upload 429 replies': fake.stats.rateLimited - limitedBefore,
  };
}

runAloneWhenMain(import.meta.url, { flag: 'magento-orders', defaultOrders: DEFAULT_MAGENTO_ORDERS, rows: magentoDownloadRows });
