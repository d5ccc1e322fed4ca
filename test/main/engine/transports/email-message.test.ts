import type { MessageStructureObject } from 'imapflow';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { emailTransportSchema } from '../../../../shared/transports/email.js';
import { DOCKHAND_FILE_HEADER, fileMessage, orderFileMessageId } from '../../../../main/engine/transports/email-message.js';
import { mailFileName, matchingAttachments } from '../../../../main/engine/transports/mail-attachments.js';

const settings = emailTransportSchema.parse({ kind: 'email', smtpHost: 'smtp.x', from: 'dockhand@shop.example', to: ['a@wms.example', 'b@wms.example'], imapHost: 'imap.x', imapUser: 'u' });

describe('an order file as an e-mail', () => {
  it('gets a Message-ID from its name and bytes only: the same file again gets the same one', () => {
    const a = orderFileMessageId('orders-B1.csv', Buffer.from('1,2\n'), 'dockhand@shop.example');
    expect(a).toMatch(/^<dockhand\.[0-9a-f]{40}@shop\.example>$/);
    expect(orderFileMessageId('orders-B1.csv', Buffer.from('1,2\n'), 'dockhand@shop.example')).toBe(a);
    expect(orderFileMessageId('orders-B1.csv', Buffer.from('1,3\n'), 'dockhand@shop.example')).not.toBe(a);
    expect(orderFileMessageId('orders-B2.csv', Buffer.from('1,2\n'), 'dockhand@shop.example')).not.toBe(a);
  });

  it('is one message to every WMS address with the file as its attachment, its name in the subject and the marking header', async () => {
    const built = await fileMessage(settings, 'acme/orders', 'orders-B1.csv', Buffer.from('Order\n1001\n'), new Date('2026-12-06T10:00:00Z'));
    const mail = await simpleParser(built.raw);
    expect(mail.subject).toBe('orders-B1.csv (acme/orders)');
    expect(mail.messageId).toBe(built.messageId);
    expect(mail.headers.get(DOCKHAND_FILE_HEADER.toLowerCase())).toBe('orders-B1.csv');
    expect(mail.attachments.map((x) => [x.filename, x.contentType, x.content.toString()])).toEqual([['orders-B1.csv', 'text/csv', 'Order\n1001\n']]);
    expect(JSON.stringify(mail.to)).toContain('b@wms.example');
  });
});

describe('the files of a received message', () => {
  const structure: MessageStructureObject = {
    type: 'multipart/mixed',
    childNodes: [
      { part: '1', type: 'text/plain', size: 20 },
      { part: '2', type: 'text/csv', size: 120, disposition: 'attachment', dispositionParameters: { filename: 'shipped.csv' } },
      { part: '3', type: 'image/png', size: 900, disposition: 'inline', dispositionParameters: { filename: 'logo.png' } },
      { part: '4', type: 'multipart/alternative', childNodes: [{ part: '4.1', type: 'application/octet-stream', size: 50, parameters: { name: 'stock.CSV' } }] },
    ],
  };

  it('are its attachments whose names match the pattern, nested ones included', () => {
    expect(matchingAttachments(structure, '*.csv')).toEqual([
      { part: '2', fileName: 'shipped.csv', size: 120 },
      { part: '4.1', fileName: 'stock.CSV', size: 50 },
    ]);
    expect(matchingAttachments(structure, '').map((a) => a.fileName)).toEqual(['shipped.csv', 'logo.png', 'stock.CSV']);
  });

  it('are named for exactly this message (folder, UIDVALIDITY, UID), the attachment’s name kept readable and unable to act as a folder', () => {
    const a = { part: '2', fileName: 'shipped.csv', size: 1 };
    const name = mailFileName('INBOX', 17n, 5, a, false);
    expect(name).toMatch(/^mail-[0-9a-f]{8}-shipped\.csv$/);
    expect(mailFileName('INBOX', 17n, 5, a, false)).toBe(name);
    expect(new Set([mailFileName('INBOX', 17n, 6, a, false), mailFileName('INBOX', 18n, 5, a, false), mailFileName('Other', 17n, 5, a, false)]).has(name)).toBe(false);
    expect(mailFileName('INBOX', 17n, 5, { ...a, fileName: '../../etc/passwd' }, false)).toMatch(/^mail-[0-9a-f]{8}-passwd$/);
    expect(mailFileName('INBOX', 17n, 5, a, true)).toMatch(/^mail-[0-9a-f]{8}\.2-shipped\.csv$/);
  });
});
