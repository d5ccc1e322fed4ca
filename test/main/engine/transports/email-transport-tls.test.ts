import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDockhandError } from '../../../../shared/errors.js';
import { emailTransportSchema, type ImapSecurity } from '../../../../shared/transports/email.js';
import { silentLogger } from '../../../../main/engine/platform/ports.js';
import { createTransport } from '../../../../main/engine/transports/create-transport.js';
import { dovecotAvailable, startDovecot, type TestDovecotServer } from '../../../support/dovecot-server.js';

/**
 * The IMAP security choices against Dovecot with a self-signed certificate: TLS from the first byte and
 * STARTTLS are both really negotiated (so the untrusted certificate is refused before the login), and a
 * TLS choice on a plain port says so in words.
 */
describe.skipIf(!dovecotAvailable())('the e-mail transport’s IMAP security against Dovecot with a self-signed certificate', () => {
  let dovecot: TestDovecotServer;
  beforeAll(async () => {
    dovecot = await startDovecot({ tls: true });
  }, 30_000);
  afterAll(async () => {
    await dovecot?.stop();
  });

  async function listWith(imapSecurity: ImapSecurity, imapPort: number): Promise<unknown> {
    const settings = emailTransportSchema.parse({ kind: 'email', smtpHost: '127.0.0.1', from: 'd@shop.example', to: ['w@wms.example'], imapHost: '127.0.0.1', imapPort, imapSecurity, imapUser: dovecot.user });
    const transport = createTransport(settings, { imapPassword: dovecot.password }, { log: silentLogger, signal: new AbortController().signal, timeoutMs: 10_000 });
    try {
      await transport.list('INBOX');
      return undefined;
    } catch (err) {
      return err;
    } finally {
      await transport.close();
    }
  }

  it.each([
    ['tls', () => dovecot.tlsPort],
    ['starttls', () => dovecot.port],
  ] as const)('with %s, refuses the self-signed certificate before logging in, naming the server and the certificate’s fingerprint', async (security, port) => {
    const err = await listWith(security, port());
    expect(isDockhandError(err) && err.kind).toBe('config');
    expect((err as Error).message).toMatch(new RegExp(`^The certificate of the IMAP server 127\\.0\\.0\\.1:${port()} is not trusted by this computer: it is self-signed \\(fingerprint ([0-9A-F]{2}:){31}[0-9A-F]{2}, `));
    expect(await dovecot.log()).not.toMatch(/Login: user=<wms>/);
  });

  it('with TLS on a port that starts plain, says the server does not speak TLS from the start', async () => {
    const err = await listWith('tls', dovecot.port);
    expect(isDockhandError(err) && err.kind).toBe('config');
    expect((err as Error).message).toMatch(/does not speak TLS from the start/);
  });
});
