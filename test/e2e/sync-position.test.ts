import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ActivityPage } from './pages/activity-page.js';
import { CartPage } from './pages/cart-page.js';
import { startApp, type AppUnderTest } from './support/app.js';

/**
 * The cart's sync position on the Cart setup screen, on demo data: read in words, a typo refused on its
 * field with nothing changed, and a restart from the earliest order date that the next download resumes.
 */
describe("the cart's sync position on the Cart setup screen", () => {
  let app: AppUnderTest;
  let cartId: number;
  const cursorOf = async () => (await app.call('carts.get', { id: cartId })).syncCursor;

  beforeAll(async () => {
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    ({ cartId } = await app.call('demo.setup', {}));
    // The schedule runs the first download right away; its position is what the screen explains.
    await vi.waitFor(async () => expect(await cursorOf()).not.toBeNull(), { timeout: 30_000, interval: 250 });
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('describes where the next download starts and shows the saved value', async () => {
    const cart = new CartPage(app.page);
    await cart.gotoDiagnostics(cartId);
    await expect.poll(() => cart.syncSummary().textContent()).toMatch(/^The Demo store has handed out \d+ orders; the next download starts at order \d+\.$/);
    expect(await cart.syncRaw().textContent()).toBe(await cursorOf());
  });

  it('refuses a typed position the Demo store cannot use, on the field, and changes nothing', async () => {
    const cart = new CartPage(app.page);
    const before = await cursorOf();
    await cart.editSyncPosition('twelve');
    await expect.poll(() => cart.syncPositionError().textContent()).toMatch(/how many orders the Demo store has handed out/);
    expect(await cart.syncDialog().getByRole('heading').textContent()).toBe('Change the sync position?');
    expect(await cursorOf()).toBe(before);
    await cart.cancelSyncDialog();
    expect(await cart.syncRaw().textContent()).toBe(before);
  });

  it('restarts from the earliest order date, and the next download brings the position back', async () => {
    const cart = new CartPage(app.page);
    await cart.restartSyncPosition();
    await cart.syncResult().filter({ hasText: 'Sync position cleared' }).waitFor();
    expect(await cursorOf()).toBeNull();
    await expect.poll(() => cart.syncSummary().textContent()).toMatch(/^Not started: the first download starts from the earliest order date \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\.$/);

    const activity = new ActivityPage(app.page);
    await activity.goto();
    await activity.runNow('Order Download', 'Demo store');
    await activity.runResult('Order Download', 'Demo store').getByText('Finished').waitFor();
    expect(await cursorOf()).toBe('{"issued":5}');

    await cart.gotoDiagnostics(cartId);
    await expect.poll(() => cart.syncSummary().textContent()).toBe('The Demo store has handed out 5 orders; the next download starts at order 6.');
    await app.screenshot('sync-position');
  });
});
