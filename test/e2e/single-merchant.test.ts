import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardPage } from './pages/dashboard-page.js';
import { FirstRunPage } from './pages/first-run-page.js';
import { toast } from './pages/toasts.js';
import { startApp, type AppUnderTest } from './support/app.js';

/** A merchant running its own warehouse: the first run's other path, and one business only. */
describe('single-merchant mode through the screens', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp();
    app.page.setDefaultTimeout(20_000);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sets up one business from the first run and never offers a second', async () => {
    const { page } = app;
    const firstRun = new FirstRunPage(page);
    await firstRun.waitUntilShown();
    await firstRun.chooseSingleMerchant();
    await firstRun.setUpMyself();

    // "Set up myself" opens the Dashboard's checklist, nothing done yet.
    const dashboard = new DashboardPage(page);
    await dashboard.checklist().waitFor();
    expect(await dashboard.checklistDone()).toEqual([]);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your business' }).click();
    await page.getByRole('heading', { name: 'Your business', level: 1 }).waitFor();
    await page.getByText('Your business is not set up yet').waitFor();
    await dashboard.goto();
    await dashboard.checklistStep('Set up your business').click();
    const form = page.getByRole('form', { name: 'Merchant' });
    await form.getByLabel('Name', { exact: true }).fill('Harbor Candles');
    await form.getByLabel('Code', { exact: true }).fill('HARBOR');
    await form.locator('button[type=submit]').click();
    await toast(page, /Harbor Candles saved/).waitFor();
    expect((await app.call('account.get', {})).mode).toBe('single_merchant');

    await page.goto(new URL('#/merchants', page.url()).toString());
    await page.getByRole('table', { name: 'Merchants' }).getByText('Harbor Candles').waitFor();
    expect(await page.getByRole('link', { name: 'Set up your business' }).count()).toBe(0);
    // The engine holds the rule too, whatever a screen offers.
    await expect(app.call('merchants.create', { name: 'Second', code: 'SECOND' })).rejects.toThrow(/single-merchant mode/);

    await dashboard.goto();
    await page.getByRole('link', { name: 'Harbor Candles' }).first().waitFor();
    // The business's step ticked itself; the checklist stays until the rest is done.
    await expect.poll(() => dashboard.checklistDone()).toEqual(['merchant']);
  });
});
