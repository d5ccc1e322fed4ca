import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeEtsy, type FakeEtsy } from '../fakes/etsy/index.js';
import { CartPage } from './pages/cart-page.js';
import { ConnectionBoxPage } from './pages/connection-box-page.js';
import { MerchantFormPage } from './pages/merchants-page.js';
import { OrdersPage } from './pages/orders-page.js';
import { toast } from './pages/toasts.js';
import { startApp, type AppUnderTest } from './support/app.js';

/**
 * An Etsy shop connected as a warehouse manager does it on the computer Dockhand runs on, against the
 * fake Etsy over real HTTP: the cart saved with the app's keystring and shared secret and a loopback
 * redirect (http://localhost:<port>/oauth/redirect, as Etsy accepts), Connect, Etsy's consent page (the
 * fake's, which checks the PKCE challenge and sends the browser to the redirect with the code and
 * state), and Dockhand's own listener on that port taking the code: nothing is pasted. Then the
 * listener's life (closed after success, closed by Cancel), a refresh token rotated by a download and
 * saved sealed (a restarted host still downloads with it), and the port taken by another program (a
 * clear sentence, and pasting still connects).
 */

/** A port free right now on 127.0.0.1 and ::1 (the redirect the Etsy app would have registered). */
async function freePort(): Promise<number> {
  for (;;) {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (!hasIpv6Loopback || (await probe(port, '::1')) === 'refused') return port;
  }
}

/** Whether something takes connections on <host>:<port> ('refused' once Dockhand stopped listening). */
function probe(port: number, host = '127.0.0.1'): Promise<'open' | 'refused'> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('open');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNREFUSED' ? resolve('refused') : reject(err)));
  });
}

/** Whether this computer has ::1 (Chromium sends "localhost" there first). */
const hasIpv6Loopback = await new Promise<boolean>((resolve) => {
  const server = createServer();
  server.once('error', () => resolve(false));
  server.listen({ host: '::1', port: 0 }, () => server.close(() => resolve(true)));
});

