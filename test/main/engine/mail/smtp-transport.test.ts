import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailSettings } from '../../../../shared/schemas/mail.js';
import { sendMail } from '../../../../main/engine/mail/smtp-transport.js';
import { rejection } from '../../../support/rejection.js';
import { startSmtpServer, type TestSmtpServer } from '../../../support/smtp-server.js';

const message = { to: ['ops@acme.test'], subject: 'Hello', text: 'A line' };

describe('sending over SMTP with a login and STARTTLS, and the failures in plain words', () => {
  let starttls: TestSmtpServer;
  let tls: TestSmtpServer;
  let plain: TestSmtpServer;
  const base = (port: number, over: Partial<MailSettings> = {}): MailSettings => ({
    host: '127.0.0.1',
    port,
    security: 'starttls',
    user: 'alerts',
    from: 'dockhand@acme.test',
    accountContacts: [],
    appUrl: '',
    ...over,
  });
  beforeAll(async () => {
    [starttls, tls, plain] = await Promise.all([
      startSmtpServer({ user: 'alerts', password: 's3cret', tls: 'starttls' }),
      startSmtpServer({ user: 'alerts', password: 's3cret', tls: 'tls' }),
      startSmtpServer({ user: 'alerts', password: 's3cret', tls: 'none', refusedSenders: ['dockhand@acme.test'] }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([starttls.close(), tls.close(), plain.close()]);
  });

  it('upgrades with STARTTLS, logs in and the server receives the message, when its certificate is trusted', async () => {
    const answer = await sendMail({ settings: base(starttls.port), password: 's3cret', extraCa: starttls.certificate }, message);
    expect(answer.accepted).toEqual(['ops@acme.test']);
    expect(answer.response).toMatch(/^250/);
    expect(starttls.received.at(-1)).toMatchObject({ to: ['ops@acme.test'], user: 'alerts' });
  });

  it('refuses a self-signed certificate, on STARTTLS and on TLS, offering it to accept, and sends nothing', async () => {
    const before = starttls.received.length + tls.received.length;
    const upgraded = await rejection(sendMail({ settings: base(starttls.port), password: 's3cret' }, message));
    expect(upgraded.kind).toBe('config');
    expect(upgraded.message).toMatch(/is not trusted by this computer: it is self-signed \(fingerprint .*\)\. Nothing was sent\. .*accept this certificate/);
    const direct = await rejection(sendMail({ settings: base(tls.port, { security: 'tls' }), password: 's3cret' }, message));
    expect(direct.message).toMatch(/it is self-signed/);
    expect(starttls.received.length + tls.received.length).toBe(before);
  });

  it('names a refused sender, a server without STARTTLS and TLS spoken to a plain port', async () => {
    const sender = await rejection(sendMail({ settings: base(plain.port, { security: 'none' }), password: 's3cret' }, message));
    expect(sender.message).toBe(
      `The SMTP server 127.0.0.1:${plain.port} refused the sender dockhand@acme.test (it said: 550 Sender dockhand@acme.test not allowed). Many servers take only the login's own address as sender.`,
    );
    const noStarttls = await rejection(sendMail({ settings: base(plain.port), password: 's3cret' }, message));
    expect(noStarttls.message).toMatch(/does not offer STARTTLS/);
    const wrongTls = await rejection(sendMail({ settings: base(plain.port, { security: 'tls' }), password: 's3cret' }, message));
    expect(wrongTls.message).toMatch(/does not speak TLS from the start/);
  });

  it('a server that asks for a login is told so when no user is set', async () => {
    const err = await rejection(sendMail({ settings: base(plain.port, { security: 'none', user: '', from: 'other@acme.test' }) }, message));
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/asks for a login: enter the user and password/);
  });
});
