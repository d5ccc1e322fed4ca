import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isDockhandError } from '../../../../shared/errors.js';
import { emailTransportSchema } from '../../../../shared/transports/email.js';
import { silentLogger } from '../../../../main/engine/platform/ports.js';
import { traceAtomicWrite } from '../../../../main/engine/transports/atomic-write-trace.js';
import { createTransport } from '../../../../main/engine/transports/create-transport.js';
import type { Transport } from '../../../../main/engine/transports/transport.js';
import { dovecotAvailable, startDovecot, type TestDovecotServer } from '../../../support/dovecot-server.js';
import { loopbackEmailSettings } from '../../../support/email-settings.js';
import { startSmtpServer, type TestSmtpServer } from '../../../support/smtp-server.js';

/**
 * An order file mailed to several WMS addresses when the SMTP server refuses some of them: delivered
 * once to those it took (never sent again, which would give them the file twice), the refused ones
 * named with the server's reason in a warning; every address refused fails the send as any refusal.
 */

const ORDERS = 'orders@wms.example';
const GONE = 'gone@wms.example';
const ALSO_GONE = 'old@wms.example';

let dovecot: TestDovecotServer;
let smtp: TestSmtpServer;
let run = 0;

beforeAll(async () => {
  [dovecot, smtp] = await Promise.all([startDovecot(), startSmtpServer({ tls: 'none' })]);
}, 30_000);
afterAll(async () => {
  await Promise.all([dovecot?.stop(), smtp?.close()]);
});
afterEach(() => {
  smtp.refuseRecipient();
  smtp.received.length = 0;
});

function transportTo(to: string[]): { transport: Transport; folder: string } {
  run += 1;
  const settings = emailTransportSchema.parse(loopbackEmailSettings({ smtpPort: smtp.port, imapPort: dovecot.port, imapUser: dovecot.user }, { to }));
  const transport = createTransport(settings, { imapPassword: dovecot.password }, { log: silentLogger, signal: new AbortController().signal, timeoutMs: 10_000 });
  return { transport, folder: `r${run}/orders` };
}

describe.skipIf(!dovecotAvailable())('an order file mailed to WMS addresses the SMTP server partly refuses', () => {
  it('counts as delivered when one address took it: sent once, to that one, with a warning naming the refused address and the server’s reason', async () => {
    smtp.refuseRecipient(GONE, '550 5.1.1 <gone@wms.example>: mailbox unavailable');
    const { transport, folder } = transportTo([ORDERS, GONE]);
    const warnings: string[] = [];
    try {
      await transport.writeAtomic(folder, 'orders-P1.csv', Buffer.from('Order,SKU\n1,A\n'), { onWarning: (w) => warnings.push(w) });
      expect(smtp.received.map((m) => m.to)).toEqual([[ORDERS]]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`orders-P1.csv was e-mailed to ${ORDERS}, but the SMTP server 127.0.0.1:${smtp.port} refused ${GONE} (it said: 550 5.1.1 <gone@wms.example>: mailbox unavailable)`);
      expect(warnings[0]).toContain('is not sent again');
      // Published, so a run cut short here reads it as delivered and does not mail it again.
      expect(await traceAtomicWrite(transport, folder, 'orders-P1.csv')).toBe('final');
    } finally {
      await transport.close();
    }
  });

  it('names every refused address with its own reason', async () => {
    smtp.refuseRecipient(GONE, '550 5.1.1 No such user');
    smtp.refuseRecipient(ALSO_GONE, '553 5.7.1 Relaying denied');
    const { transport, folder } = transportTo([GONE, ORDERS, ALSO_GONE]);
    const warnings: string[] = [];
    try {
      await transport.writeAtomic(folder, 'orders-P2.csv', Buffer.from('Order,SKU\n1,A\n'), { onWarning: (w) => warnings.push(w) });
      expect(smtp.received.map((m) => m.to)).toEqual([[ORDERS]]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`refused ${GONE} (it said: 550 5.1.1 No such user); ${ALSO_GONE} (it said: 553 5.7.1 Relaying denied)`);
    } finally {
      await transport.close();
    }
  });

  it('with every address taken there is no warning', async () => {
    const { transport, folder } = transportTo([ORDERS, GONE]);
    const warnings: string[] = [];
    try {
      await transport.writeAtomic(folder, 'orders-P3.csv', Buffer.from('Order,SKU\n1,A\n'), { onWarning: (w) => warnings.push(w) });
      expect(smtp.received.map((m) => m.to)).toEqual([[ORDERS, GONE]]);
      expect(warnings).toEqual([]);
    } finally {
      await transport.close();
    }
  });

  it('fails as any refusal when every address is refused, naming each with the server’s reason, and the file stays unsent for the next run', async () => {
    smtp.refuseRecipient(GONE, '550 5.1.1 No such user');
    smtp.refuseRecipient(ALSO_GONE, '550 5.1.1 Moved away');
    const { transport, folder } = transportTo([GONE, ALSO_GONE]);
    const warnings: string[] = [];
    try {
      const err = await transport.writeAtomic(folder, 'orders-P4.csv', Buffer.from('Order,SKU\n1,A\n'), { onWarning: (w) => warnings.push(w) }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isDockhandError(err) && err.kind).toBe('config');
      expect((err as Error).message).toBe(
        `The SMTP server 127.0.0.1:${smtp.port} refused every WMS address for orders-P4.csv, so it was not delivered: ${GONE} (it said: 550 5.1.1 No such user); ${ALSO_GONE} (it said: 550 5.1.1 Moved away). Check the WMS addresses.`,
      );
      expect(smtp.received).toEqual([]);
      expect(warnings).toEqual([]);
      expect(await traceAtomicWrite(transport, folder, 'orders-P4.csv')).toBe('temporary');
    } finally {
      await transport.close();
    }
  });

  it('every address put off for later (4xx) is a failure to retry, not a configuration problem', async () => {
    smtp.refuseRecipient(GONE, '450 4.2.1 Mailbox busy, try later');
    const { transport, folder } = transportTo([GONE]);
    try {
      const err = await transport.writeAtomic(folder, 'orders-P5.csv', Buffer.from('Order,SKU\n1,A\n')).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isDockhandError(err) && err.kind).toBe('transient');
      expect((err as Error).message).toContain(`${GONE} (it said: 450 4.2.1 Mailbox busy, try later). It asked to try again later.`);
    } finally {
      await transport.close();
    }
  });
});
