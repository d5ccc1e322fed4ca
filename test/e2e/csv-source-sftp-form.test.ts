import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CartPage } from './pages/cart-page.js';
import { MerchantFormPage } from './pages/merchants-page.js';
import { toast } from './pages/toasts.js';
import { startApp, type AppUnderTest } from './support/app.js';
import { sshdAvailable, startSshd, type TestSshdServer } from '../support/sshd-server.js';

/**
 * A merchant whose order files wait on an SFTP server (OpenSSH's sshd), set up as a person does it
 * through the CSV order files form: Test shows the server's key, Trust this key, Save, and the next
 * download reads the file.
 */
describe.skipIf(!sshdAvailable())('connecting CSV order files on an SFTP server through their form', () => {
  let app: AppUnderTest;
  let sshd: TestSshdServer;
  let merchantId: number;

  beforeAll(async () => {
    sshd = await startSshd();
    await mkdir(join(sshd.files, 'orders'));
    const header = 'Order Number,Order Date,Name,Address 1,Address 2,City,State,Zip,Country,Email,Phone,Ship Method,SKU,Quantity,Price';
    const row = 'S-1,2026-11-20,Ada Lovelace,1 Main St,,Springfield,IL,62701,US,ada@example.com,,STD,MUG-1,2,9.99';
    const file = join(sshd.files, 'orders', 'orders-1.csv');
    await writeFile(file, `${header}\r\n${row}\r\n`);
    await utimes(file, new Date('2026-11-20T08:00:00Z'), new Date('2026-11-20T08:00:00Z'));
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await app.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME' })).id;
  });
  afterAll(async () => {
    await app?.close();
    await sshd?.stop();
  });

  it('shows the server key on Test, trusts it, saves it, and the next download reads the order file', async () => {
    const merchant = new MerchantFormPage(app.page);
    await merchant.goto(merchantId);
    await merchant.connectCart();
    const cart = new CartPage(app.page);
    await cart.choosePlatform('CSV order files');
    await cart.fill('Display name', 'Acme SFTP');
    await cart.field('Where the order files are').selectOption({ label: 'SFTP (SSH)' });
    await expect.poll(() => cart.field('Port').inputValue()).toBe('22');
    await cart.fill('Host', sshd.host);
    await cart.fill('Port', String(sshd.port));
    await cart.fill('User', sshd.user);
    await cart.field('Sign in with').selectOption({ label: 'Private key' });
    await cart.fill('Private key', sshd.clientKey);
    await cart.fill('Root folder', sshd.files);
    await cart.fill('Leave new files alone for (seconds)', '0');
    expect(await cart.connection().textContent()).not.toContain('Allow a self-signed certificate');

    await cart.test();
    await expect.poll(() => cart.testResult().textContent(), { timeout: 15_000 }).toMatch(/^The connection works\..*1 file waits to be read/);
    expect(await cart.connection().textContent()).toContain(sshd.hostKeyFingerprint);
    await app.screenshot('cart-csv-source-sftp-trust');
    await cart.connection().getByRole('button', { name: 'Trust this key' }).click();
    await cart.connection().getByRole('button', { name: 'Forget the saved key' }).waitFor();
    expect(await cart.connection().textContent()).toContain(sshd.hostKeyFingerprint);

    await cart.save();
    await toast(app.page, /Acme SFTP connected/).waitFor();
    const saved = (await app.call('carts.list', { merchantId })).find((c) => c.name === 'Acme SFTP')!;
    expect(saved.settings.transport).toMatchObject({ kind: 'sftp', auth: 'key', hostKeyFingerprint: sshd.hostKeyFingerprint });
    expect(saved.hasCredentials).toBe(true);

    const run = await app.call('services.runNow', { service: 'order_download', targetId: saved.id });
    expect(run.status, run.message ?? '').toBe('ok');
    expect(run.counts).toMatchObject({ downloaded: 1 });
    expect((await app.call('orders.list', { cartId: saved.id, limit: 10, offset: 0 })).items.map((o) => o.orderNumber)).toEqual(['S-1']);
  });
});
