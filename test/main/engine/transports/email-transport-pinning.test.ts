import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { isDockhandError } from '../../../../shared/errors.js';
import { emailTransportSchema, type EmailTransportSettings } from '../../../../shared/transports/email.js';
import { createCsvWmsConnector } from '../../../../main/engine/connectors/wms/csv/csv-wms-connector.js';
import { offeredCertificate } from '../../../../main/engine/transports/ftp-certificate.js';
import { silentLogger, systemClock } from '../../../../main/engine/platform/ports.js';
import { createTransport } from '../../../../main/engine/transports/create-transport.js';
import type { Transport } from '../../../../main/engine/transports/transport.js';
import { dovecotAvailable, startDovecot, type TestDovecotServer } from '../../../support/dovecot-server.js';
import { loopbackEmailSettings } from '../../../support/email-settings.js';
import { startSmtpServer, type TestSmtpServer } from '../../../support/smtp-server.js';

/**
 * Certificate pinning on both of the e-mail transport's servers, by the FTPS and alert-mail rule: an
 * untrusted certificate is refused before any login with its SHA-256 fingerprint shown (and offered by
 * the Test for the form to accept); once accepted, that certificate alone is taken, and another is
 * refused naming both fingerprints. Against Dovecot and the in-process SMTP server, each with a
 * self-signed certificate.
 */

const SMTP_USER = 'dockhand';
const SMTP_PASSWORD = 'smtp-secret-9';
/** A fingerprint no test server shows: an accepted certificate that was since replaced. */
const OTHER = Array.from({ length: 32 }, () => 'AB').join(':');

const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256.toUpperCase();

let dovecot: TestDovecotServer;
let plainSmtp: TestSmtpServer;
let run = 0;

beforeAll(async () => {
  [dovecot, plainSmtp] = await Promise.all([startDovecot({ tls: true }), startSmtpServer({ tls: 'none', user: SMTP_USER, password: SMTP_PASSWORD })]);
}, 30_000);

afterAll(async () => {
  await Promise.all([dovecot?.stop(), plainSmtp?.close()]);
});

function settings(over: Partial<EmailTransportSettings>): EmailTransportSettings {
  run += 1;
  const servers = { smtpPort: plainSmtp.port, imapPort: dovecot.port, imapUser: dovecot.user, smtpUser: SMTP_USER };
  return emailTransportSchema.parse(loopbackEmailSettings(servers, { processedFolder: `p${run}/Processed`, errorFolder: `p${run}/Errors`, ...over }));
}

function transportWith(s: EmailTransportSettings): Transport {
  return createTransport(s, { smtpPassword: SMTP_PASSWORD, imapPassword: dovecot.password }, { log: silentLogger, signal: new AbortController().signal, timeoutMs: 10_000 });
}

/** The WMS setup's Test, as the form runs it. */
async function testConnection(s: EmailTransportSettings) {
  const transport = transportWith(s);
  const connector = createCsvWmsConnector(
    defaultCsvWmsSettings(s),
    {},
    { clock: { now: () => new Date(), sleep: (ms, signal) => systemClock.sleep(ms, signal) }, log: silentLogger, signal: new AbortController().signal },
    { transport, settleMs: 10 },
  );
  try {
    return await connector.testConnection([]);
  } finally {
    await transport.close();
  }
}

async function failureOf(work: (t: Transport) => Promise<unknown>, s: EmailTransportSettings): Promise<Error> {
  const transport = transportWith(s);
  try {
    await work(transport);
  } catch (err) {
    return err as Error;
  } finally {
    await transport.close();
  }
  throw new Error('expected a refusal');
}

/** How many times Dovecot let the user in so far. */
async function imapLogins(): Promise<number> {
  return ((await dovecot.log()).match(/Login: user=<wms>/g) ?? []).length;
}

describe.skipIf(!dovecotAvailable())('the e-mail transport’s IMAP certificate pinning against Dovecot', () => {
  const imapPorts = { tls: () => dovecot.tlsPort, starttls: () => dovecot.port } as const;

  describe.each(['tls', 'starttls'] as const)('with IMAP security %s', (imapSecurity) => {
    const imap = (over: Partial<EmailTransportSettings> = {}) => settings({ imapSecurity, imapPort: imapPorts[imapSecurity](), ...over });

    it('the Test refuses the self-signed certificate before logging in, showing its fingerprint and offering it as the IMAP side’s', async () => {
      const before = await imapLogins();
      const result = await testConnection(imap());
      const sha256 = fingerprint(dovecot.certificate);
      expect(result.ok).toBe(false);
      expect(result.message).toContain(`The certificate of the IMAP server 127.0.0.1:${imapPorts[imapSecurity]()} is not trusted by this computer: it is self-signed (fingerprint ${sha256}, CN=127.0.0.1`);
      expect(result.message).toContain('Run Test in the WMS setup and accept this certificate');
      expect(result.certificate).toMatchObject({ sha256, selfSigned: true, connection: 'imap' });
      expect(result.certificate?.pinnedSha256).toBeUndefined();
      expect(await imapLogins()).toBe(before);
    });

    it('with that fingerprint accepted, the Test passes: it logs in and creates its folders', async () => {
      const before = await imapLogins();
      const result = await testConnection(imap({ imapPinnedCertificate: { sha256: fingerprint(dovecot.certificate), subject: 'CN=127.0.0.1', validTo: '' } }));
      expect(result, result.message).toMatchObject({ ok: true });
      expect(await imapLogins()).toBeGreaterThan(before);
    });

    it('with another fingerprint accepted, the server’s certificate is refused naming both, before logging in', async () => {
      const before = await imapLogins();
      const err = await failureOf((t) => t.list('INBOX'), imap({ imapPinnedCertificate: { sha256: OTHER, subject: '', validTo: '' } }));
      const sha256 = fingerprint(dovecot.certificate);
      expect(isDockhandError(err) && err.kind).toBe('config');
      expect(err.message).toContain(`The certificate of the IMAP server 127.0.0.1:${imapPorts[imapSecurity]()} has changed: Dockhand accepted the one with fingerprint ${OTHER}, but the server now shows fingerprint ${sha256}`);
      expect(offeredCertificate(err)).toMatchObject({ sha256, pinnedSha256: OTHER, connection: 'imap' });
      expect(await imapLogins()).toBe(before);
    });
  });

  it('an accepted certificate is not asked for with IMAP security None (nothing to check)', async () => {
    const transport = transportWith(settings({ imapPinnedCertificate: { sha256: OTHER, subject: '', validTo: '' } }));
    try {
      await expect(transport.list('INBOX')).resolves.toEqual([]);
    } finally {
      await transport.close();
    }
  });
});

