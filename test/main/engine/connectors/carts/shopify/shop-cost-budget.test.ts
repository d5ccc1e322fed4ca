import { afterEach, describe, expect, it } from 'vitest';
import { shopifySettingsSchema } from '../../../../../../shared/schemas/shopify.js';
import { shopifyCostBudget } from '../../../../../../main/engine/connectors/carts/shopify/connector.js';
import { createFakeShopify, type FakeShopify } from '../../../../../fakes/shopify/index.js';
import { ACCEPT_ALL, allOrders, collectPages, connectTo } from './helpers.js';

const fakes: FakeShopify[] = [];
const shop = async (options: Parameters<typeof createFakeShopify>[0]) => {
  const fake = await createFakeShopify(options);
  fakes.push(fake);
  return fake;
};

afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const costWaits = (throttles: { reason: string }[]) => throttles.filter((t) => t.reason.includes('query cost budget'));

describe("one Shopify shop's cost budget for every connector instance", () => {
  it('is one limiter for two connector instances of one shop created at once: the second sees what the first spent', async () => {
    // A bucket that holds one page of orders and refills in about a second.
    const fake = await shop({ orders: 23, maximumAvailable: 1000, restoreRate: 1000 });
    const download = connectTo(fake, { settings: ACCEPT_ALL });
    const upload = connectTo(fake, { settings: ACCEPT_ALL });
    expect(allOrders(await collectPages(download.connector, null))).toHaveLength(23);
    // The second instance has never talked to the shop, yet waits for the budget the first one spent.
    expect(allOrders(await collectPages(upload.connector, null))).toHaveLength(23);
    expect(costWaits(upload.throttles).length).toBeGreaterThan(0);
    expect(fake.state.stats.throttled).toBe(0);
  });

  it('keeps runs that go at once within the budget: a query in flight counts for the others', async () => {
    const fake = await shop({ orders: 23, maximumAvailable: 1000, restoreRate: 1000 });
    await collectPages(connectTo(fake, { settings: ACCEPT_ALL }).connector, null); // the budget is known
    const runs = [connectTo(fake, { settings: ACCEPT_ALL }), connectTo(fake, { settings: ACCEPT_ALL })];
    const results = await Promise.all(runs.map((r) => collectPages(r.connector, null)));
    expect(results.map((pages) => allOrders(pages).length)).toEqual([23, 23]);
    expect(fake.state.stats.throttled).toBe(0);
  });

  it('is not shared with another shop', async () => {
    const busy = await shop({ orders: 23, maximumAvailable: 1000, restoreRate: 1000 });
    const quiet = await shop({ orders: 23, maximumAvailable: 1000, restoreRate: 1000 });
    await collectPages(connectTo(busy, { settings: ACCEPT_ALL }).connector, null);
    const other = connectTo(quiet, { settings: ACCEPT_ALL });
    expect(allOrders(await collectPages(other.connector, null))).toHaveLength(23);
    expect(costWaits(other.throttles)).toHaveLength(0);
  });

  it('is another limiter once the settings point at another address, and the same for the same address', () => {
    const settings = shopifySettingsSchema.parse({ shopDomain: 'acme.myshopify.com' });
    const same = shopifySettingsSchema.parse({ shopDomain: 'acme.myshopify.com', filters: ACCEPT_ALL.filters });
    const moved = shopifySettingsSchema.parse({ shopDomain: 'acme-eu.myshopify.com' });
    const overridden = shopifySettingsSchema.parse({ shopDomain: 'acme.myshopify.com', baseUrl: 'http://127.0.0.1:9' });
    expect(shopifyCostBudget(same)).toBe(shopifyCostBudget(settings));
    expect(shopifyCostBudget(moved)).not.toBe(shopifyCostBudget(settings));
    expect(shopifyCostBudget(overridden)).not.toBe(shopifyCostBudget(settings));
  });
});