describe('connecting an Etsy shop through its consent page, with Dockhand receiving the answer itself', () => {
  let app: AppUnderTest;
  let etsy: FakeEtsy;
  let merchantId: number;
  let cartId: number;
  let box: ConnectionBoxPage;
  let dataDir: string;
  let port: number;
  let redirect: string;
  const CART = 'Acme Etsy';

  async function start(): Promise<void> {
    app = await startApp({ dataDir });
    box = new ConnectionBoxPage(app.page);
    app.context.setDefaultTimeout(15_000);
  }

  beforeAll(async () => {
    etsy = await createFakeEtsy({ sharedSecret: 'etsy-shared-secret-5f2a' });
    for (let i = 0; i < 3; i++) etsy.shop.addReceipt();
    port = await freePort();
    redirect = `http://localhost:${port}/oauth/redirect`;
    dataDir = await mkdtemp(join(tmpdir(), 'dockhand-e2e-etsy-'));
    await start();
    await app.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await app.call('merchants.create', { name: 'Acme Crafts', code: 'ACME' })).id;
  });
  afterAll(async () => {
    await app?.close();
    await etsy?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Presses the button that opens the consent page (a new tab) and returns that tab once it left the app. */
  async function consentTab(press: () => Promise<void>): Promise<Page> {
    const opened = app.context.waitForEvent('page');
    await press();
    return opened;
  }

  async function ordersOfCart(): Promise<number> {
    return (await app.call('orders.list', { cartId, limit: 1, offset: 0 })).total;
  }

  async function downloadNow(): Promise<void> {
    const run = await app.call('services.runNow', { service: 'order_download', targetId: cartId });
    expect(run.status, `${run.message ?? ''}\n${app.output()}`).toBe('ok');
  }

  it('saves the cart with a loopback redirect, connects without pasting anything, and downloads the receipts as orders', { timeout: 120_000 }, async () => {
    const page = app.page;
    const merchant = new MerchantFormPage(page);
    await merchant.goto(merchantId);
    await merchant.connectCart();
    const cart = new CartPage(page);
    await cart.choosePlatform('Etsy');
    await cart.fill('Display name', CART);
    await cart.fill('Keystring', etsy.keystring);
    await cart.fill('Shared secret', etsy.sharedSecret!);
    await cart.fill('Redirect address', redirect);
    await cart.setBaseUrl(etsy.url);
    await app.screenshot('cart-etsy-new');
    await cart.save();
    await toast(page, new RegExp(`${CART} saved\\. Now connect the Etsy account`)).waitFor();
    cartId = (await app.call('carts.list', { merchantId })).find((c) => c.name === CART)!.id;
    await expect.poll(() => box.badge().textContent()).toBe('Not connected');
    // Nothing listens before Connect.
    expect(await probe(port)).toBe('refused');

    const tab = await consentTab(() => box.connect('Connect'));
    // The consent page sends the tab to Dockhand's own listener, which answers with the outcome.
    await tab.waitForURL((url) => url.port === String(port) && url.pathname === '/oauth/redirect');
    await tab.getByRole('heading', { name: 'Connected' }).waitFor();
    await tab.getByText('You can close this tab and go back to Dockhand.').waitFor();
    expect(new URL(tab.url()).hostname).toBe('localhost');
    await tab.close();

    // The box finds out by itself: no address was pasted.
    await expect.poll(() => box.badge().textContent()).toBe('Connected');
    await expect.poll(() => box.outcome().textContent()).toMatch(/Connected: Dockhand saved the access, encrypted/);
    expect(await box.landingField().count()).toBe(0);
    expect(etsy.oauth.codeExchanges).toBe(1);
    await app.screenshot('cart-etsy-connected');
    const saved = await app.call('carts.get', { id: cartId });
    expect(saved.hasCredentials).toBe(true);
    expect(JSON.stringify(saved)).not.toContain(`${etsy.shop.userId}.`);

    // (a) The listener is closed once the code was taken: the loopback address refuses a second request.
    await expect.poll(() => probe(port)).toBe('refused');
    if (hasIpv6Loopback) expect(await probe(port, '::1')).toBe('refused');
    await expect(fetch(`${redirect}?code=again&state=again`)).rejects.toThrow();

    await downloadNow();
    await expect.poll(ordersOfCart).toBe(3);
    const orders = new OrdersPage(page);
    await orders.goto({ cartId });
    await expect.poll(() => orders.rows().count()).toBe(3);
    for (const id of etsy.shop.receipts.keys()) await orders.row(String(id)).waitFor();
    await app.screenshot('orders-etsy');
  });

  it('stops listening when Cancel is pressed while the consent waits, and keeps the saved access', async () => {
    const page = app.page;
    await new CartPage(page).goto(cartId);
    // The person has not answered the consent page yet: the tab never reaches it.
    await app.context.route(`${etsy.url}/oauth/connect**`, (route) => route.abort());
    try {
      const tab = await consentTab(() => box.connect('Reconnect'));
      await expect.poll(() => box.box().textContent()).toMatch(/Waiting for Etsy: allow Dockhand on the consent page in your browser, and this box updates by itself/);
      expect((await app.call('consent.status', { cartId })).flow).toMatchObject({ status: 'pending', listening: true, redirectUri: redirect });
      expect(await probe(port)).toBe('open');
      // "localhost" is ::1 too, where Chromium goes first.
      if (hasIpv6Loopback) expect(await probe(port, '::1')).toBe('open');
      await app.screenshot('cart-etsy-listening');
      await tab.close();

      await box.box().getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect.poll(() => box.landingField().count()).toBe(0);
      await expect.poll(() => probe(port)).toBe('refused');
      if (hasIpv6Loopback) expect(await probe(port, '::1')).toBe('refused');
      expect((await app.call('consent.status', { cartId })).flow).toBeNull();
      expect(await box.badge().textContent()).toBe('Connected');
    } finally {
      await app.context.unroute(`${etsy.url}/oauth/connect**`);
    }
    expect(etsy.oauth.codeExchanges).toBe(1);
    await downloadNow();
  });

  it('shows the outcome in the tab and the box when the consent is refused or its code does not match, and stops listening', async () => {
    const page = app.page;
    await new CartPage(page).goto(cartId);
    const exchanges = etsy.oauth.codeExchanges;
    const consentPage = `${etsy.url}/oauth/connect**`;

    // The shop owner pressed "Deny" on Etsy's page: Etsy sends the browser back with error=access_denied.
    await app.context.route(consentPage, (route) => {
      const asked = new URL(route.request().url());
      const back = new URL(asked.searchParams.get('redirect_uri')!);
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The user denied the request');
      back.searchParams.set('state', asked.searchParams.get('state')!);
      return route.fulfill({ status: 302, headers: { location: back.toString() } });
    });
    try {
      const tab = await consentTab(() => box.connect('Reconnect'));
      await tab.waitForURL((url) => url.port === String(port) && url.searchParams.get('error') === 'access_denied');
      await tab.getByRole('heading', { name: 'Not connected' }).waitFor();
      await tab.getByText(/Access was not granted on Etsy's consent page/).waitFor();
      await tab.close();
    } finally {
      await app.context.unroute(consentPage);
    }
    await expect.poll(() => box.outcome().textContent()).toMatch(/Access was not granted on Etsy's consent page.*"The user denied the request".*Connect again and choose Allow/);
    await expect.poll(() => probe(port)).toBe('refused');
    await app.screenshot('cart-etsy-consent-denied');

    // A consent page opened with another PKCE challenge: Etsy refuses the code Dockhand's verifier comes with.
    await app.context.route(consentPage, (route) => {
      const asked = new URL(route.request().url());
      asked.searchParams.set('code_challenge', 'A'.repeat(43));
      return route.continue({ url: asked.toString() });
    });
    try {
      const tab = await consentTab(() => box.connect('Reconnect'));
      await tab.waitForURL((url) => url.port === String(port) && url.searchParams.has('code'));
      await tab.getByRole('heading', { name: 'Not connected' }).waitFor();
      await tab.getByText(/Etsy refused the code/).waitFor();
      await tab.close();
    } finally {
      await app.context.unroute(consentPage);
    }
    await expect.poll(() => box.outcome().textContent()).toMatch(/Etsy refused the code.*code_verifier does not match the code_challenge.*Connect again/);
    await expect.poll(() => probe(port)).toBe('refused');
    await app.screenshot('cart-etsy-code-refused');

    // Neither changed the saved access: the cart still downloads.
    expect(etsy.oauth.codeExchanges).toBe(exchanges);
    expect(await box.badge().textContent()).toBe('Connected');
    await downloadNow();
  });

  it('saves the refresh token Etsy rotates during a download, sealed: a restarted host downloads with it', { timeout: 90_000 }, async () => {
    const refreshes = etsy.oauth.refreshes;
    etsy.oauth.expireAccessTokens();
    etsy.shop.addReceipt();
    await downloadNow();
    // The download refreshed the access token, and Etsy spent the refresh token it was given.
    expect(etsy.oauth.refreshes).toBeGreaterThan(refreshes);
    expect(await ordersOfCart()).toBe(4);

    // A restart forgets every token held in memory: only the saved (rotated) one can refresh now.
    const beforeRestart = etsy.oauth.refreshes;
    const live = etsy.oauth.liveRefreshTokens();
    etsy.oauth.expireAccessTokens();
    await app.close();
    await start();
    etsy.shop.addReceipt();
    await downloadNow();
    // (A scheduled run may have refreshed first: either way the new process refreshed with the saved token.)
    expect(etsy.oauth.refreshes).toBeGreaterThan(beforeRestart);
    // Each refresh spent the token it used: no older token is left live behind the saved one.
    expect(etsy.oauth.liveRefreshTokens()).toBe(live);
    expect(await ordersOfCart()).toBe(5);
    await new CartPage(app.page).goto(cartId);
    await expect.poll(() => box.badge().textContent()).toBe('Connected');

    // Sealed: no Etsy token ("<user id>.<random>") nor the shared secret in plain on disk or in the log.
    const token = new RegExp(`${etsy.shop.userId}\\.[A-Za-z0-9_-]{20,}`);
    const files = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name));
    let plainSeen = false;
    for (const file of files) {
      const text = (await readFile(file)).toString('latin1');
      expect(token.test(text), `an Etsy token in ${file}`).toBe(false);
      expect(text.includes(etsy.sharedSecret!), `the shared secret in ${file}`).toBe(false);
      plainSeen ||= text.includes('Acme Crafts');
    }
    expect(plainSeen).toBe(true);
    expect(token.test(app.output())).toBe(false);
  });

  // Another program on this computer listens on the registered port (and shows its own page): on
  // 127.0.0.1, or on ::1 only (a dev server bound to "localhost"), where Chromium sends "localhost" first.
  it.each([
    { where: '127.0.0.1', host: '127.0.0.1' },
    { where: '::1 only', host: '::1' },
  ].filter((c) => c.host !== '::1' || hasIpv6Loopback))('says so when another program holds the port on $where, and pasting the landing address still connects', { timeout: 90_000 }, async ({ host }) => {
    const landings: string[] = [];
    const squatter: HttpServer = createHttpServer((req, res) => {
      // The browser asks for a favicon too: only the landings count.
      if (req.url?.startsWith('/oauth/redirect?')) landings.push(req.url);
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Some other program</title><h1>Some other program</h1>');
    });
    await new Promise<void>((resolve) => squatter.listen({ host, port }, resolve));
    try {
      const page = app.page;
      await new CartPage(page).goto(cartId);
      const exchanges = etsy.oauth.codeExchanges;
      const orders = await ordersOfCart();
      const tab = await consentTab(() => box.connect('Reconnect'));
      await expect.poll(() => box.box().textContent()).toMatch(
        new RegExp(`Port ${port} on this computer is taken by another program, so Dockhand cannot receive the answer itself: paste the address the browser lands on\\. Copy that whole address`),
      );
      expect((await app.call('consent.status', { cartId })).flow).toMatchObject({ status: 'pending', listening: false });
      await tab.waitForURL((url) => url.port === String(port) && url.searchParams.has('code'));
      await tab.getByRole('heading', { name: 'Some other program' }).waitFor();
      const landing = tab.url();
      await tab.close();
      expect(landings).toHaveLength(1);
      expect(etsy.oauth.codeExchanges).toBe(exchanges);
      await app.screenshot(`cart-etsy-port-taken-${host === '::1' ? 'ipv6' : 'ipv4'}`);

      await box.pasteLanding(landing);
      await expect.poll(() => box.outcome().textContent()).toMatch(/Connected: Dockhand saved the access, encrypted/);
      await expect.poll(() => box.landingField().count()).toBe(0);
      expect(await box.badge().textContent()).toBe('Connected');
      expect(etsy.oauth.codeExchanges).toBe(exchanges + 1);
      etsy.shop.addReceipt();
      await downloadNow();
      expect(await ordersOfCart()).toBe(orders + 1);
    } finally {
      squatter.closeAllConnections();
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });
});
