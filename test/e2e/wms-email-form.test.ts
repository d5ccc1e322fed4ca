import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WmsPage } from './pages/wms-page.js';
import { startApp, type AppUnderTest } from './support/app.js';
import { dovecotAvailable, startDovecot, type TestDovecotServer } from '../support/dovecot-server.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';

/**
 * The WMS setup by e-mail as a person does it, against Debian's Dovecot (IMAP) and a real SMTP server:
 * each side's fields, a problem shown on its own field, a Test that passes, and a Save that keeps the
 * settings and never shows a password again.
 */
describe.skipIf(!dovecotAvailable())('the WMS setup screen by e-mail', () => {
  let app: AppUnderTest;
  let dovecot: TestDovecotServer;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    [dovecot, smtp] = await Promise.all([startDovecot(), startSmtpServer({ tls: 'none', user: 'dockhand', password: 'smtp-pass-e2e' })]);
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    await app.call('merchants.create', { name: 'Acme Outdoor', code: 'ACME' });
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([dovecot?.stop(), smtp?.close()]);
  });

  it('shows a wrong host, a done-marker and a shared inbound folder on their fields, then tests, saves and reloads the e-mail setup without its passwords', async () => {
    const wms = new WmsPage(app.page);
    await wms.goto();
    await wms.startSetup();
    await wms.chooseTransport('E-mail (SMTP and IMAP)');

    await wms.field('SMTP security').selectOption({ label: 'None (plain SMTP, nothing encrypted)' });
    await expect.poll(() => wms.field('SMTP port').inputValue()).toBe('25');
    await wms.field('SMTP host').fill('smtp://127.0.0.1');
    await wms.field('SMTP port').fill(String(smtp.port));
    await wms.field('SMTP user').fill('dockhand');
    await wms.field('SMTP password').fill('smtp-pass-e2e');
    await wms.field('Sender address').fill('dockhand@shop.example');
    await wms.field('WMS addresses').fill('orders@wms.example');
    await wms.field('IMAP security').selectOption({ label: 'None (plain IMAP, nothing encrypted)' });
    await expect.poll(() => wms.field('IMAP port').inputValue()).toBe('143');
    await wms.field('IMAP host').fill(dovecot.host);
    await wms.field('IMAP port').fill(String(dovecot.port));
    await wms.field('IMAP user').fill(dovecot.user);
    await wms.field('IMAP password').fill(dovecot.password);

    // Folder settings of the file transports that mail cannot honour: a done-marker, one folder for both inbound kinds.
    await expect.poll(() => wms.field('Done-marker (optional)').getAttribute('aria-describedby')).toBeTruthy();
    const hintId = (await wms.field('Done-marker (optional)').getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-hint'))!;
    expect(await app.page.locator(`[id="${hintId}"]`).textContent()).toContain('Leave empty with e-mail');
    await wms.field('Done-marker (optional)').fill('.done');
    await wms.field('Inventory folder').fill('confirmations');

    await wms.test();
    await expect.poll(() => wms.fieldError('SMTP host').textContent()).toContain('without smtp://');
    await expect.poll(() => wms.fieldError('Done-marker (optional)').textContent()).toContain('E-mail has no done-markers');
    await expect.poll(() => wms.fieldError('Inventory folder').textContent()).toContain('give the inventory folder another name');

    await wms.field('SMTP host').fill('127.0.0.1');
    await wms.field('Done-marker (optional)').fill('');
    await wms.field('Inventory folder').fill('inventory');
    await wms.test();
    await expect.poll(() => wms.top().textContent(), { timeout: 20_000 }).toContain('The WMS connection works.');
    await app.screenshot('wms-setup-email');
    expect(smtp.received).toEqual([]);

    await wms.save();
    await expect.poll(() => wms.top().textContent(), { timeout: 20_000 }).toContain('WMS setup saved.');
    const saved = await app.call('wms.get', {});
    expect(saved.settings?.transport).toMatchObject({ kind: 'email', smtpPort: smtp.port, imapPort: dovecot.port, to: ['orders@wms.example'], processedFolder: 'Processed', errorFolder: 'Errors' });
    expect(saved.hasPassword).toBe(true);

    await app.page.reload();
    await wms.goto();
    await expect.poll(() => wms.field('IMAP host').inputValue()).toBe(dovecot.host);
    expect(await wms.field('IMAP password').inputValue()).toBe('');
    expect(await wms.field('SMTP password').inputValue()).toBe('');
    expect((await app.call('wms.test', {})).ok).toBe(true);
  });
});
