import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { emailTransportSchema } from '../../../../shared/transports/email.js';
import { silentLogger } from '../../../../main/engine/platform/ports.js';
import { createTransport } from '../../../../main/engine/transports/create-transport.js';
import { dovecotAvailable, startDovecot, type TestDovecotServer } from '../../../support/dovecot-server.js';

/**
 * A server whose folders are separated by dots (Maildir++, as Courier and many Dovecot setups are): the
 * folders as typed ("acme/confirmations") reach the server under its own names ("acme.confirmations").
 */
describe.skipIf(!dovecotAvailable())('the e-mail transport on an IMAP server that separates folders with dots', () => {
  let dovecot: TestDovecotServer;
  beforeAll(async () => {
    dovecot = await startDovecot({ separator: '.' });
  }, 30_000);
  afterAll(async () => {
    await dovecot?.stop();
  });

  it('reads "acme/confirmations" from the server’s acme.confirmations and moves the message to "Dockhand/Processed"', async () => {
    const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const info = await composer.sendMail({ from: 'wms@wms.example', to: 'd@shop.example', subject: 'Shipped', text: 'x', attachments: [{ filename: 'shipped.csv', content: 'a,b\n' }] });
    await dovecot.deliver(info.message as Buffer, 'acme/confirmations');
    const settings = emailTransportSchema.parse({
      kind: 'email', smtpHost: '127.0.0.1', from: 'd@shop.example', to: ['w@wms.example'],
      imapHost: '127.0.0.1', imapPort: dovecot.port, imapSecurity: 'none', imapUser: dovecot.user, processedFolder: 'Dockhand/Processed',
    });
    const transport = createTransport(settings, { imapPassword: dovecot.password }, { log: silentLogger, signal: new AbortController().signal, timeoutMs: 10_000 });
    try {
      const [file] = await transport.list('acme/confirmations');
      expect(file.path).toMatch(/^acme\/confirmations\/mail-[0-9a-f]{8}-shipped\.csv$/);
      expect((await transport.read(file.path)).toString()).toBe('a,b\n');
      await transport.move(file.path, 'acme/confirmations/archive/2026-12-06');
    } finally {
      await transport.close();
    }
    expect(await dovecot.count('acme/confirmations')).toBe(0);
    expect(await dovecot.count('Dockhand/Processed')).toBe(1);
  });
});
