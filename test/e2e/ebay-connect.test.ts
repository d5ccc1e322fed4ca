import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeEbay, type FakeEbay } from '../fakes/ebay/index.js';
import { AlertsPage } from './pages/alerts-page.js';
import { CartPage } from './pages/cart-page.js';
import { ConnectionBoxPage } from './pages/connection-box-page.js';
import { MerchantFormPage } from './pages/merchants-page.js';
import { OrdersPage } from './pages/orders-page.js';
import { toast } from './pages/toasts.js';
import { startApp, type AppUnderTest } from './support/app.js';

/**
 * An eBay seller's account connected as a warehouse manager does it, against the fake eBay over real
 * HTTP: the cart saved with the app's fields only, Connect, eBay's consent page (the fake's, which sends
 * the browser to the RuName's accept URL with the code and state), the landing address pasted back
 * (eBay's redirect is https-only, so Dockhand never receives it itself), and the orders downloaded.
 * Then what goes wrong: a landing of another attempt, a refusal, garbage; the seller revoking the grant
 * (Alerts: Reconnect); and a setup link the merchant opens in their own browser.
 */
describe('connecting an eBay account through its consent page, as a warehouse manager does it', () => {
  let app: AppUnderTest;
  let ebay: FakeEbay;
  let merchantId: number;
  let cartId: number;
  let box: ConnectionBoxPage;
  let dataDir: string;
  const CART = 'Acme eBay';
  /** Every refresh token eBay issued to Dockhand, the revoked ones too. */
  const issued = new Set<string>();

  /** The host on this test's data dir (a restart keeps the carts, the saved access and a waiting setup link). */
  async function start(): Promise<void> {
    app = await startApp({ dataDir });
    box = new ConnectionBoxPage(app.page);
    // A step that never comes fails with what it waited for, not with the test's timeout.
    app.context.setDefaultTimeout(15_000);
  }

  beforeAll(async () => {
    // The fake's clock is the real one: the orders it makes are as new as the host's own time.
    ebay = await createFakeEbay({ orders: 3, start: { now: () => new Date() } });
    dataDir = await mkdtemp(join(tmpdir(), 'dockhand-e2e-ebay-'));
    await start();
    await app.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await app.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME' })).id;
  });
  afterAll(async () => {
    await app?.close();
    await ebay?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Where the consent page sent the browser: waits for the fake's accept URL and reads the address bar. */
  async function landingOf(page: Page): Promise<string> {
    await page.waitForURL((url) => url.pathname === '/accepted', { timeout: 15_000 });
    return page.url();
  }

  /** Presses the button that opens the consent page (the app opens it in a new tab) and returns that tab's landing. */
  async function consentInNewTab(press: () => Promise<void>): Promise<string> {
    const opened = app.context.waitForEvent('page');
    await press();
    const tab = await opened;
    const landing = await landingOf(tab);
    await tab.close();
    return landing;
  }

  /** The landing address with one query parameter replaced (or added). */
  function withParam(address: string, name: string, value: string): string {
    const url = new URL(address);
    url.searchParams.set(name, value);
    return url.toString();
  }

  async function ordersOfCart(): Promise<number> {
    return (await app.call('orders.list', { cartId, limit: 1, offset: 0 })).total;
  }

  /** The cart's order download as the schedules hold it. */
  async function downloadJob() {
    return (await app.call('schedules.list', {})).find((j) => j.service === 'order_download' && j.targetId === cartId)!;
  }

  async function downloadNow(): Promise<void> {
    const run = await app.call('services.runNow', { service: 'order_download', targetId: cartId });
    expect(run.status, `${run.message ?? ''}\n${app.output()}`).toBe('ok');
  }

  it('saves a cart with the app fields only, connects on the consent page by pasting the landing address, and downloads the orders', { timeout: 120_000 }, async () => {
    const page = app.page;
    const merchant = new MerchantFormPage(page);
    await merchant.goto(merchantId);
    await merchant.connectCart();
    const cart = new CartPage(page);
    await cart.choosePlatform('eBay');
    await page.getByText('Two steps: save, then connect.').waitFor();
    await cart.fill('Display name', CART);
    await cart.fill('Client ID (App ID)', ebay.app.clientId);
    await cart.fill('Client Secret (Cert ID)', ebay.app.clientSecret);
    await cart.fill('RuName (eBay Redirect URL name)', ebay.app.ruName);
    await cart.setBaseUrl(ebay.url);
    await app.screenshot('cart-ebay-new');
    await cart.save();
    // Saved, not connected yet: the toast says what comes next, as the Connection box does.
    await toast(page, new RegExp(`${CART} saved\\. Now connect the eBay account: press Connect in the Connection box`)).waitFor();
    await box.box().waitFor();
    cartId = (await app.call('carts.list', { merchantId })).find((c) => c.name === CART)!.id;
    expect(page.url()).toContain(`#/carts/${cartId}`);

    await expect.poll(() => box.badge().textContent()).toBe('Not connected');
    await expect.poll(() => box.status().textContent()).toMatch(/Waiting to be connected — press Connect: Connect opens eBay's consent page in your browser/);
    // The form's panel holds only the app's fields: named for them, so Connection is the box alone.
    await page.getByRole('region', { name: 'App credentials', exact: true }).getByRole('button', { name: 'Test connection' }).waitFor();
    await app.screenshot('cart-ebay-not-connected');
    // Not connected yet is a setup step: the cart's jobs wait (no run, no pause, no alert) however long
    // the person takes, and Run now says why in words.
    expect(await downloadJob()).toMatchObject({ state: 'waiting', for: 'connection', reason: 'Waiting to be connected — press Connect' });
    await expect(app.call('services.runNow', { service: 'order_download', targetId: cartId })).rejects.toThrow(/Waiting to be connected — press Connect/);
    expect((await app.call('runs.list', { kind: 'cart', targetId: cartId })).total).toBe(0);
    expect((await app.call('alerts.list', {})).filter((a) => a.targetId === cartId)).toEqual([]);
    // The merchant's cart list says the same, with the way to the cart's Connect.
    await merchant.goto(merchantId);
    const listed = page.getByRole('row').filter({ hasText: CART });
    await expect.poll(() => listed.textContent()).toMatch(/Waiting to be connected — press Connect/);
    await listed.getByRole('link', { name: 'press Connect' }).click();
    await box.box().getByRole('button', { name: 'Connect', exact: true }).waitFor();

    const landing = await consentInNewTab(() => box.connect('Connect'));
    // The box shows the same consent page as a link (where the pop-up is blocked).
    const href = await box.consentLink().getAttribute('href');
    expect(new URL(href!).origin + new URL(href!).pathname).toBe(`${ebay.url}/oauth2/authorize`);
    expect(new URL(href!).searchParams.get('redirect_uri')).toBe(ebay.app.ruName);
    expect(new URL(landing).searchParams.get('state')).toBe(new URL(href!).searchParams.get('state'));
    await expect.poll(() => box.box().textContent()).toMatch(/the browser lands on the page set as your eBay app's redirect\. Copy that whole address/);
    await app.screenshot('cart-ebay-consent-waiting');

    await box.pasteLanding(landing);
    await expect.poll(() => box.badge().textContent()).toBe('Connected');
    await expect.poll(() => box.outcome().textContent()).toMatch(/Connected: Dockhand saved the access, encrypted/);
    await expect.poll(() => box.landingField().count()).toBe(0);
    expect(ebay.oauth.calls.authorization_code).toBe(1);
    await app.screenshot('cart-ebay-connected');
    // The refresh token is saved with the cart, never shown.
    const saved = await app.call('carts.get', { id: cartId });
    expect(saved.hasCredentials).toBe(true);
    expect(JSON.stringify(saved)).not.toContain('v^1.1');

    // Connecting starts the schedule: the first download runs by itself soon (no Run now), the orders arrive.
    expect((await downloadJob()).state).not.toBe('waiting');
    await expect.poll(ordersOfCart, { timeout: 45_000 }).toBe(3);
    // Nothing was refused on the way, so no alert ever asked to reconnect.
    const alerts = new AlertsPage(page);
    await alerts.goto();
    expect(await alerts.alert(`Reconnect ${CART}`).count()).toBe(0);
    expect((await app.call('runs.list', { kind: 'cart', targetId: cartId })).items.every((r) => r.status === 'ok')).toBe(true);
    const orders = new OrdersPage(page);
    await orders.goto({ cartId });
    await expect.poll(() => orders.rows().count()).toBe(3);
    for (const id of ebay.state.orders.keys()) await orders.row(id).waitFor();
    await app.screenshot('orders-ebay');
  });

  it('refuses a landing of another attempt, a refusal and garbage on the field, and changes nothing', async () => {
    const page = app.page;
    const cart = new CartPage(page);
    await cart.goto(cartId);
    const landing = await consentInNewTab(() => box.connect('Reconnect'));
    const exchanges = ebay.oauth.calls.authorization_code;
    const before = await app.call('carts.get', { id: cartId });

    await box.pasteLanding(withParam(landing, 'state', 'a-state-of-another-attempt'));
    await expect.poll(() => box.landingError().textContent()).toMatch(/belongs to another consent attempt.*nothing was changed/);
    await app.screenshot('cart-ebay-landing-wrong-state');

    await box.pasteLanding('my cat walked on the keyboard');
    await expect.poll(() => box.landingError().textContent()).toBe("Paste the address from the browser's address bar");

    await box.pasteLanding(`${ebay.app.acceptUrl}?expires_in=299`);
    await expect.poll(() => box.landingError().textContent()).toMatch(/no code in it/);
    await app.screenshot('cart-ebay-landing-garbage');

    // None of these reached eBay's token endpoint, and the saved access is the one from before.
    expect(ebay.oauth.calls.authorization_code).toBe(exchanges);
    expect(await box.badge().textContent()).toBe('Connected');
    expect((await app.call('consent.status', { cartId })).flow?.status).toBe('pending');

    // The seller pressed "Don't allow": eBay lands with error=access_denied and this attempt's state.
    const refused = new URL(ebay.app.acceptUrl);
    refused.searchParams.set('state', new URL(landing).searchParams.get('state')!);
    refused.searchParams.set('error', 'access_denied');
    refused.searchParams.set('error_description', 'The user denied the request');
    await box.pasteLanding(refused.toString());
    await expect.poll(() => box.outcome().textContent()).toMatch(/Access was not granted on eBay's consent page.*Connect again and choose Allow/);
    await app.screenshot('cart-ebay-landing-refused');
    expect(ebay.oauth.calls.authorization_code).toBe(exchanges);
    // The refusal ends this attempt but leaves the saved access as it was.
    expect(await box.badge().textContent()).toBe('Connected');
    const after = await app.call('carts.get', { id: cartId });
    expect(after).toEqual(before);
    await downloadNow();
  });

  it('a grant the seller revoked pauses the cart with a Reconnect alert; Reconnect and the paste resume it, and nothing is lost', { timeout: 90_000 }, async () => {
    const page = app.page;
    const before = await ordersOfCart();
    const alerts = new AlertsPage(page);
    await alerts.goto();
    expect(await alerts.alert(`Reconnect ${CART}`).count()).toBe(0);
    for (const token of ebay.oauth.refreshTokens.keys()) issued.add(token);
    ebay.oauth.revokeAll();
    ebay.state.addOrder();
    const run = await app.call('services.runNow', { service: 'order_download', targetId: cartId });
    expect(run.status).not.toBe('ok');

    await alerts.goto();
    const alert = alerts.alert(`Reconnect ${CART}`);
    await alert.waitFor();
    await expect.poll(() => alert.textContent()).toMatch(/nothing downloaded is lost/);
    const cartAfterRefusal = await app.call('carts.get', { id: cartId });
    expect(cartAfterRefusal.authError).toMatch(/eBay no longer accepts the saved authorization/);
    expect(await downloadJob()).toMatchObject({ state: 'paused', by: 'auth' });
    await app.screenshot('alerts-ebay-reconnect');

    const landing = await consentInNewTab(() => alert.getByRole('button', { name: 'Reconnect' }).click());
    // Reconnect goes to the cart's screen, whose box waits for the landing address.
    await page.waitForURL((url) => url.hash.startsWith(`#/carts/${cartId}`));
    await expect.poll(() => box.badge().textContent()).toBe('Needs reconnect');
    await expect.poll(() => box.status().textContent()).toMatch(/schedules are paused \(nothing downloaded is lost\)/);
    await app.screenshot('cart-ebay-needs-reconnect');
    await box.pasteLanding(landing);
    await expect.poll(() => box.badge().textContent()).toBe('Connected');
    expect((await app.call('carts.get', { id: cartId })).authError).toBeNull();
    expect((await downloadJob()).state).not.toBe('paused');

    // The schedule resumes by itself: the failed download runs again soon (no Run now) and brings the
    // order made while the cart was paused, next to every order from before.
    await expect.poll(ordersOfCart, { timeout: 45_000 }).toBe(before + 1);
    await alerts.goto();
    await expect.poll(() => alerts.alert(`Reconnect ${CART}`).count()).toBe(0);
    ebay.state.addOrder();
    await downloadNow();
    await expect.poll(ordersOfCart).toBe(before + 2);
    const listed = await app.call('orders.list', { cartId, limit: 50, offset: 0 });
    expect(listed.items.map((o) => o.orderNumber).sort()).toEqual([...ebay.state.orders.keys()].sort());
  });

  it('a setup link, kept across a restart, opened by the merchant in their own browser connects the cart once the landing is pasted here', { timeout: 90_000 }, async () => {
    let page = app.page;
    const cart = new CartPage(page);
    await cart.goto(cartId);
    const exchanges = ebay.oauth.calls.authorization_code;
    await box.share();
    const link = box.setupLink();
    await link.waitFor();
    const url = await link.inputValue();
    // Copy puts the link on the clipboard (the warehouse pastes it into an e-mail to the merchant).
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.baseUrl).origin });
    await box.copyButton().click();
    await box.box().getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(url.startsWith(`${ebay.url}/oauth2/authorize?`)).toBe(true);
    await expect.poll(() => box.box().textContent()).toMatch(/Send this link to the merchant/);
    await app.screenshot('cart-ebay-setup-link');

    // The merchant answers the next day: Dockhand was restarted meanwhile, and still shows the same link.
    await app.close();
    await start();
    page = app.page;
    await new CartPage(page).goto(cartId);
    await expect.poll(() => box.setupLink().inputValue()).toBe(url);

    // The merchant: another browser, no Dockhand session, only the link.
    const merchant = await app.browser.newContext();
    try {
      const merchantPage = await merchant.newPage();
      await merchantPage.goto(url);
      const landing = await landingOf(merchantPage);
      await merchantPage.getByText('You can close this page.').waitFor();
      await box.pasteLanding(landing);
    } finally {
      await merchant.close();
    }
    // The cart was connected before: the sign that this landing connected it is the outcome and the code used.
    await expect.poll(() => box.outcome().textContent()).toMatch(/Connected: Dockhand saved the access, encrypted/);
    await expect.poll(() => box.landingField().count()).toBe(0);
    expect(await box.badge().textContent()).toBe('Connected');
    expect(ebay.oauth.calls.authorization_code).toBe(exchanges + 1);
    ebay.state.addOrder();
    await downloadNow();
    await expect.poll(ordersOfCart).toBe(ebay.state.orders.size);
    await app.screenshot('cart-ebay-connected-by-link');
  });

  it('keeps every refresh token and the client secret off the disk and out of the log in plain text', async () => {
    for (const token of ebay.oauth.refreshTokens.keys()) issued.add(token);
    // The first grant (revoked), the Reconnect's, the setup link's.
    expect(issued.size).toBe(3);
    const secrets = [...issued, ebay.app.clientSecret];
    const files = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name));
    expect(files.length).toBeGreaterThan(0);
    let plainSeen = false;
    for (const file of files) {
      const bytes = await readFile(file);
      for (const secret of secrets) expect(bytes.includes(secret), `${secret.slice(0, 12)}… in ${file}`).toBe(false);
      plainSeen ||= bytes.includes('Acme Outfitters');
    }
    // The check reads what is stored: the merchant's name, not a secret, is there in plain.
    expect(plainSeen).toBe(true);
    for (const secret of secrets) expect(app.output().includes(secret)).toBe(false);
  });
});
