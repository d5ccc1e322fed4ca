import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { isDockhandError } from '../../../../shared/errors.js';
import { emailTransportSchema, type EmailTransportSettings } from '../../../../shared/transports/email.js';
import type { TransportSecrets } from '../../../../shared/transports/index.js';
import { createCsvWmsConnector } from '../../../../main/engine/connectors/wms/csv/csv-wms-connector.js';
import type { ConfirmationRow, InboundBatch, UnreadableFile, WmsConnector } from '../../../../main/engine/connectors/wms/wms-connector.js';
import { silentLogger, systemClock } from '../../../../main/engine/platform/ports.js';
import { traceAtomicWrite } from '../../../../main/engine/transports/atomic-write-trace.js';
import { createTransport } from '../../../../main/engine/transports/create-transport.js';
import type { AppliedFiles } from '../../../../main/engine/transports/registry.js';
import type { Transport } from '../../../../main/engine/transports/transport.js';
import { dovecotAvailable, startDovecot, type TestDovecotServer } from '../../../support/dovecot-server.js';
import { loopbackEmailSettings } from '../../../support/email-settings.js';
import { startSmtpServer, type TestSmtpServer } from '../../../support/smtp-server.js';

/**
 * The e-mail transport against Debian's Dovecot (IMAP) and a real in-process SMTP server: order files
 * mailed and kept, WMS files picked up from IMAP folders, applied once, their messages moved, and the
 * crash between apply and move that must not apply a file twice.
 */

const acme = { merchantId: 1, code: 'acme' };
const HEADER = 'Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date';
const confirmation = (...tracking: string[]) => [HEADER, ...tracking.map((t, i) => `#100${i},SKU-1,1,UPS,Ground,${t},2026-11-28`)].join('\n') + '\n';
const SMTP_USER = 'dockhand';
const SMTP_PASSWORD = 'smtp-secret-7';

type Picked = InboundBatch<ConfirmationRow> | { unreadable: UnreadableFile };
const isBatch = (p: Picked): p is InboundBatch<ConfirmationRow> => !('unreadable' in p);

let dovecot: TestDovecotServer;
let smtp: TestSmtpServer;
let run = 0;
/** Each test works in folders of its own, so no test sees another's messages. */
let prefix = '';

beforeAll(async () => {
  [dovecot, smtp] = await Promise.all([startDovecot(), startSmtpServer({ tls: 'none', user: SMTP_USER, password: SMTP_PASSWORD })]);
}, 30_000);

afterAll(async () => {
  await Promise.all([dovecot?.stop(), smtp?.close()]);
});

beforeEach(() => {
  run += 1;
  prefix = `t${run}`;
  smtp.received.length = 0;
});

function settings(over: Partial<EmailTransportSettings> = {}): EmailTransportSettings {
  const servers = { smtpPort: smtp.port, imapPort: dovecot.port, imapUser: dovecot.user, smtpUser: SMTP_USER };
  return emailTransportSchema.parse(loopbackEmailSettings(servers, { processedFolder: `${prefix}/Processed`, errorFolder: `${prefix}/Errors`, ...over }));
}

const secrets = (): TransportSecrets => ({ smtpPassword: SMTP_PASSWORD, imapPassword: dovecot.password });

function transportWith(s: EmailTransportSettings, appliedFiles?: AppliedFiles, secretValues = secrets()): Transport {
  return createTransport(s, secretValues, { log: silentLogger, signal: new AbortController().signal, timeoutMs: 10_000, ...(appliedFiles ? { appliedFiles } : {}) });
}

function connectorWith(transport: Transport, s = settings()): WmsConnector {
  const wms = defaultCsvWmsSettings(s);
  wms.folders = { orders: `${prefix}/orders`, confirmations: `${prefix}/confirmations`, inventory: `${prefix}/inventory` };
  wms.folderOrder = 'wms_then_client';
  return createCsvWmsConnector(wms, secrets(), { clock: { now: () => new Date(), sleep: (ms, signal) => systemClock.sleep(ms, signal) }, log: silentLogger, signal: new AbortController().signal }, { transport, settleMs: 10 });
}

