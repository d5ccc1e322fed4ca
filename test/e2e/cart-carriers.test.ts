import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CartPage } from './pages/cart-page.js';
import { startApp, type AppUnderTest } from './support/app.js';

/** The Carriers panel of a cart: the platform's name for each warehouse carrier, and the cart's own. */
describe("a cart's names for the warehouse carriers", () => {
  let app: AppUnderTest;
  let cartId: number;

  beforeAll(async () => {
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    ({ cartId } = await app.call('demo.setup', {}));
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("shows what each carrier is sent as, and saves the cart's own names, also for a carrier only this warehouse writes", async () => {
    const cart = new CartPage(app.page);
    await cart.goto(cartId);
    // Closed while the cart has no names of its own.
    const panel = app.page.locator('details.cart-carriers');
    expect(await panel.getAttribute('open')).toBeNull();
    await panel.locator('summary').click();
    const carriers = app.page.getByRole('table', { name: 'Carriers' });
    const fedex = carriers.getByLabel('Name sent to Demo store for FedEx (FDX)');
    // The Demo store lists no carriers of its own: FedEx goes as a custom carrier under its name.
    expect(await fedex.getAttribute('placeholder')).toBe('FedEx (custom carrier)');
    await fedex.fill('FedEx Freight');

    await app.page.getByLabel('Another carrier, as the warehouse writes it').fill('Bob Courier');
    await app.page.getByRole('button', { name: 'Add carrier' }).click();
    await carriers.getByLabel('Name sent to Demo store for Bob Courier').fill('Bobs Couriers Ltd');
    await carriers.scrollIntoViewIfNeeded();
    await app.screenshot('cart-carriers');
    await cart.save();

    await expect.poll(async () => (await app.call('carts.get', { id: cartId })).carrierNames).toEqual({ FDX: 'FedEx Freight', 'Bob Courier': 'Bobs Couriers Ltd' });
    await app.page.reload();
    await cart.goto(cartId);
    // Open once the cart has names of its own, and says how many.
    await expect.poll(() => panel.getAttribute('open')).not.toBeNull();
    expect(await panel.locator('summary').textContent()).toBe('Carriers (2 named for this cart)');
    expect(await carriers.getByLabel('Name sent to Demo store for Bob Courier').inputValue()).toBe('Bobs Couriers Ltd');
    expect(await carriers.getByLabel('Name sent to Demo store for UPS (UPS)').inputValue()).toBe('');
  });
});
