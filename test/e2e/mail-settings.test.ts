import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../shared/csv-defaults.js';
import { AlertsPage } from './pages/alerts-page.js';
import { MailSettingsPage } from './pages/mail-page.js';
import { startApp, type AppUnderTest } from './support/app.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';

/**
 * The outgoing mail server set up as a person does it: a mistyped host is named on its field, the
 * setting saves, and "Send a test message" reaches a real SMTP server (in-process, on 127.0.0.1) with
 * the server's answer shown.
 */
describe('the mail settings form', () => {
  let app: AppUnderTest;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer({ user: 'alerts', password: 's3cret', tls: 'none' });
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    // The page opened before the account existed: load it again past the first-run screen.
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('shows a validation error in plain words, saves, and sends a test message the server receives', async () => {
    const mail = new MailSettingsPage(app.page);
    await mail.goto();
    await mail.fill('Host', 'smtp://127.0.0.1');
    await mail.field('Security').selectOption({ value: 'none' });
    await mail.fill('Port', String(smtp.port));
    await mail.fill('User', 'alerts');
    await mail.fill('Password', 's3cret');
    await mail.fill('Sender address', 'dockhand@wh.test');
    await mail.save();
    await expect.poll(() => mail.fieldError('Host').textContent()).toMatch(/Enter the host name without smtp:\/\//);
    await expect.poll(() => mail.field('Host').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await app.call('mail.get', {})).toMatchObject({ configured: false });

    await mail.fill('Host', '127.0.0.1');
    await mail.fill('Account contacts', 'it@wh.test');
    await mail.save();
    await mail.saved().waitFor();
    expect(await app.call('mail.get', {})).toMatchObject({
      configured: true,
      hasPassword: true,
      settings: { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'alerts', from: 'dockhand@wh.test', accountContacts: ['it@wh.test'] },
    });

    await mail.sendTest('manager@wh.test');
    await expect.poll(() => mail.testResult().textContent()).toMatch(/^Test message sent\. The SMTP server accepted the test message for manager@wh\.test: 250/);
    expect(smtp.received.map((m) => ({ to: m.to, user: m.user }))).toEqual([{ to: ['manager@wh.test'], user: 'alerts' }]);
    await app.screenshot('mail-settings');

    // The saved password stays saved and unshown; a wrong one typed over it is named in words.
    await mail.fill('Password', 'wrong');
    await mail.sendTest('manager@wh.test');
    await expect.poll(() => mail.testResult().textContent()).toMatch(/refused the login of "alerts": the user or password is wrong/);
    expect(smtp.received).toHaveLength(1);
  }, 120_000);

  it('an alert of a merchant is e-mailed to its error contact by the engine\'s own job, and the Alerts screen says so', async () => {
    // A warehouse folder that does not exist: the merchant's confirmation pickup fails and raises an alert.
    await app.call('wms.save', { settings: defaultCsvWmsSettings({ kind: 'folder', path: join(tmpdir(), `dockhand-e2e-missing-${process.pid}`) }), secrets: {} });
    const merchant = await app.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME', errorContacts: ['ops@acme.test'] });
    await app.call('services.runNow', { service: 'shipment_pickup', targetId: merchant.id });
    const raised = (await app.call('alerts.list', {}))[0];
    expect(raised).toBeDefined();
    const to = 'ops@acme.test';

    const alerts = new AlertsPage(app.page);
    await alerts.goto();
    await alerts.alert(raised.message).getByText(new RegExp(`^(E-mail queued for|E-mailed to) ${to}`)).waitFor();
    // The engine's job looks every minute (real time: this is the host as it runs).
    await expect.poll(() => smtp.received.some((m) => m.to.includes(to)), { timeout: 90_000, interval: 1_000 }).toBe(true);
    await app.page.reload();
    await alerts.alert(raised.message).getByText(new RegExp(`^E-mailed to ${to} at `)).waitFor();
    await app.screenshot('alerts-mail-state');

    // Turned off: the setting is forgotten and the Alerts screen no longer speaks of e-mail.
    const mail = new MailSettingsPage(app.page);
    await mail.goto();
    await app.page.getByRole('button', { name: 'Turn off e-mail alerts' }).click();
    await app.page.getByRole('alertdialog').getByRole('button', { name: 'Turn off', exact: true }).click();
    await app.page.getByText('E-mail alerts are off until this is saved.').waitFor();
    expect(await app.call('mail.get', {})).toEqual({ configured: false, settings: null, hasPassword: false });
    await alerts.goto();
    await alerts.alert(raised.message).waitFor();
    await expect.poll(() => alerts.alert(raised.message).getByText(/E-mailed to/).count()).toBe(0);
  }, 150_000);
});
