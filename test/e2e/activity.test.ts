import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeShopify, type FakeShopify } from '../fakes/shopify/index.js';
import { ActivityPage } from './pages/activity-page.js';
import { AlertsPage } from './pages/alerts-page.js';
import { startApp, type AppUnderTest } from './support/app.js';

describe('the Activity and Alerts screens on demo data', () => {
  let app: AppUnderTest;
  let shop: FakeShopify;
  let merchantId: number;
  beforeAll(async () => {
    shop = await createFakeShopify();
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    ({ merchantId } = await app.call('demo.setup', {}));
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
    await shop?.close();
  });

  it('Run now on Order Download shows the finished run with its counts in the list', async () => {
    const activity = new ActivityPage(app.page);
    await activity.goto();
    const runsBefore = (await app.call('runs.list', { service: 'order_download' })).total;
    await activity.runNow('Order Download', 'Demo store');
    await activity.runResult('Order Download', 'Demo store').getByText('Finished').waitFor();
    expect((await app.call('runs.list', { service: 'order_download' })).total).toBeGreaterThan(runsBefore);

    const newest = activity.runs('Order Download', 'Demo store').first();
    await expect.poll(() => newest.getByRole('cell').nth(3).textContent()).toBe('Manual');
    await expect.poll(() => newest.textContent()).toMatch(/downloaded \d+/);
  });

  it('Pause then Resume a job shows its state each time', async () => {
    const activity = new ActivityPage(app.page);
    await activity.goto();
    const row = activity.job('Shipment Upload', 'Demo store');
    await activity.pause('Shipment Upload', 'Demo store');
    await row.getByText('Paused', { exact: true }).waitFor();
    const paused = (await app.call('schedules.list', {})).find((j) => j.service === 'shipment_upload' && j.targetId === 1);
    expect(paused?.paused).toBe(true);

    await activity.resume('Shipment Upload', 'Demo store');
    await row.getByRole('button', { name: /^Pause/ }).waitFor();
    await expect.poll(() => row.getByText('Paused', { exact: true }).count()).toBe(0);
    const resumed = (await app.call('schedules.list', {})).find((j) => j.service === 'shipment_upload' && j.targetId === 1);
    expect(resumed?.paused).toBe(false);
    await app.screenshot('activity');
  });

  it('a store that refuses its token raises an alert that links to the store and can be dismissed', async () => {
    const cart = await app.call('carts.create', {
      merchantId,
      platform: 'shopify',
      name: 'Outdoor shop',
      earliestOrderDate: '2025-01-01',
      settings: { shopDomain: shop.shopDomain, baseUrl: shop.url },
      credentials: { accessToken: 'shpat_wrong' },
      schedules: { order_download: null, shipment_upload: null, inventory_upload: null },
    });
    const activity = new ActivityPage(app.page);
    await activity.goto();
    await activity.runNow('Order Download', 'Outdoor shop');
    await activity.runResult('Order Download', 'Outdoor shop').getByText('Failed').waitFor();
    // An auth failure pauses the job until the credentials are fixed, and says why.
    await activity.job('Order Download', 'Outdoor shop').getByText('Paused', { exact: true }).waitFor();

    const alerts = new AlertsPage(app.page);
    await alerts.goto();
    const alert = alerts.alert('Outdoor shop');
    await alert.waitFor();
    await alert.getByText('Error', { exact: true }).waitFor();
    expect(await alert.getByRole('link', { name: 'Go to Outdoor shop' }).getAttribute('href')).toBe(`#/carts/${cart.id}`);
    await app.screenshot('alerts');

    await alerts.dismiss('Outdoor shop');
    await app.page.getByRole('status').getByText('Dismissed:').waitFor();
    await expect.poll(() => alert.count()).toBe(0);
    expect((await app.call('alerts.list', {})).some((a) => a.targetType === 'cart' && a.targetId === cart.id)).toBe(false);
  });
});
