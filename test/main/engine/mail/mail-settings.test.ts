import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { rejection } from '../../../support/rejection.js';
import { bodyOf, startSmtpServer, type TestSmtpServer } from '../../../support/smtp-server.js';

const settings = (port: number, over: Record<string, unknown> = {}) => ({
  host: '127.0.0.1',
  port,
  security: 'none' as const,
  user: 'alerts',
  from: 'dockhand@acme.test',
  ...over,
});

describe('the mail setting: saved in plain words, its password sealed to its server, and a Test that sends', () => {
  let t: TestEngine;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    t = await startTestEngine();
    smtp = await startSmtpServer({ user: 'alerts', password: 's3cret', tls: 'none' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('refuses a host with a scheme, a port out of range, a bad sender and a bad contact, each on its field, and saves nothing', async () => {
    const err = await rejection(
      t.callRaw('mail.save', {
        settings: { host: 'smtp://mail.acme.test', port: 70000, security: 'starttls', user: '', from: 'not an address', accountContacts: ['ops@acme.test', 'nobody'] },
      }),
    );
    expect(err.kind).toBe('validation');
    expect(err.fields?.['settings.host']).toMatch(/without smtp:\/\//);
    expect(err.fields?.['settings.port']).toMatch(/1 to 65535/);
    expect(err.fields?.['settings.from']).toMatch(/sender as an e-mail address/);
    expect(err.fields?.['settings.accountContacts.1']).toMatch(/e-mail address/);
    expect(await t.call('mail.get', {})).toEqual({ configured: false, settings: null, hasPassword: false });
  });

  it('asks for the password when a user is given, and refuses an app address that is not http(s)', async () => {
    const noPassword = await rejection(t.callRaw('mail.save', { settings: settings(smtp.port) }));
    expect(noPassword.fields?.['secrets.password']).toBe('Enter the SMTP password');
    const badUrl = await rejection(t.callRaw('mail.save', { settings: settings(smtp.port, { appUrl: 'warehouse-pc:4780' }), secrets: { password: 's3cret' } }));
    expect(badUrl.fields?.['settings.appUrl']).toMatch(/starting with http:\/\//);
  });

  it('saves, never returns the password, and its Test sends a message the server receives', async () => {
    const saved = await t.call('mail.save', { settings: settings(smtp.port, { accountContacts: ['ops@acme.test'] }), secrets: { password: 's3cret' } });
    expect(saved).toMatchObject({ configured: true, hasPassword: true });
    expect(JSON.stringify(await t.call('mail.get', {}))).not.toContain('s3cret');

    const result = await t.call('mail.test', { to: 'manager@acme.test' });
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/accepted the test message for manager@acme.test: 250/);
    const got = smtp.received.at(-1)!;
    expect(got).toMatchObject({ from: 'dockhand@acme.test', to: ['manager@acme.test'], user: 'alerts' });
    expect(got.raw).toContain('Subject: Dockhand test message');
    expect(bodyOf(got)).toContain(`SMTP server 127.0.0.1:${smtp.port}`);
  });

  it('a wrong password is answered in plain words, naming the server and the user', async () => {
    const result = await t.call('mail.test', { to: 'manager@acme.test', mail: { settings: settings(smtp.port), secrets: { password: 'wrong' } } });
    expect(result.ok).toBe(false);
    expect(result.message).toBe(
      `The SMTP server 127.0.0.1:${smtp.port} refused the login of "alerts": the user or password is wrong (it said: 535 Authentication credentials invalid).`,
    );
  });

  it('a changed server does not get the saved password: the Test asks for it again', async () => {
    const err = await rejection(t.callRaw('mail.test', { to: 'manager@acme.test', mail: { settings: settings(smtp.port + 1) } }));
    expect(err.fields?.['secrets.password']).toMatch(/Enter the SMTP password again: the SMTP server address changed/);
  });

  it('an unreachable host is answered in plain words', async () => {
    const closed = await startSmtpServer({ tls: 'none' });
    const port = closed.port;
    await closed.close();
    const result = await t.call('mail.test', { to: 'manager@acme.test', mail: { settings: settings(port, { user: '' }) } });
    expect(result).toMatchObject({ ok: false, message: `Cannot reach the SMTP server 127.0.0.1:${port}: nothing answers on that port (connection refused). Check the host and port.` });
  });
});