/** What the merchant's confirmation folder is called on the server. */
const confirmations = () => `${prefix}/confirmations/acme`;

/** A message from the WMS with the given attachments, as its mail program would write it. */
async function wmsMessage(attachments: { filename: string; content: string | Buffer }[], subject = 'Shipped today'): Promise<Buffer> {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await composer.sendMail({ from: 'wms@wms.example', to: 'dockhand@shop.example', subject, text: 'See attached.', attachments });
  return info.message as Buffer;
}

async function pickAll(connector: WmsConnector): Promise<Picked[]> {
  const out: Picked[] = [];
  for await (const item of connector.pickupConfirmations(acme)) out.push(item);
  return out;
}

/** The messages of a folder, as another IMAP client sees them: subject and flags. */
async function folderMessages(folder: string): Promise<{ subject: string; flags: string[]; header?: string }[]> {
  const c = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
  await c.connect();
  try {
    const exists = (await c.list()).some((m) => m.path === folder);
    if (!exists) return [];
    const box = await c.mailboxOpen(folder);
    if (box.exists === 0) return [];
    const all = await c.fetchAll('1:*', { envelope: true, flags: true, headers: ['x-dockhand-file'] });
    return all.map((m) => ({ subject: m.envelope?.subject ?? '', flags: [...(m.flags ?? [])], header: m.headers?.toString().trim() || undefined }));
  } finally {
    await c.logout();
  }
}

