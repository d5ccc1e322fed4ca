import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../shared/csv-defaults.js';
import { DEMO_SHIP_CODES } from '../../main/engine/connectors/carts/demo/demo-catalog.js';
import { OrdersPage } from './pages/orders-page.js';
import { ShipMethodsPage } from './pages/ship-methods-page.js';
import { startApp, type AppUnderTest } from './support/app.js';

const ORDERS = 6;

/** Files under a folder, at any depth (the WMS folder nests merchant and orders folders). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

describe('orders held for unmapped ship codes, through the Orders and Ship methods screens', () => {
  let app: AppUnderTest;
  let warehouse: string;
  let merchantId: number;
  let cartId: number;
  let codes: string[];

  beforeAll(async () => {
    warehouse = await mkdtemp(join(tmpdir(), 'dockhand-e2e-wms-'));
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    const merchant = await app.call('merchants.create', {
      name: 'Acme Outfitters',
      code: 'ACME',
      schedules: { order_delivery: null, shipment_pickup: null, inventory_pickup: null },
    });
    merchantId = merchant.id;
    await app.call('wms.save', { settings: defaultCsvWmsSettings({ kind: 'folder', path: warehouse }), secrets: {} });
    const cart = await app.call('carts.create', {
      merchantId,
      platform: 'demo',
      name: 'Acme Demo store',
      earliestOrderDate: '2000-01-01',
      rejectUnmappedShipCodes: true,
      settings: { ordersPerRun: ORDERS, seed: 1 },
      schedules: { order_download: null, shipment_upload: null, inventory_upload: null },
    });
    cartId = cart.id;
    const run = await app.call('services.runNow', { service: 'order_download', targetId: cartId });
    expect(run.status).toBe('ok');
    codes = (await app.call('shipMethods.mappings', { cartId })).map((m) => m.cartCode);
    await app.page.reload();
    // A step that hangs should name its locator, well before the test's own timeout.
    app.page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await app?.close();
    if (warehouse) await rm(warehouse, { recursive: true, force: true });
  });

  it('lists the held orders under Error with the unmapped-code reason, and finds one by search', async () => {
    const orders = new OrdersPage(app.page);
    await orders.goto();
    await expect.poll(() => orders.orderNumbers()).toHaveLength(ORDERS);
    await orders.filterByStatus('Error');
    await expect.poll(() => app.page.url()).toContain('status=error');
    await expect.poll(() => orders.orderNumbers()).toHaveLength(ORDERS);
    await expect.poll(() => orders.rows().filter({ hasText: 'Ship code not mapped:' }).count()).toBe(ORDERS);
    await orders.filterByStatus('New');
    await orders.emptyState().filter({ hasText: 'No orders match these filters.' }).waitFor();
    await orders.filterByStatus('Error');
    await orders.search('D1003');
    await expect.poll(() => orders.orderNumbers()).toEqual(['D1003']);
    await orders.search('');
    await expect.poll(() => orders.orderNumbers()).toHaveLength(ORDERS);
    await app.screenshot('orders');
  });

  it('sorts the list from its headers, both ways, kept in the URL, and names each order\'s merchant and store', async () => {
    const orders = new OrdersPage(app.page);
    await orders.goto();
    const numberHeader = orders.table.getByRole('columnheader', { name: 'Order' });
    await expect.poll(() => numberHeader.getAttribute('aria-sort')).toBeNull();
    await expect.poll(() => orders.orderNumbers()).toHaveLength(ORDERS);
    const ascending = [...(await orders.orderNumbers())].sort();
    await numberHeader.getByRole('button').click();
    await expect.poll(() => numberHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => app.page.url()).toContain('sort=number%3Aasc');
    await expect.poll(() => orders.orderNumbers()).toEqual(ascending);
    await numberHeader.getByRole('button').click();
    await expect.poll(() => numberHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => orders.orderNumbers()).toEqual([...ascending].reverse());
    // Another column takes over the sort; the one before shows none.
    await orders.table.getByRole('columnheader', { name: 'Total' }).getByRole('button').click();
    await expect.poll(() => app.page.url()).toContain('sort=total%3Adesc');
    await expect.poll(() => numberHeader.getAttribute('aria-sort')).toBeNull();
    const first = orders.rows().first();
    await expect.poll(() => first.getByRole('cell').nth(2).textContent()).toBe('Acme Outfitters');
    await expect.poll(() => first.getByRole('cell').nth(3).textContent()).toBe('Acme Demo store');
  });

  it('refuses bad CSV rows with their line and a duplicate code on its row, and saves nothing then', async () => {
    const screen = new ShipMethodsPage(app.page);
    await screen.goto(cartId);
    await screen.methodsPanel.getByText('No ship methods yet').waitFor();
    await screen.importCsv(['code,description,carrier', 'UPS-GND,UPS Ground,UPS', ',No code here,UPS', 'UPS-GND,Again,UPS'].join('\n'));
    await expect.poll(() => screen.importProblems().allTextContents()).toEqual(['Line 3: Enter a code', 'Line 4: The code UPS-GND is already on line 2']);
    await expect.poll(() => screen.cell('Code', 1).inputValue()).toBe('UPS-GND');
    await screen.addMethod('UPS-GND', 'Typed twice', 'UPS');
    await screen.save();
    await screen.methodsPanel.getByRole('alert').filter({ hasText: 'The code UPS-GND is already on row 1' }).waitFor();
    expect(await screen.cell('Code', 2).getAttribute('aria-invalid')).toBe('true');
    expect(await app.call('shipMethods.list', {})).toEqual([]);
    await screen.removeRow(2);
  });

  it('maps every code for the cart, releases the held orders, and the next delivery takes them to the WMS', async () => {
    const screen = new ShipMethodsPage(app.page);
    await screen.importCsv(DEMO_SHIP_CODES.filter((c) => c.wmsCode !== 'USPS-GA').map((c) => `${c.wmsCode},${c.description},${c.carrier}`).join('\n'));
    await screen.addMethod('USPS-GA', 'USPS Ground Advantage', 'USPS');
    await screen.save();
    await screen.savedNotice().waitFor();
    expect((await app.call('shipMethods.list', {})).map((m) => m.code).sort()).toEqual(['FDX-2D', 'UPS-GND', 'USPS-GA']);

    for (const code of codes) {
      await expect.poll(() => screen.heldOrdersLink(code).count()).toBe(1);
      const wmsCode = DEMO_SHIP_CODES.find((c) => c.cartCode === code)!.wmsCode;
      await screen.mapCode(code, wmsCode);
      await screen.mappingRow(code).getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    }
    await app.screenshot('ship-methods');
    for (const code of codes) await screen.releaseHeld(code);
    const mappings = await app.call('shipMethods.mappings', { cartId });
    expect(mappings.every((m) => m.wmsCode !== null && m.heldOrders === 0)).toBe(true);

    const orders = new OrdersPage(app.page);
    await orders.goto({ cart: cartId, status: 'new' });
    await expect.poll(() => orders.orderNumbers()).toHaveLength(ORDERS);

    const delivery = await app.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(delivery.status).toBe('ok');
    expect((await filesUnder(warehouse)).length).toBeGreaterThan(0);
    await orders.filterByStatus('At WMS');
    await expect.poll(() => orders.orderNumbers()).toHaveLength(ORDERS);

    const detail = await orders.openOrder('D1001');
    await expect.poll(() => detail.status().textContent()).toBe('At WMS');
    await expect.poll(() => detail.historyEntries().allTextContents()).toEqual([
      expect.stringMatching(/Error(?! →).*Ship code not mapped/),
      expect.stringMatching(/Error → New — Released by a person/),
      expect.stringMatching(/New → At WMS/),
    ]);
    expect(await detail.lines().count()).toBeGreaterThan(0);
    await expect.poll(() => detail.action('Resend to WMS').isVisible()).toBe(true);
    expect(await detail.action('Release').count()).toBe(0);
    await app.screenshot('order-detail');
  });

  it('resends an order to the WMS, and cancels another only after the confirmation is answered', async () => {
    const orders = new OrdersPage(app.page);
    await orders.goto({ cart: cartId });
    const resent = await orders.openOrder('D1005');
    await resent.action('Resend to WMS').click();
    await app.page.getByRole('status').filter({ hasText: 'It goes to the WMS again with the next delivery. Status: New.' }).waitFor();
    await expect.poll(() => resent.status().textContent()).toBe('New');

    await orders.goto({ cart: cartId });
    const canceled = await orders.openOrder('D1006');
    await canceled.action('Cancel order…').click();
    const dialog = app.page.getByRole('alertdialog', { name: 'Cancel order D1006?' });
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await app.call('orders.get', { id: (await app.call('orders.list', { search: 'D1006' })).items[0].id })).status).toBe('at_wms');
    await canceled.action('Cancel order…').click();
    await dialog.getByRole('button', { name: 'Cancel the order' }).click();
    await app.page.getByRole('status').filter({ hasText: 'The order is canceled in Dockhand. Status: Canceled.' }).waitFor();
    await app.page.getByText('No actions apply to a Canceled order.').waitFor();
  });

  it('shows a partial shipment: Partially shipped, the shipped quantity next to each line, and Cancel the rest', async () => {
    // An order at the WMS with more than one unit, of which the warehouse ships all but one.
    const atWms = (await app.call('orders.list', { cartId, status: 'at_wms' })).items;
    const details = await Promise.all(atWms.map((o) => app.call('orders.get', { id: o.id })));
    const order = details.find((d) => d.order.lines.reduce((sum, l) => sum + l.quantity, 0) > 1)!;
    const [first, ...others] = order.order.lines;
    const rows = [first.quantity > 1 ? [first.sku, first.quantity - 1] : [first.sku, first.quantity], ...others.slice(1).map((l) => [l.sku, l.quantity])];
    const file = ['Order Number,SKU,Quantity,Carrier,Tracking Number,Ship Date', ...rows.map(([sku, qty]) => `${order.orderNumber},${sku},${qty},UPS,1ZE2E${order.id},2026-11-27`)];
    await mkdir(join(warehouse, 'ACME', 'confirmations'), { recursive: true });
    await writeFile(join(warehouse, 'ACME', 'confirmations', 'ship-e2e.csv'), file.join('\r\n'));
    expect((await app.call('services.runNow', { service: 'shipment_pickup', targetId: merchantId })).errors).toEqual([]);

    const orders = new OrdersPage(app.page);
    await orders.goto({ cart: cartId });
    const detail = await orders.openOrder(order.orderNumber);
    await expect.poll(() => detail.status().textContent()).toBe('Partially shipped');
    const expected = order.order.lines.map((l, k) => {
      const shipped = k === 0 ? Number(rows[0][1]) : k === 1 ? 0 : l.quantity;
      return `${shipped} of ${l.quantity}`;
    });
    await expect.poll(() => detail.shippedCells()).toEqual(expected);
    expect(await detail.action('Resend to WMS').count()).toBe(0);
    await app.screenshot('order-partially-shipped');

    await detail.action('Cancel the rest…').click();
    const dialog = app.page.getByRole('alertdialog', { name: `Cancel the rest of order ${order.orderNumber}?` });
    await dialog.getByRole('button', { name: 'Cancel the rest' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Dockhand no longer waits for the rest. Status: Shipped.' }).waitFor();
    await expect.poll(() => detail.shippedCells()).toEqual(expected.map((text, k) => (k === 0 && first.quantity > 1) || k === 1 ? `${text}, rest canceled` : text));
  });
});
