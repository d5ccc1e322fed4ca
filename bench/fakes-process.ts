/**
 * The benchmark's counterpart process: fake Shopify shops and a real FTP server, driven over IPC by
 * bench/fakes-client.ts. Started with `node --import tsx bench/fakes-process.ts` (fork).
 */
import type { FakeOrder } from '../test/fakes/shopify/fake-model.js';
import type { FakeShopify } from '../test/fakes/shopify/index.js';
import type { TestFtpServer } from '../test/support/ftp-server.js';
import type { BudgetWindow, BucketReading, FakesRequest, FakesResponse, ShopInfo, ShopSpec, ShopStats } from './fakes-protocol.js';

// graphql-js reads NODE_ENV once, when loaded: in production its instanceOf is a bare `instanceof`
// instead of a check that also names the culprit when two copies of graphql are mixed (one copy here).
// Nothing else in this process reads it. Hence the runtime modules are imported only after setting it.
process.env.NODE_ENV ??= 'production';
const { createFakeShopify } = await import('../test/fakes/shopify/index.js');
const { defaultFulfillmentOrder } = await import('../test/fakes/shopify/order-generator.js');
const { startFtpServer } = await import('../test/support/ftp-server.js');
const { writeConfirmations } = await import('./wms-simulator.js');

const shops = new Map<string, FakeShopify>();
let ftp: TestFtpServer | undefined;

/**
 * The generated shop mixes in unpaid, canceled and fulfilled orders (right for connector tests). The
 * benchmark wants every one of its N orders to travel the whole loop, so each generated order is made
 * open, paid and unfulfilled the first time it is produced. Orders the fake has stored (fulfilled ones)
 * are already normalised and keep their fulfillment state.
 */
function makeEveryOrderDeliverable(shop: FakeShopify): void {
  const state = shop.state;
  const generate = state.orderAt.bind(state);
  const normalised = new WeakSet<FakeOrder>();
  state.orderAt = (index: number): FakeOrder => {
    const order = generate(index);
    if (normalised.has(order)) return order;
    order.financialStatus = 'PAID';
    order.fulfillmentStatus = 'UNFULFILLED';
    order.cancelledMs = null;
    order.closedMs = null;
    order.fulfillmentOrders = [defaultFulfillmentOrder(order)];
    normalised.add(order);
    return order;
  };
}

async function startShop(name: string, spec: ShopSpec): Promise<ShopInfo> {
  const shop = await createFakeShopify({
    orders: spec.orders,
    seed: spec.seed ?? 7,
    restoreRate: spec.restoreRate,
    maximumAvailable: spec.maximumAvailable,
  });
  makeEveryOrderDeliverable(shop);
  shops.set(name, shop);
  return { url: shop.url, shopDomain: shop.shopDomain, token: shop.token };
}

function shop(name: string): FakeShopify {
  const found = shops.get(name);
  if (!found) throw new Error(`no fake shop ${name}`);
  return found;
}

function bucket(name: string): BucketReading {
  const { state } = shop(name);
  const atMs = state.now();
  return {
    atMs,
    available: state.bucket.currentlyAvailable(atMs),
    restoreRate: state.bucket.restoreRate,
    maximumAvailable: state.bucket.maximumAvailable,
  };
}

function stats(name: string, countFulfillments: boolean): ShopStats {
  const { state } = shop(name);
  let fulfilledOrders = 0;
  let fulfillments = 0;
  if (countFulfillments) {
    for (let i = 0; i < state.orderCount; i++) {
      const n = state.fulfillmentsOf(i).length;
      fulfillments += n;
      if (n > 0) fulfilledOrders++;
    }
  }
  const s = state.stats;
  return { requests: s.requests, graphqlRequests: s.graphqlRequests, throttled: s.throttled, pointsSpent: s.pointsSpent, fulfilledOrders, fulfillments };
}

function budget(name: string, startMs: number, endMs: number): BudgetWindow {
  const { state } = shop(name);
  let spent = 0;
  for (const [at, points] of state.stats.spendLog) if (at >= startMs && at <= endMs) spent += points;
  return { spent, rawPct: state.budgetUsedPct(startMs, endMs) };
}

async function handle(request: FakesRequest): Promise<unknown> {
  switch (request.cmd) {
    case 'startShop':
      return startShop(request.name, request.spec);
    case 'startFtp':
      ftp = await startFtpServer({ root: request.root });
      return { port: ftp.port, user: ftp.user, password: ftp.password, root: ftp.root };
    case 'bucket':
      return bucket(request.name);
    case 'stats':
      return stats(request.name, request.countFulfillments);
    case 'budget':
      return budget(request.name, request.startMs, request.endMs);
    case 'writeConfirmations':
      return writeConfirmations(request.ordersDir, request.confirmationsDir);
    case 'cpu': {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1e6;
    }
    case 'memory':
      return { rssMB: process.memoryUsage().rss / 2 ** 20, maxRssMB: process.resourceUsage().maxRSS / 1024 };
    case 'close':
      await Promise.all([...shops.values()].map((s) => s.close()));
      await ftp?.close();
      return null;
  }
}

process.on('message', (request: FakesRequest) => {
  const reply = (message: FakesResponse) =>
    process.send!(message, undefined, {}, () => {
      if (request.cmd === 'close') process.disconnect();
    });
  handle(request).then(
    (value) => reply({ id: request.id, ok: true, value }),
    (err: unknown) => reply({ id: request.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
process.on('disconnect', () => setTimeout(() => process.exit(0), 200).unref());
process.send!({ id: 0, ok: true, value: 'ready' } satisfies FakesResponse);
