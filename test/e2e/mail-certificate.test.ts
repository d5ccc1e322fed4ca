import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailSettingsPage } from './pages/mail-page.js';
import { startApp, type AppUnderTest } from './support/app.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';

/**
 * A mail server with a self-signed certificate, as a person meets it on the Mail settings screen: the
 * test message is refused and the certificate shown (fingerprint, subject, expiry); accepted and saved,
 * the test message goes through.
 */
describe('the mail settings form and a self-signed certificate', () => {
  let app: AppUnderTest;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer({ user: 'alerts', password: 's3cret', tls: 'starttls' });
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('shows the certificate on Test, and once accepted and saved the test message goes through', async () => {
    const fingerprint = new X509Certificate(smtp.certificate).fingerprint256.toUpperCase();
    const mail = new MailSettingsPage(app.page);
    await mail.goto();
    await mail.fill('Host', '127.0.0.1');
    await mail.field('Security').selectOption({ value: 'starttls' });
    await mail.fill('Port', String(smtp.port));
    await mail.fill('User', 'alerts');
    await mail.fill('Password', 's3cret');
    await mail.fill('Sender address', 'dockhand@wh.test');

    await mail.sendTest('manager@wh.test');
    await expect.poll(() => mail.testResult().textContent()).toMatch(/not trusted by this computer: it is self-signed/);
    const offered = app.page.getByRole('region', { name: 'This computer does not trust the server’s certificate' });
    await offered.waitFor();
    expect((await offered.textContent())?.replace(/\s+/g, '')).toContain(fingerprint);
    expect(await offered.textContent()).toContain('CN=127.0.0.1');
    expect(smtp.logins).toEqual([]);
    await app.screenshot('mail-certificate');

    await offered.getByRole('button', { name: 'Accept this certificate' }).click();
    await app.page.getByRole('region', { name: 'Accepted certificate' }).waitFor();
    await mail.save();
    await mail.saved().waitFor();
    expect((await app.call('mail.get', {})).settings?.pinnedCertificate).toMatchObject({ sha256: fingerprint });

    await mail.sendTest('manager@wh.test');
    await expect.poll(() => mail.testResult().textContent()).toMatch(/^Test message sent\./);
    expect(smtp.received.map((m) => m.to)).toEqual([['manager@wh.test']]);
  }, 120_000);
});
