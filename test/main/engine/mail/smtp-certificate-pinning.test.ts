import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailSettings } from '../../../../shared/schemas/mail.js';
import { sendMail } from '../../../../main/engine/mail/smtp-transport.js';
import { offeredCertificate } from '../../../../main/engine/transports/ftp-certificate.js';
import { rejection } from '../../../support/rejection.js';
import { startSmtpServer, type TestSmtpServer } from '../../../support/smtp-server.js';

const message = { to: ['ops@acme.test'], subject: 'Hello', text: 'A line' };
const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256.toUpperCase();

describe('a self-signed SMTP certificate accepted by its fingerprint', () => {
  const servers: Record<'starttls' | 'tls' | 'replaced', TestSmtpServer> = {} as never;
  const settings = (server: TestSmtpServer, security: 'starttls' | 'tls', pinned?: string): MailSettings => ({
    host: '127.0.0.1',
    port: server.port,
    security,
    user: 'alerts',
    from: 'dockhand@acme.test',
    accountContacts: [],
    appUrl: '',
    ...(pinned ? { pinnedCertificate: { sha256: pinned, subject: 'CN=127.0.0.1', validTo: '' } } : {}),
  });
  beforeAll(async () => {
    servers.starttls = await startSmtpServer({ user: 'alerts', password: 's3cret', tls: 'starttls' });
    servers.tls = await startSmtpServer({ user: 'alerts', password: 's3cret', tls: 'tls' });
    servers.replaced = await startSmtpServer({ user: 'alerts', password: 's3cret', tls: 'starttls', ownCertificate: true });
  });
  afterAll(async () => {
    await Promise.all(Object.values(servers).map((s) => s.close()));
  });

  it.each(['starttls', 'tls'] as const)('offers the untrusted certificate (%s) with its fingerprint, subject and expiry, before any login', async (security) => {
    const server = servers[security];
    const err = await rejection(sendMail({ settings: settings(server, security), password: 's3cret' }, message));

    const offered = offeredCertificate(err);
    const x509 = new X509Certificate(server.certificate);
    expect(offered).toMatchObject({ sha256: fingerprintOf(server.certificate), subject: expect.stringContaining('CN=127.0.0.1'), selfSigned: true, problem: 'self-signed' });
    expect(offered?.validTo.slice(0, 10)).toBe(new Date(x509.validTo).toISOString().slice(0, 10));
    expect(server.logins).toEqual([]);
    expect(server.received).toEqual([]);
  });

  it.each(['starttls', 'tls'] as const)('sends (%s) once that certificate is accepted: the login and the message go through', async (security) => {
    const server = servers[security];
    const answer = await sendMail({ settings: settings(server, security, fingerprintOf(server.certificate)), password: 's3cret' }, message);

    expect(answer.accepted).toEqual(['ops@acme.test']);
    expect(server.logins).toEqual(['alerts']);
    expect(server.received).toHaveLength(1);
  });

  it('refuses a changed certificate before the password is sent, naming both fingerprints', async () => {
    const server = servers.replaced;
    const accepted = fingerprintOf(servers.starttls.certificate);

    const err = await rejection(sendMail({ settings: settings(server, 'starttls', accepted), password: 's3cret' }, message));

    expect(err.kind).toBe('config');
    expect(err.message).toMatch(/certificate of the SMTP server 127\.0\.0\.1:\d+ has changed: Dockhand accepted the one with fingerprint .*Nothing was sent, and the password did not go out/);
    expect(offeredCertificate(err)).toMatchObject({ sha256: fingerprintOf(server.certificate), pinnedSha256: accepted });
    expect(server.logins).toEqual([]);
    expect(server.received).toEqual([]);
  });
});
