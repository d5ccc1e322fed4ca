import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CartPage } from './pages/cart-page.js';
import { MerchantFormPage } from './pages/merchants-page.js';
import { toast } from './pages/toasts.js';
import { startApp, type AppUnderTest } from './support/app.js';

/**
 * A merchant whose orders arrive as CSV files, set up as a person does it: the CSV order files form on a
 * folder, a Test that names a missing folder, then one that passes, Save, and a download that reads
 * the file's orders and archives the file on the next run.
 */
describe('connecting CSV order files through their form', () => {
  let app: AppUnderTest;
  let root: string;
  let merchantId: number;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'dockhand-e2e-csv-source-'));
    await mkdir(join(root, 'orders'));
    const header = 'Order Number,Order Date,Name,Address 1,Address 2,City,State,Zip,Country,Email,Phone,Ship Method,SKU,Quantity,Price';
    const rows = ['A-1', 'A-2'].map((n) => `${n},2026-11-20,Ada Lovelace,1 Main St,,Springfield,IL,62701,US,ada@example.com,,STD,MUG-1,2,9.99`);
    await writeFile(join(root, 'orders', 'orders-1.csv'), `${[header, ...rows].join('\r\n')}\r\n`);
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await app.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME' })).id;
  });
  afterAll(async () => {
    await app?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('names a missing folder on Test, connects to the right one, saves, downloads the file and archives it', async () => {
    const merchant = new MerchantFormPage(app.page);
    await merchant.goto(merchantId);
    await merchant.connectCart();
    const cart = new CartPage(app.page);
    await cart.choosePlatform('CSV order files');
    await cart.fill('Display name', 'Acme CSV');
    await cart.field('Where the order files are').selectOption({ label: 'Local or shared folder' });
    await cart.fill('Folder path', join(root, 'missing'));
    await cart.fill('Leave new files alone for (seconds)', '0');
    await cart.test();
    await expect.poll(() => cart.testResult().textContent()).toMatch(/^The connection test failed\./);

    await cart.fill('Folder path', root);
    await cart.test();
    await expect.poll(() => cart.testResult().textContent()).toMatch(/^The connection works\./);
    await app.screenshot('cart-csv-source');
    await cart.save();
    await toast(app.page, /Acme CSV connected/).waitFor();

    const saved = (await app.call('carts.list', { merchantId })).find((c) => c.name === 'Acme CSV')!;
    const run = await app.call('services.runNow', { service: 'order_download', targetId: saved.id });
    expect(run.status, run.message ?? '').toBe('ok');
    // A new cart holds orders whose ship code is not mapped yet (the Ship methods screen releases them).
    expect(run.counts).toMatchObject({ downloaded: 2, held: 2 });
    expect((await app.call('orders.list', { cartId: saved.id, limit: 10, offset: 0 })).items.map((o) => o.orderNumber).sort()).toEqual(['A-1', 'A-2']);
    // The next run archives the file whose orders were saved.
    expect((await app.call('services.runNow', { service: 'order_download', targetId: saved.id })).status).toBe('ok');
    expect(await readdir(join(root, 'orders', 'archive'))).toEqual(['orders-1.csv']);
  });
});