describe.skipIf(!dovecotAvailable())('the e-mail transport’s SMTP certificate pinning against the in-process SMTP server', () => {
  describe.each(['starttls', 'tls'] as const)('with SMTP security %s', (smtpSecurity) => {
    let smtp: TestSmtpServer;
    let replaced: TestSmtpServer;
    beforeAll(async () => {
      // `replaced` shows a certificate of its own: the accepted one replaced by another.
      [smtp, replaced] = await Promise.all([
        startSmtpServer({ tls: smtpSecurity, user: SMTP_USER, password: SMTP_PASSWORD }),
        startSmtpServer({ tls: smtpSecurity, user: SMTP_USER, password: SMTP_PASSWORD, ownCertificate: true }),
      ]);
    });
    afterAll(async () => {
      await Promise.all([smtp?.close(), replaced?.close()]);
    });

    it('the Test refuses the self-signed certificate before the login, showing its fingerprint and offering it as the SMTP side’s', async () => {
      const result = await testConnection(settings({ smtpSecurity, smtpPort: smtp.port }));
      const sha256 = fingerprint(smtp.certificate);
      expect(result.ok).toBe(false);
      expect(result.message).toContain(`The certificate of the SMTP server 127.0.0.1:${smtp.port} is not trusted by this computer: it is self-signed (fingerprint ${sha256}`);
      expect(result.message).toContain('Run Test in the WMS setup and accept this certificate');
      expect(result.certificate).toMatchObject({ sha256, connection: 'smtp' });
      expect(smtp.logins).toEqual([]);
    });

    it('with that fingerprint accepted, an order file is mailed through it', async () => {
      const s = settings({ smtpSecurity, smtpPort: smtp.port, smtpPinnedCertificate: { sha256: fingerprint(smtp.certificate), subject: '', validTo: '' } });
      expect(await testConnection(s), 'the Test').toMatchObject({ ok: true });
      const transport = transportWith(s);
      try {
        await transport.writeAtomic(`p${run}/orders`, 'orders-pinned.csv', Buffer.from('a,b\n1,2\n'));
      } finally {
        await transport.close();
      }
      expect(smtp.received.map((m) => m.to)).toEqual([['orders@wms.example']]);
      expect(smtp.logins).toContain(SMTP_USER);
    });

    it('a server showing another certificate than the accepted one is refused naming both, before the password and with nothing sent', async () => {
      const accepted = fingerprint(smtp.certificate);
      const shown = fingerprint(replaced.certificate);
      const s = settings({ smtpSecurity, smtpPort: replaced.port, smtpPinnedCertificate: { sha256: accepted, subject: '', validTo: '' } });
      const err = await failureOf((t) => t.writeAtomic(`p${run}/orders`, 'orders-replaced.csv', Buffer.from('a,b\n1,2\n')), s);
      expect(isDockhandError(err) && err.kind).toBe('config');
      expect(err.message).toContain(`The certificate of the SMTP server 127.0.0.1:${replaced.port} has changed: Dockhand accepted the one with fingerprint ${accepted}, but the server now shows fingerprint ${shown}`);
      expect(offeredCertificate(err)).toMatchObject({ sha256: shown, pinnedSha256: accepted, connection: 'smtp' });
      expect(replaced.logins).toEqual([]);
      expect(replaced.received).toEqual([]);
      const tested = await testConnection(s);
      expect(tested.certificate).toMatchObject({ sha256: shown, pinnedSha256: accepted, connection: 'smtp' });
    });
  });

  it('an accepted certificate that has since expired is refused as expired (not as changed), before the password', async () => {
    const expired = await startSmtpServer({ tls: 'starttls', user: SMTP_USER, password: SMTP_PASSWORD, expiredCertificate: true });
    try {
      const sha256 = fingerprint(expired.certificate);
      const s = settings({ smtpSecurity: 'starttls', smtpPort: expired.port, smtpPinnedCertificate: { sha256, subject: '', validTo: '' } });
      const err = await failureOf((t) => t.writeAtomic(`p${run}/orders`, 'orders-expired.csv', Buffer.from('a,b\n')), s);
      expect(isDockhandError(err) && err.kind).toBe('config');
      expect(err.message).toContain(`The SMTP server 127.0.0.1:${expired.port} still shows the accepted certificate (fingerprint ${sha256}), but it is expired (since `);
      expect(err.message).toContain('Ask the server\'s administrator to renew it');
      expect(expired.logins).toEqual([]);
      expect(expired.received).toEqual([]);
    } finally {
      await expired.close();
    }
  });
});
