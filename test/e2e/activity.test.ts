import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeShopify, type FakeShopify } from '../fakes/shopify/index.js';
import { ActivityPage } from './pages/activity-page.js';
import { AlertsPage } from './pages/alerts-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
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
  /** A Shopify connection on the fake shop; only its order download may run on its own. */
  const addShop = (name: string, accessToken: string, downloadMinutes: number | null) =>
    app.call('carts.create', {
      merchantId,
      platform: 'shopify',
      name,
      earliestOrderDate: '2025-01-01',
      settings: { shopDomain: shop.shopDomain, baseUrl: shop.url },
      credentials: { accessToken },
      schedules: { order_download: downloadMinutes, shipment_upload: null, inventory_upload: null },
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
    await activity.jobState('Shipment Upload', 'Demo store').getByText('Paused by a person').waitFor();
    expect(await row.getByRole('button', { name: /^Pause/ }).count()).toBe(0);
    const paused = (await app.call('schedules.list', {})).find((j) => j.service === 'shipment_upload' && j.targetId === 1);
    expect(paused).toMatchObject({ state: 'paused', by: 'person' });

    await activity.resume('Shipment Upload', 'Demo store');
    await row.getByRole('button', { name: /^Pause/ }).waitFor();
    await expect.poll(() => row.getByText('Paused', { exact: true }).count()).toBe(0);
    await activity.jobState('Shipment Upload', 'Demo store').getByText(/^Next run at /).waitFor();
    const resumed = (await app.call('schedules.list', {})).find((j) => j.service === 'shipment_upload' && j.targetId === 1);
    expect(resumed?.state).toMatch(/^(scheduled|running)$/);
    await app.screenshot('activity');
    // The demo warehouse runs this job on its own when it ships; each wait above may sit behind such a run
    // (and on a busy CI machine one took longer than the default 30 s), so the test gets twice that.
  }, 60_000);

  it('a store that refuses its token raises an alert that links to the store and can be dismissed', async () => {
    const cart = await addShop('Outdoor shop', 'shpat_wrong', null);
    const activity = new ActivityPage(app.page);
    await activity.goto();
    await activity.runNow('Order Download', 'Outdoor shop');
    await activity.runResult('Order Download', 'Outdoor shop').getByText('Failed').waitFor();
    // An auth failure pauses the job until the credentials are fixed, and says why.
    await activity.job('Order Download', 'Outdoor shop').getByText('Paused', { exact: true }).waitFor();
    // The failed run says what failed under Errors (it said "None"), and never "nothing to do".
    const failed = activity.runs('Order Download', 'Outdoor shop').first();
    await expect.poll(() => failed.getByRole('cell').nth(6).textContent()).toMatch(/refused the access token/);
    expect(await failed.getByRole('cell').nth(5).textContent()).not.toContain('nothing to do');

    const alerts = new AlertsPage(app.page);
    await alerts.goto();
    const alert = alerts.alert('Outdoor shop');
    await alert.waitFor();
    await alert.getByText('Error', { exact: true }).waitFor();
    expect(await alert.getByRole('link', { name: 'Go to Outdoor shop' }).getAttribute('href')).toBe(`#/carts/${cart.id}`);
    await app.screenshot('alerts');

    // An alert e-mail's link picks the alert out of the list, and says so.
    const raised = (await app.call('alerts.list', {})).find((a) => a.message.includes('Outdoor shop'))!;
    await alerts.gotoLinked(raised.id);
    await alerts.linked().getByText('The alert from your link').waitFor();
    expect(await alerts.linked().textContent()).toContain(raised.message);
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('true');
    await app.screenshot('alerts-linked');

    await alerts.dismiss('Outdoor shop');
    await app.page.getByRole('status').getByText('Dismissed:').waitFor();
    await expect.poll(() => alert.count()).toBe(0);
    expect((await app.call('alerts.list', {})).some((a) => a.targetType === 'cart' && a.targetId === cart.id)).toBe(false);
    // Followed again once dismissed (the e-mail opened anew), the link says the alert is no longer open.
    await app.page.reload();
    await app.page.getByText(`Alert #${raised.id} from the link is no longer open`).waitFor();
  });

  it('a job paused by a refused token shows why, links to the fix and offers Resume instead of Pause', async () => {
    const cart = await addShop('Trail shop', 'shpat_refused', 15);
    const activity = new ActivityPage(app.page);
    await activity.goto();
    await activity.runNow('Order Download', 'Trail shop');
    await activity.runResult('Order Download', 'Trail shop').getByText('Failed').waitFor();

    const row = activity.job('Order Download', 'Trail shop');
    const state = activity.jobState('Order Download', 'Trail shop');
    await state.getByText('Paused', { exact: true }).waitFor();
    await state.getByText(/^Paused: .*refused the access token/).waitFor();
    expect(await state.getByRole('link', { name: 'Fix the credentials of Trail shop' }).getAttribute('href')).toBe(`#/carts/${cart.id}`);
    await row.getByRole('button', { name: /^Resume/ }).waitFor();
    expect(await row.getByRole('button', { name: /^Pause/ }).count()).toBe(0);
    const job = (await app.call('schedules.list', {})).find((j) => j.service === 'order_download' && j.targetId === cart.id);
    expect(job).toMatchObject({ state: 'paused', by: 'auth' });
    await app.screenshot('activity-paused-by-auth');

    // The Dashboard says the same of the connection: what stopped it and where to fix it.
    const dashboard = new DashboardPage(app.page);
    await dashboard.goto();
    const connection = dashboard.connectionRow('Demo Merchant', 'Trail shop');
    await connection.getByText(/^Paused: .*refused the access token/).waitFor();
    await connection.getByRole('link', { name: 'Fix the credentials of Trail shop' }).waitFor();

    // Resume lifts the pause and its alert; the refused token would pause it again on its next run.
    await activity.goto();
    await activity.resume('Order Download', 'Trail shop');
    await state.getByText(/^Next run at /).waitFor();
    await row.getByRole('button', { name: /^Pause/ }).waitFor();
    expect((await app.call('alerts.list', {})).some((a) => a.key === `auth:cart:${cart.id}`)).toBe(false);
  });

  it('a download that failed for a passing reason shows when it retries, the attempt and the error', async () => {
    const activity = new ActivityPage(app.page);
    await activity.goto();
    // The store answers malformed until the end of the case: the job's first scheduled run (seconds
    // away) and Run now both fail, whichever comes first on a loaded machine, so the job is left
    // retrying either way (attempt 2, or 3 when both ran).
    const cart = await addShop('Harbour shop', shop.token, 60);
    shop.state.malformNext(20);
    await activity.runNow('Order Download', 'Harbour shop');
    await activity.runResult('Order Download', 'Harbour shop').getByText('Failed').waitFor();

    const state = activity.jobState('Order Download', 'Harbour shop');
    await state.getByText('Retrying', { exact: true }).waitFor();
    await state.getByText(/^Retrying at \d{1,2}:\d{2}.* \(attempt [23]\): .*malformed reply/).waitFor();
    await activity.job('Order Download', 'Harbour shop').getByRole('button', { name: /^Pause/ }).waitFor();
    const job = (await app.call('schedules.list', {})).find((j) => j.service === 'order_download' && j.targetId === cart.id);
    expect(job).toMatchObject({ state: 'retrying' });
    expect([2, 3]).toContain(job?.state === 'retrying' ? job.attempt : undefined);
    shop.state.clearFaults();
    await app.screenshot('activity-retrying');
  });
});
