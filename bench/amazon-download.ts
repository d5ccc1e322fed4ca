/**
 * The Amazon row of `npm run bench`: a download through the engine from the fake seller
 * (test/fakes/amazon, in this process) at SP-API's documented usage plans, then shipment
 * confirmations through the connector.
 *
 * What bounds Amazon is getOrderItems: one call per order at 0.5 a second (a burst of 30), so about
 * 1,800 orders an hour once the burst is spent; getOrders brings 100 orders a call at 0.0167 a second
 * (about 6,000 orders an hour) and binds only above that. At the documented rates an hour-long run is
 * too long for a bench, so the row is scaled by its order count, not by the rates: DEFAULT_AMAZON_ORDERS
 * is the getOrderItems burst plus 30 orders (30 more calls at 0.5/s: about a minute), which is long
 * enough for the limiter to bind and its share to be measured (>= 90% checked). getOrders, one page of
 * 60 orders, uses one request of its burst of 20: its share is reported over the run, not checked.
 *
 * Alone: `npx tsx bench/amazon-download.ts [--amazon-orders N]` (an engine worker of its own).
 */
import { amazonPlugin } from '../main/engine/connectors/carts/amazon/plugin.js';
import { AMAZON_USAGE_PLANS } from '../main/engine/connectors/carts/amazon/operations.js';
import { createFakeAmazon, US_MARKETPLACE, type FakeAmazon } from '../test/fakes/amazon/index.js';
import { budgetShare, checkBudget } from './budget-share.js';
import { daysAgo, downloadRow } from './download-row.js';
import { round } from './measure.js';
import { runAloneWhenMain, type Call, type Check } from './platform-row-alone.js';
import { requestLog } from './request-log.js';
import { benchShipment, measureUpload } from './shipment-upload.js';

const ITEMS = AMAZON_USAGE_PLANS.getOrderItems;
const LISTS = AMAZON_USAGE_PLANS.getOrders;
const CONFIRMS = AMAZON_USAGE_PLANS.confirmShipment;

/** The getOrderItems burst plus 30 orders: about a minute at 0.5 calls a second. */
export const DEFAULT_AMAZON_ORDERS = ITEMS.burst + 30;
/** The confirmShipment burst plus 20: about 10 s at 2 a second. */
export const DEFAULT_AMAZON_SHIPMENTS = CONFIRMS.burst + 20;

export async function amazonDownloadRows(call: Call, merchantId: number, check: Check, orders = DEFAULT_AMAZON_ORDERS): Promise<Record<string, string | number>> {
  // The seller's clock is this machine's; the orders are ten minutes old, past Amazon's two-minute rule.
  const fake = await createFakeAmazon({ start: { now: () => new Date() } });
  const placed = new Date(Date.now() - 10 * 60_000).toISOString();
  for (let i = 0; i < orders; i++) fake.state.addOrder({ purchasedAt: placed });
  const settings = { region: 'na', marketplaceIds: [US_MARKETPLACE], authMode: 'self_authorized', baseUrl: fake.url } as const;
  const credentials = { clientId: fake.app.clientId, clientSecret: fake.app.clientSecret, refreshToken: fake.refreshToken, sellingPartnerId: fake.sellerId };
  try {
    const { sec, waitMs } = await downloadRow(call, merchantId, check, {
      platform: 'amazon',
      label: 'Amazon',
      name: 'Bench Amazon (documented usage plans)',
      earliestOrderDate: daysAgo(1),
      settings,
      credentials,
    }, orders);
    const at = (operation: string) => fake.requests.filter((r) => r.operation === operation).map((r) => r.atMs);
    const itemTimes = at('getOrderItems');
    const listTimes = at('getOrders');
    const rateLimited = fake.stats.rateLimited;
    check(rateLimited === 0, `Amazon download: the fake answered ${rateLimited} QuotaExceeded`);
    // Nearly every wait of the run is for getOrderItems (the binding operation).
    const items = budgetShare(ITEMS, itemTimes, waitMs);
    checkBudget(items, ITEMS.ratePerSecond, 'Amazon getOrderItems', check);
    // getOrders over the whole run: its requests over what its bucket could grant in that time.
    const listsPct = (100 * listTimes.length) / (LISTS.burst + LISTS.ratePerSecond * sec);
    // Measured after the burst: how many orders an hour getOrderItems let through.
    const afterBurst = itemTimes.slice(ITEMS.burst);
    const sustainedPerHour = afterBurst.length >= 2 ? (3600_000 * (afterBurst.length - 1)) / (afterBurst.at(-1)! - afterBurst[0]) : NaN;
    const shipments = await uploadShipments(fake, settings, credentials, Math.min(orders, DEFAULT_AMAZON_SHIPMENTS), check);
    return {
      'amazon: orders (scaled: getOrderItems burst + 30)': orders,
      'amazon: download s': round(sec, 1),
      'amazon: getOrderItems requests': itemTimes.length,
      [`amazon: getOrderItems budget used % (${ITEMS.ratePerSecond}/s, burst ${ITEMS.burst}; binding)`]: items.text,
      'amazon: getOrderItems limiter binding % of requests span': items.bindingPct,
      'amazon: getOrders requests': listTimes.length,
      [`amazon: getOrders budget used % over the run (${LISTS.ratePerSecond}/s, burst ${LISTS.burst})`]: round(listsPct, 1),
      'amazon: QuotaExceeded replies': rateLimited,
      'amazon: orders/hour achievable (getOrderItems 0.5/s)': round(ITEMS.ratePerSecond * 3600),
      'amazon: orders/hour measured after the burst': Number.isNaN(sustainedPerHour) ? '-' : round(sustainedPerHour),
      'amazon: orders/hour getOrders alone would allow (100 a page)': round(LISTS.ratePerSecond * 3600 * 100),
      ...shipments,
    };
  } finally {
    await fake.close();
  }
}

/** Confirmations of the first orders through the connector, four in flight as the upload service sends them. */
async function uploadShipments(
  fake: FakeAmazon,
  settings: Record<string, unknown>,
  credentials: Record<string, string>,
  count: number,
  check: Check,
): Promise<Record<string, string | number>> {
  const orders = [...fake.state.orders.values()].slice(0, count);
  const upload = await measureUpload(
    {
      prefix: 'amazon',
      what: 'Amazon shipment confirmation',
      // The share is counted against confirmShipment's usage plan, as the row has always reported it.
      log: requestLog(() => fake.requests, () => fake.stats.rateLimited, (r) => r.operation === 'confirmShipment'),
      bucket: CONFIRMS,
      connect: (ctx) => amazonPlugin.create(ctx, amazonPlugin.settingsSchema.parse(settings), amazonPlugin.credentialsSchema.parse(credentials)),
      shipments: orders.map(({ order, items }) => benchShipment(order.AmazonOrderId, order.AmazonOrderId, items.map((i) => ({ cartLineId: i.OrderItemId, sku: i.SellerSKU, quantity: i.QuantityOrdered })))),
    },
    check,
  );
  return {
    ...upload.figures,
    [`amazon: confirmShipment budget used % (${CONFIRMS.ratePerSecond}/s, burst ${CONFIRMS.burst})`]: upload.share?.text ?? '-',
  };
}

runAloneWhenMain(import.meta.url, { flag: 'amazon-orders', defaultOrders: DEFAULT_AMAZON_ORDERS, rows: amazonDownloadRows });
