import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CartPage } from './pages/cart-page.js';
import { startApp, type AppUnderTest } from './support/app.js';
import { startVsftpd, type TestVsftpd } from '../support/vsftpd-server.js';

/**
 * A CSV order source saved before certificates were pinned ("allow a self-signed certificate") on an
 * FTPS server with a self-signed certificate (Debian's vsftpd): its form loads, says a Test is needed, the Test shows
 * the certificate, Accept pins it, and once saved the download reads the order file.
 */
describe('an old self-signed FTPS order source accepted through its form', () => {
  let app: AppUnderTest;
  let ftp: TestVsftpd;
  let cartId: number;

  beforeAll(async () => {
    ftp = await startVsftpd({ tls: true });
    await mkdir(ftp.localPath('orders'), { recursive: true });
    const header = 'Order Number,Order Date,Name,Address 1,Address 2,City,State,Zip,Country,Email,Phone,Ship Method,SKU,Quantity,Price';
    const file = ftp.localPath('orders/orders-1.csv');
    await writeFile(file, `${header}\r\nF-1,2026-11-20,Ada Lovelace,1 Main St,,Springfield,IL,62701,US,ada@example.com,,STD,MUG-1,2,9.99\r\n`);
    await utimes(file, new Date('2026-11-20T08:00:00Z'), new Date('2026-11-20T08:00:00Z'));
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    const merchantId = (await app.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME' })).id;
    const cart = await app.call('carts.create', {
      merchantId,
      platform: 'csv',
      name: 'Acme FTPS',
      earliestOrderDate: '2026-01-01',
      schedules: { order_download: null, shipment_upload: null, inventory_upload: null },
      settings: {
        transport: { kind: 'ftp', host: ftp.host, port: ftp.port, user: ftp.user, security: 'explicit', allowSelfSigned: true, passive: true, root: ftp.ftpRoot },
        folder: 'orders',
        archiveFolder: 'orders/archive',
        minFileAgeSeconds: 0,
        mapping: { columns: { orderNumber: 'Order Number', orderDate: 'Order Date', name: 'Name', address1: 'Address 1', city: 'City', zip: 'Zip', country: 'Country', shipCode: 'Ship Method', sku: 'SKU', quantity: 'Quantity', price: 'Price' } },
      },
      credentials: { password: ftp.password },
    } as never);
    cartId = cart.id;
  });
  afterAll(async () => {
    await app?.close();
    await ftp?.stop();
  });

  it('asks for a Test, shows the certificate, and once accepted and saved the download reads the file', async () => {
    const cart = new CartPage(app.page);
    await cart.goto(cartId);
    await cart.connection().getByText('This source was saved to accept any self-signed certificate').waitFor();
    expect(await cart.field('Where the order files are').inputValue()).toBe('ftps');

    await cart.test();
    await expect.poll(() => cart.testResult().textContent(), { timeout: 15_000 }).toMatch(/^The connection test failed\..*no longer accepts such a certificate/);
    const offered = app.page.getByRole('region', { name: 'This computer does not trust the server’s certificate' });
    expect(await offered.textContent()).toContain(ftp.certificate!.sha256.slice(0, 11));
    await app.screenshot('cart-csv-source-ftps-certificate');
    await offered.getByRole('button', { name: 'Accept this certificate' }).click();
    await app.page.getByRole('region', { name: 'Accepted certificate' }).waitFor();

    await cart.test();
    await expect.poll(() => cart.testResult().textContent(), { timeout: 15_000 }).toMatch(/^The connection works\..*1 file waits to be read/);
    // The password field was left blank: the saved password is kept.
    await cart.save();
    await expect.poll(() => app.page.getByRole('status').filter({ hasText: 'Cart connection saved.' }).count()).toBe(1);
    const saved = await app.call('carts.get', { id: cartId });
    expect(saved.settings.transport).toMatchObject({ pinnedCertificate: { sha256: ftp.certificate!.sha256 }, allowSelfSigned: false });
    expect(saved.hasCredentials).toBe(true);

    const run = await app.call('services.runNow', { service: 'order_download', targetId: cartId });
    expect(run.status, run.message ?? '').toBe('ok');
    expect(run.counts).toMatchObject({ downloaded: 1 });
  });
});
