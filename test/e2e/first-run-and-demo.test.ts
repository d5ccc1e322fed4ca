import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardPage } from './pages/dashboard-page.js';
import { FirstRunPage } from './pages/first-run-page.js';
import { startApp, type AppUnderTest } from './support/app.js';

/** The demo loop (download, delivery, the demo warehouse shipping, pickup, upload) runs by itself. */
const DEMO_LOOP_TIMEOUT_MS = 120_000;

describe('a new install', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('asks how you work before anything else, and will not start until you choose', async () => {
    const firstRun = new FirstRunPage(app.page);
    await firstRun.waitUntilShown();
    await firstRun.tryWithDemoData();
    await firstRun.modeError().getByText('Choose how you work first').waitFor();
    expect(await app.call('account.get', {})).toEqual({ configured: false, mode: null });

    await firstRun.chooseFulfillmentCenter();
    expect(await firstRun.isChosen('Fulfillment center')).toBe(true);
    expect(await firstRun.isChosen('Single merchant')).toBe(false);
    await app.screenshot('first-run');
  });

  it(
    'with "Try with demo data" lands on the dashboard and the demo orders reach Confirmed with no other input',
    async () => {
      const firstRun = new FirstRunPage(app.page);
      await firstRun.tryWithDemoData();
      const dashboard = new DashboardPage(app.page);
      await dashboard.heading.waitFor({ timeout: 30_000 });
      expect(await app.call('account.get', {})).toEqual({ configured: true, mode: 'fulfillment' });
      await dashboard.merchant('Demo Merchant').waitFor();
      await dashboard.connectionRow('Demo Merchant', 'Demo store').waitFor();

      // The screen updates itself from the engine's events: no reloads, no clicks.
      await expect.poll(() => dashboard.bucketCount('Done'), { timeout: DEMO_LOOP_TIMEOUT_MS, interval: 1_000 }).toBeGreaterThan(0);
      const confirmed = await app.call('orders.list', { status: 'confirmed' });
      expect(confirmed.total).toBeGreaterThan(0);
      expect(confirmed.items[0].status).toBe('confirmed');

      // Every order sits in one bucket, so the buckets shown add up to the total shown.
      const labels = ['To deliver', 'At the warehouse', 'To confirm', 'Needs attention', 'Done'];
      const summary = await app.call('dashboard.summary', {});
      await expect.poll(() => dashboard.bucketCount('All orders')).toBe(summary.totals.total);
      const counts = await Promise.all(labels.map((label) => dashboard.bucketCount(label)));
      expect(counts.reduce<number>((sum, n) => sum + (n ?? 0), 0)).toBe(await dashboard.bucketCount('All orders'));
      await app.screenshot('dashboard');
    },
    DEMO_LOOP_TIMEOUT_MS + 60_000,
  );

  it('a bucket on the dashboard opens exactly the orders it counts, and a merchant opens its own activity', async () => {
    const dashboard = new DashboardPage(app.page);
    await dashboard.goto();
    // The demo ships every order of a file at once: wait until the loop has settled.
    await expect.poll(async () => (await dashboard.bucketCount('Done')) === (await dashboard.bucketCount('All orders')), { timeout: 60_000 }).toBe(true);
    const done = (await dashboard.bucketCount('Done')) ?? 0;

    await app.page.getByLabel(`Done: ${done}`).getByRole('link', { name: String(done), exact: true }).click();
    await app.page.getByRole('heading', { name: 'Orders', exact: true }).waitFor();
    expect(app.page.url()).toContain('bucket=done');
    await expect.poll(() => app.page.getByRole('table', { name: 'Orders' }).locator('tbody tr').count()).toBe(Math.min(done, 50));

    await dashboard.goto();
    await dashboard.connectionRow('Demo Merchant', 'Warehouse side').getByRole('link', { name: 'Activity' }).click();
    await app.page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
    expect(app.page.url()).toMatch(/kind=merchant/);
    const jobs = app.page.getByRole('table', { name: 'Jobs' }).locator('tbody tr');
    // The merchant's three warehouse-side jobs, not the store's.
    await expect.poll(() => jobs.allTextContents().then((rows) => rows.map((r) => r.split('Demo')[0].trim()))).toEqual([
      'Order Delivery',
      'Shipping Confirmations',
      'Inventory',
    ]);
  });
});