describe.skipIf(!dovecotAvailable())('the e-mail transport against Dovecot and a real SMTP server', () => {
  it('Test logs in to both servers, creates the missing folders, and proves a message can be moved, leaving nothing behind', async () => {
    const transport = transportWith(settings());
    const connector = connectorWith(transport);
    try {
      const result = await connector.testConnection([acme]);
      expect(result.ok, result.message).toBe(true);
      expect(result.folders).toEqual([`${prefix}/orders/acme: 0 files, writable`, `${prefix}/confirmations/acme: 0 files, writable`, `${prefix}/inventory/acme: 0 files, writable`]);
      for (const folder of [`${prefix}/Processed`, `${prefix}/Errors`, confirmations(), `${prefix}/orders/acme`]) expect(await folderMessages(folder)).toEqual([]);
      expect(smtp.received).toEqual([]);
    } finally {
      await connector.close();
    }
  });

  it('a wrong IMAP password fails the Test with a login message naming the server, never the password', async () => {
    const transport = transportWith(settings(), undefined, { smtpPassword: SMTP_PASSWORD, imapPassword: 'not-the-password' });
    const connector = connectorWith(transport);
    try {
      const result = await connector.testConnection([acme]);
      expect(result.ok).toBe(false);
      expect(result.message).toContain(`refused the login of "${dovecot.user}"`);
      expect(result.message).toContain(`127.0.0.1:${dovecot.port}`);
      expect(result.message).not.toContain('not-the-password');
    } finally {
      await connector.close();
    }
  });

  it('an order file is mailed once as the attachment of its own message, named in the subject, and a copy is kept in the orders folder', async () => {
    const transport = transportWith(settings());
    try {
      const content = Buffer.from('Order,SKU\n1001,SKU-1\n');
      let publishedBeforeSend = false;
      await transport.writeAtomic(`${prefix}/orders/acme`, 'orders-B1.csv', content, {
        beforeRename: async () => {
          publishedBeforeSend = smtp.received.length === 0;
        },
      });
      expect(publishedBeforeSend).toBe(true);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].to).toEqual(['orders@wms.example']);
      expect(smtp.received[0].user).toBe(SMTP_USER);
      const mail = await simpleParser(smtp.received[0].raw);
      expect(mail.subject).toBe(`orders-B1.csv (${prefix}/orders/acme)`);
      expect(mail.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['orders-B1.csv', content.toString()]]);
      expect(mail.messageId).toMatch(/^<dockhand\.[0-9a-f]{40}@shop\.example>$/);

      const kept = await folderMessages(`${prefix}/orders/acme`);
      expect(kept).toHaveLength(1);
      expect(kept[0].flags).not.toContain('\\Draft');
      expect(await traceAtomicWrite(transport, `${prefix}/orders/acme`, 'orders-B1.csv')).toBe('final');
      expect(await traceAtomicWrite(transport, `${prefix}/orders/acme`, 'orders-B2.csv')).toBe('none');
    } finally {
      await transport.close();
    }
  });

  it('the same file sent again (after a crash) carries the same Message-ID and replaces its kept copy; other bytes get another', async () => {
    const transport = transportWith(settings());
    try {
      const content = Buffer.from('Order,SKU\n1001,SKU-1\n');
      await transport.writeAtomic(`${prefix}/orders`, 'orders-B7.csv', content);
      await transport.writeAtomic(`${prefix}/orders`, 'orders-B7.csv', content);
      await transport.writeAtomic(`${prefix}/orders`, 'orders-B7.csv', Buffer.from('Order,SKU\n1001,SKU-2\n'));
      const ids = await Promise.all(smtp.received.map(async (m) => (await simpleParser(m.raw)).messageId));
      expect(ids).toHaveLength(3);
      expect(ids[1]).toBe(ids[0]);
      expect(ids[2]).not.toBe(ids[0]);
      expect(await folderMessages(`${prefix}/orders`)).toHaveLength(1);
    } finally {
      await transport.close();
    }
  });

  it('a file whose publication was refused is not mailed and reads as unpublished, so it is sent again later', async () => {
    const transport = transportWith(settings());
    try {
      const write = transport.writeAtomic(`${prefix}/orders`, 'orders-B9.csv', Buffer.from('x\n'), {
        beforeRename: () => Promise.reject(new Error('the batch could not be marked')),
      });
      await expect(write).rejects.toThrow('the batch could not be marked');
      expect(smtp.received).toEqual([]);
      expect(await traceAtomicWrite(transport, `${prefix}/orders`, 'orders-B9.csv')).toBe('temporary');
      const kept = await folderMessages(`${prefix}/orders`);
      expect(kept.map((m) => m.flags.includes('\\Draft'))).toEqual([true]);
    } finally {
      await transport.close();
    }
  });

  it('a confirmation mailed by the WMS (through SMTP into Dovecot) is picked up, applied once and moved to the processed folder; the next run finds nothing', async () => {
    // The round trip: the WMS's mail program sends through SMTP, the server delivers into the mailbox.
    const sender = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, auth: { user: SMTP_USER, pass: SMTP_PASSWORD } });
    await sender.sendMail({ from: 'wms@wms.example', to: 'dockhand@shop.example', subject: 'Shipped', text: 'attached', attachments: [{ filename: 'shipped.csv', content: confirmation('1Z001') }, { filename: 'logo.png', content: Buffer.from([137, 80, 78, 71]) }] });
    await dovecot.deliver(smtp.received[0].raw, confirmations());

    const transport = transportWith(settings());
    const connector = connectorWith(transport);
    try {
      const first = await pickAll(connector);
      expect(first.filter(isBatch).map((b) => [b.fileName.replace(/^mail-[0-9a-f]{8}-/, ''), b.rows.map((r) => r.trackingNumber)])).toEqual([['shipped.csv', ['1Z001']]]);
      await first.filter(isBatch)[0].ack();
      expect(await folderMessages(confirmations())).toEqual([]);
      expect((await folderMessages(`${prefix}/Processed`)).map((m) => m.subject)).toEqual(['Shipped']);
      expect(await pickAll(connector)).toEqual([]);
    } finally {
      await connector.close();
    }
    const again = connectorWith(transportWith(settings()));
    try {
      expect(await pickAll(again)).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('a crash between the apply and the move applies nothing twice: the next run moves the message instead of handing its file out', async () => {
    await dovecot.deliver(await wmsMessage([{ filename: 'shipped.csv', content: confirmation('1Z777') }]), confirmations());
    const applied = new Set<string>();
    const appliedFiles: AppliedFiles = { wasApplied: (name) => Promise.resolve(applied.has(name)) };

    const crashed = connectorWith(transportWith(settings(), appliedFiles));
    try {
      const [batch] = (await pickAll(crashed)).filter(isBatch);
      // The service saves the rows and records the file in one transaction... and the process dies
      // before it could ack (move) the file.
      applied.add(batch.fileName);
    } finally {
      await crashed.close();
    }
    expect(await folderMessages(confirmations())).toHaveLength(1);

    const restarted = connectorWith(transportWith(settings(), appliedFiles));
    try {
      expect(await pickAll(restarted)).toEqual([]);
    } finally {
      await restarted.close();
    }
    expect(await folderMessages(confirmations())).toEqual([]);
    expect((await folderMessages(`${prefix}/Processed`)).map((m) => m.subject)).toEqual(['Shipped today']);
  });

  it('a broken attachment is reported unreadable and its message goes to the error folder', async () => {
    await dovecot.deliver(await wmsMessage([{ filename: 'shipped.csv', content: Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8]) }], 'Broken'), confirmations());
    const connector = connectorWith(transportWith(settings()));
    try {
      const picked = await pickAll(connector);
      expect(picked).toHaveLength(1);
      expect(isBatch(picked[0])).toBe(false);
      const unreadable = (picked[0] as { unreadable: UnreadableFile }).unreadable;
      expect(unreadable.fileName).toMatch(/^mail-[0-9a-f]{8}-shipped\.csv$/);
      expect(await folderMessages(confirmations())).toEqual([]);
      expect((await folderMessages(`${prefix}/Errors`)).map((m) => m.subject)).toEqual(['Broken']);
    } finally {
      await connector.close();
    }
  });

  it('a message with two files moves only once both are settled, and to the error folder when one was rejected', async () => {
    await dovecot.deliver(await wmsMessage([{ filename: 'a.csv', content: confirmation('1ZA') }, { filename: 'b.csv', content: confirmation('1ZB') }], 'Two files'), confirmations());
    const connector = connectorWith(transportWith(settings()));
    try {
      const batches: InboundBatch<ConfirmationRow>[] = [];
      for await (const item of connector.pickupConfirmations(acme)) {
        if (!isBatch(item)) continue;
        batches.push(item);
        if (batches.length === 1) {
          await item.ack();
          // The first file is settled, the second not yet read: the message stays where it is.
          expect(await folderMessages(confirmations())).toHaveLength(1);
        } else {
          await item.reject('the WMS sent tracking for an order of another shop');
        }
      }
      expect(batches.map((b) => b.fileName.replace(/^mail-[0-9a-f]{8}-/, ''))).toEqual(['a.csv', 'b.csv']);
      expect(await folderMessages(confirmations())).toEqual([]);
      expect((await folderMessages(`${prefix}/Errors`)).map((m) => m.subject)).toEqual(['Two files']);
    } finally {
      await connector.close();
    }
  });

  it('mail without a matching attachment, and Dockhand’s own kept copies in the same folder, are not files', async () => {
    await dovecot.deliver(await wmsMessage([{ filename: 'readme.pdf', content: 'not a csv' }], 'Hello'), confirmations());
    const transport = transportWith(settings());
    try {
      await transport.writeAtomic(confirmations(), 'orders-B3.csv', Buffer.from('Order\n1\n'));
      expect(await transport.list(confirmations())).toEqual([]);
    } finally {
      await transport.close();
    }
  });

  it('tells a kept copy by its exact name: another file whose name contains it is not it', async () => {
    const transport = transportWith(settings());
    try {
      await transport.writeAtomic(`${prefix}/orders`, 'orders-B1.csv.bak', Buffer.from('x\n'));
      expect(await traceAtomicWrite(transport, `${prefix}/orders`, 'orders-B1.csv')).toBe('none');
      expect(await transport.exists(`${prefix}/orders/orders-B1.csv.bak`)).toBe(true);
    } finally {
      await transport.close();
    }
  });

  it('refuses to remove one file of a message that holds others, rather than delete them unread', async () => {
    await dovecot.deliver(await wmsMessage([{ filename: 'a.csv', content: confirmation('1ZA') }, { filename: 'b.csv', content: confirmation('1ZB') }], 'Pair'), confirmations());
    const transport = transportWith(settings());
    try {
      const [first] = await transport.list(confirmations());
      await expect(transport.remove(first.path)).rejects.toThrow(/is one of 2 files of one e-mail.*deletes whole messages only/);
      expect(await folderMessages(confirmations())).toHaveLength(1);
    } finally {
      await transport.close();
    }
  });

  it('a wrong SMTP password fails the Test with the SMTP server’s refusal, naming the server and user', async () => {
    const connector = connectorWith(transportWith(settings(), undefined, { smtpPassword: 'bad-smtp-pw-77', imapPassword: dovecot.password }));
    try {
      const result = await connector.testConnection([acme]);
      expect(result.ok).toBe(false);
      expect(result.message).toContain(`The SMTP server 127.0.0.1:${smtp.port} refused the login of "${SMTP_USER}"`);
      expect(result.message).not.toContain('bad-smtp-pw-77');
    } finally {
      await connector.close();
    }
  });

  it('a move to any other folder than the archive or error one moves the message there', async () => {
    await dovecot.deliver(await wmsMessage([{ filename: 'orders.csv', content: 'Order\n1\n' }], 'To elsewhere'), confirmations());
    const transport = transportWith(settings());
    try {
      const [file] = await transport.list(confirmations());
      await transport.move(file.path, `${prefix}/elsewhere`);
      expect(await transport.exists(file.path)).toBe(false);
      expect((await folderMessages(`${prefix}/elsewhere`)).map((m) => m.subject)).toEqual(['To elsewhere']);
    } finally {
      await transport.close();
    }
  });

  it('reads an attachment’s bytes as sent, a Windows-1252 text part included, for the file’s reader to decode', async () => {
    const bytes = Buffer.from([0x53, 0x4b, 0x55, 0x2c, 0x51, 0x0d, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x2c, 0x33, 0x0d, 0x0a]); // "SKU,Q\r\nCafé,3\r\n" in Windows-1252
    const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const info = await composer.sendMail({ from: 'wms@wms.example', to: 'd@shop.example', subject: 'Stock', text: 'x', attachments: [{ filename: 'stock.csv', content: bytes, contentType: 'text/csv; charset=windows-1252', contentDisposition: 'inline' }] });
    await dovecot.deliver(info.message as Buffer, confirmations());
    const transport = transportWith(settings());
    try {
      const [file] = await transport.list(confirmations());
      expect(file.name).toMatch(/-stock\.csv$/);
      expect(await transport.read(file.path)).toEqual(bytes);
      const streamed: Buffer[] = [];
      for await (const chunk of transport.readStream!(file.path)) streamed.push(chunk);
      expect(Buffer.concat(streamed)).toEqual(bytes);
    } finally {
      await transport.close();
    }
  });

  it('a folder that does not exist is named in a config error', async () => {
    const transport = transportWith(settings());
    try {
      const listing = transport.list(`${prefix}/nowhere`);
      await expect(listing).rejects.toSatisfy((err: unknown) => isDockhandError(err) && err.kind === 'config' && err.message.includes(`"${prefix}/nowhere" does not exist`));
    } finally {
      await transport.close();
    }
  });
});
