/// <reference lib="dom" />
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardPage } from './pages/dashboard-page.js';
import { FirstRunPage } from './pages/first-run-page.js';
import { REPO_ROOT, startApp, type AppUnderTest } from './support/app.js';

/**
 * The frame every screen shares, walked on demo data as a keyboard user meets it: each page has its own
 * title, a skip link to the main content, focus lands on the first problem after a failed save, and the
 * layout holds at 1024 px with the sidebar collapsed (remembered across a reload). Every screen is
 * photographed into test/e2e/screenshots/ (ignored by git); with DOCKHAND_DOCS_SCREENSHOTS=1 the
 * dashboard and an order's page also refresh docs/screenshots/, which the README shows.
 */
const DEMO_LOOP_TIMEOUT_MS = 120_000;
/** A walk through a dozen screens, each loaded and photographed, on a shared 2-core machine. */
const WALK_TIMEOUT_MS = 180_000;

interface Screen {
  name: string;
  path: string;
  title: string;
}

async function focusedIs(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
}

/** On a freshly loaded page, the first Tab reaches the skip link and Enter puts focus on the main content. */
async function checkSkipLink(page: Page): Promise<void> {
  // A hash change keeps focus where it was; a load starts the Tab order from the top, as a person's visit does.
  await page.reload();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedIs(page, 'main#main-content')).toBe(true);
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(new URL(`#${path}`, page.url()).toString());
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** A full-page picture from the top (sticky parts are drawn where they stand at the scroll position). */
async function photograph(app: AppUnderTest, name: string): Promise<void> {
  await app.page.evaluate(() => window.scrollTo(0, 0));
  await app.screenshot(name);
}

describe('the frame and forms of every screen', () => {
  let app: AppUnderTest;
  let screens: Screen[] = [];
  /** Console errors anywhere in the walk (a CSP refusal of Radix's inline styles would be one). */
  const consoleErrors: string[] = [];
  beforeAll(async () => {
    app = await startApp();
    app.page.setDefaultTimeout(20_000);
    app.page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('titles the first run, and lands on the dashboard with demo data', async () => {
    const firstRun = new FirstRunPage(app.page);
    await firstRun.waitUntilShown();
    expect(await app.page.title()).toBe('Get started · Dockhand');
    await app.screenshot('frame-first-run');
    await firstRun.chooseFulfillmentCenter();
    await firstRun.tryWithDemoData();
    const dashboard = new DashboardPage(app.page);
    await dashboard.heading.waitFor({ timeout: 30_000 });
    await expect.poll(() => dashboard.bucketCount('Done'), { timeout: DEMO_LOOP_TIMEOUT_MS, interval: 1_000 }).toBeGreaterThan(0);

    const [merchant] = await app.call('merchants.list', {});
    const [cart] = await app.call('carts.list', {});
    const orders = await app.call('orders.list', {});
    const order = orders.items[0];
    screens = [
      { name: 'dashboard', path: '/', title: 'Dashboard' },
      { name: 'orders', path: '/orders', title: 'Orders' },
      { name: 'order-detail', path: `/orders/${order.id}`, title: `Order ${order.id}` },
      { name: 'activity', path: '/activity', title: 'Activity' },
      { name: 'alerts', path: '/alerts', title: 'Alerts' },
      { name: 'merchants', path: '/merchants', title: 'Merchants' },
      { name: 'merchant', path: `/merchants/${merchant.id}`, title: 'Merchant' },
      { name: 'merchant-new', path: '/merchants/new', title: 'New merchant' },
      { name: 'cart-settings', path: `/carts/${cart.id}`, title: 'Cart connection' },
      { name: 'cart-diagnostics', path: `/carts/${cart.id}?tab=diagnostics`, title: 'Cart connection' },
      { name: 'cart-new', path: `/carts/new?merchant=${merchant.id}`, title: 'Connect a cart' },
      { name: 'wms', path: '/wms', title: 'Warehouse (WMS)' },
      { name: 'ship-methods', path: '/ship-methods', title: 'Ship methods' },
    ];
  }, DEMO_LOOP_TIMEOUT_MS + 60_000);

  it('gives every screen its own title and a skip link to the main content, and photographs it', async () => {
    expect(screens.length).toBeGreaterThan(10);
    for (const screen of screens) {
      await open(app.page, screen.path);
      await expect.poll(() => app.page.title(), { message: screen.path }).toBe(`${screen.title} · Dockhand`);
      await checkSkipLink(app.page);
      await photograph(app, `frame-${screen.name}`);
    }
  }, WALK_TIMEOUT_MS);

  it('moves focus to the first invalid field after a failed save', async () => {
    const { page } = app;
    await open(page, '/merchants/new');
    const merchantForm = page.getByRole('form', { name: 'Merchant' });
    await merchantForm.getByLabel('Code', { exact: true }).fill('has spaces');
    await merchantForm.getByRole('button', { name: 'Add merchant' }).click();
    // Name (blank) comes before Code (bad) on the page, so focus goes to Name.
    await expect.poll(() => merchantForm.getByLabel('Name', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await merchantForm.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await app.screenshot('frame-merchant-new-invalid');

    const [cart] = await app.call('carts.list', {});
    await open(page, `/carts/${cart.id}`);
    const cartForm = page.getByRole('form', { name: 'Cart connection' });
    await cartForm.getByLabel('Display name').fill('');
    await cartForm.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => cartForm.getByLabel('Display name').evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await app.call('carts.get', { id: cart.id })).name).toBe(cart.name);
  });

  it('opens the More actions menu and its confirmation as an alert dialog that Escape closes', async () => {
    const { page } = app;
    const [merchant] = await app.call('merchants.list', {});
    await open(page, `/merchants/${merchant.id}`);
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete merchant…' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Delete ${merchant.name}?` });
    await dialog.waitFor();
    await photograph(app, 'frame-merchant-delete-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await app.call('merchants.list', {})).toHaveLength(1);
  });

  it('shows a focus ring on the control the keyboard is on', async () => {
    const { page } = app;
    await open(page, '/orders');
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // The skip link, then the first link of the sidebar.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });

  it('works at 1024 px wide with the sidebar collapsed, and remembers it after a reload', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 768 });
    await open(page, '/orders');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const navWidth = () => nav.evaluate((el) => el.getBoundingClientRect().width);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);

    await page.getByRole('button', { name: 'Collapse the sidebar' }).click();
    await expect.poll(navWidth).toBeLessThan(80);
    // The links keep their names for screen readers while only icons show.
    await nav.getByRole('link', { name: 'Orders' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(navWidth).toBeLessThan(80);
    for (const screen of screens) {
      await open(page, screen.path);
      expect(await overflow(), screen.path).toBeLessThanOrEqual(0);
      await photograph(app, `frame-1024-${screen.name}`);
    }

    await page.getByRole('button', { name: 'Expand the sidebar' }).click();
    await expect.poll(navWidth).toBeGreaterThan(150);
    await page.setViewportSize({ width: 1360, height: 900 });
  }, WALK_TIMEOUT_MS);

  it('logged no console error on any screen', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('refreshes the README screenshots when asked to', async () => {
    if (process.env.DOCKHAND_DOCS_SCREENSHOTS !== '1') return;
    const docs = join(REPO_ROOT, 'docs', 'screenshots');
    await mkdir(docs, { recursive: true });
    for (const name of ['dashboard', 'order-detail']) {
      const screen = screens.find((s) => s.name === name)!;
      await open(app.page, screen.path);
      const shot = await app.page.screenshot({ path: join(docs, `${name}.png`) });
      expect(shot.byteLength).toBeGreaterThan(10_000);
    }
  });
});
