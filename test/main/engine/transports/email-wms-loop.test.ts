import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { createConnectorSource } from '../../../../main/engine/connector-source.js';
import { recordInboundFile } from '../../../../main/engine/store/repositories/inventory-repo.js';
import type { TransportSettings } from '../../../../shared/transports/index.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { rejection } from '../../../support/rejection.js';
import { dovecotAvailable, startDovecot, type TestDovecotServer } from '../../../support/dovecot-server.js';
import { loopbackEmailSettings } from '../../../support/email-settings.js';
import { startSmtpServer, type TestSmtpServer } from '../../../support/smtp-server.js';

/**
 * A WMS reached by e-mail, through the engine's API and services: the setup saved with both passwords
 * sealed, order files mailed, a confirmation mailed back applied once, a broken one raising an alert.
 */

const SMTP_USER = 'dockhand';
const SMTP_PASSWORD = 'smtp-pass-31';

describe.skipIf(!dovecotAvailable())('a WMS by e-mail through the engine', () => {
  let dovecot: TestDovecotServer;
  let smtp: TestSmtpServer;
  let t: TestEngine;
  let merchantId: number;
  let cartId: number;

  const email = (over: Record<string, unknown> = {}): TransportSettings =>
    loopbackEmailSettings({ smtpPort: smtp.port, imapPort: dovecot.port, imapUser: dovecot.user, smtpUser: SMTP_USER }, over) as unknown as TransportSettings;

  /** The WMS mails a file: through the SMTP server, then delivered into the merchant's folder. */
  async function wmsMails(fileName: string, content: string | Buffer, subject: string): Promise<void> {
    const before = smtp.received.length;
    const sender = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, auth: { user: SMTP_USER, pass: SMTP_PASSWORD } });
    await sender.sendMail({ from: 'wms@wms.example', to: 'dockhand@shop.example', subject, text: 'attached', attachments: [{ filename: fileName, content }] });
    await dovecot.deliver(smtp.received[before].raw, 'DEMO/confirmations');
  }

  beforeAll(async () => {
    [dovecot, smtp] = await Promise.all([startDovecot(), startSmtpServer({ tls: 'none', user: SMTP_USER, password: SMTP_PASSWORD })]);
    t = await startTestEngine();
    ({ merchantId, cartId } = await t.call('demo.setup', { folder: join(t.dataDir, 'demo-warehouse') }));
  }, 30_000);
  afterAll(async () => {
    await t?.close();
    await Promise.all([dovecot?.stop(), smtp?.close()]);
  });

  it('asks for both passwords, each on its own field, when none is typed or saved', async () => {
    const err = await rejection(t.call('wms.test', { wms: { settings: defaultCsvWmsSettings(email()), secrets: {} } }));
    expect(err.fields?.['secrets.smtpPassword']).toBe(`Enter the SMTP password of ${SMTP_USER}`);
    expect(err.fields?.['secrets.imapPassword']).toBe(`Enter the IMAP password of ${dovecot.user}`);
  });

  it('saves the setup with both passwords sealed, and its Test passes with the saved ones', async () => {
    const saved = await t.call('wms.save', { settings: defaultCsvWmsSettings(email()), secrets: { smtpPassword: SMTP_PASSWORD, imapPassword: dovecot.password } });
    expect(saved.hasPassword).toBe(true);
    for (const name of await readdir(t.dataDir)) {
      const content = await readFile(join(t.dataDir, name)).catch(() => Buffer.alloc(0));
      expect(content.includes(SMTP_PASSWORD), name).toBe(false);
      expect(content.includes(dovecot.password), name).toBe(false);
    }
    const tested = await t.call('wms.test', {});
    expect(tested, tested.message).toMatchObject({ ok: true });
  });

  it('a saved password is not sent to another IMAP server: it must be typed again', async () => {
    const err = await rejection(t.call('wms.test', { wms: { settings: defaultCsvWmsSettings(email({ imapHost: 'localhost' })), secrets: {} } }));
    expect(Object.keys(err.fields ?? {})).toEqual(expect.arrayContaining(['secrets.imapPassword']));
  });

  it('mails the order file, applies a confirmation mailed back once, and a second pickup applies nothing', async () => {
    expect((await t.call('services.runNow', { service: 'order_download', targetId: cartId })).counts.new).toBe(5);
    smtp.received.length = 0;
    const delivery = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(delivery.status, delivery.message ?? undefined).toBe('ok');
    expect(smtp.received).toHaveLength(1);
    const mail = await simpleParser(smtp.received[0].raw);
    expect(mail.attachments).toHaveLength(1);
    const orderFile = mail.attachments[0];
    expect(mail.subject).toBe(`${orderFile.filename} (DEMO/orders)`);

    const orders = await t.call('orders.list', { merchantId, limit: 50, offset: 0 });
    expect(orders.items.every((o) => o.status === 'at_wms')).toBe(true);
    const shipped = orders.items.slice(0, 2);
    const rows = ['Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date'];
    for (const o of shipped) {
      expect(orderFile.content.toString()).toContain(o.orderNumber);
      const detail = await t.call('orders.get', { id: o.id });
      for (const line of detail.order.lines) rows.push([o.orderNumber, line.sku, line.quantity, 'UPS', 'Ground', `1Z${o.id}M`, '2026-12-06'].join(','));
    }
    await wmsMails('shipped.csv', rows.join('\r\n') + '\r\n', 'Shipped today');

    const pickup = await t.call('services.runNow', { service: 'shipment_pickup', targetId: merchantId });
    expect(pickup.status, pickup.message ?? undefined).toBe('ok');
    expect(pickup.counts.shipments).toBe(2);
    expect(await dovecot.count('DEMO/confirmations')).toBe(0);
    expect(await dovecot.count('Processed')).toBe(1);

    const again = await t.call('services.runNow', { service: 'shipment_pickup', targetId: merchantId });
    expect(again.counts.shipments ?? 0).toBe(0);
    expect(again.counts.files ?? 0).toBe(0);
    for (const o of shipped) expect((await t.call('orders.get', { id: o.id })).shipments).toHaveLength(1);
  });

  it('a crash between the apply and the move applies nothing twice: the engine’s record of applied files keeps the message from being read again', async () => {
    const rows = ['Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date', 'UNKNOWN-1,SKU-1,1,UPS,Ground,1ZCRASH,2026-12-06'];
    await wmsMails('crash.csv', rows.join('\r\n') + '\r\n', 'Crash test');
    const ctx = t.engine.context;
    const wms = await createConnectorSource({ store: ctx.store, clock: ctx.clock, log: ctx.log, secrets: ctx.secrets }).wms(new AbortController().signal);
    let fileName = '';
    try {
      for await (const item of wms.pickupConfirmations({ merchantId, code: 'DEMO' })) {
        if ('unreadable' in item) continue;
        fileName = item.fileName;
        // What the service does with the file's last rows, in one transaction; then the process dies
        // before the ack could move the message.
        await ctx.store.write((db) => recordInboundFile(db, merchantId, 'confirmations', item.fileName, 0, [], new Date().toISOString()));
        break;
      }
    } finally {
      await wms.close();
    }
    expect(fileName).toMatch(/^mail-[0-9a-f]{8}-crash\.csv$/);
    expect(await dovecot.count('DEMO/confirmations')).toBe(1);

    const pickup = await t.call('services.runNow', { service: 'shipment_pickup', targetId: merchantId });
    expect(pickup.status, pickup.message ?? undefined).toBe('ok');
    expect(pickup.counts.files ?? 0).toBe(0);
    expect(await dovecot.count('DEMO/confirmations')).toBe(0);
    expect(await dovecot.count('Processed')).toBe(2);
  });

  it('a broken attachment raises an alert naming the file, and its message goes to the error folder', async () => {
    await wmsMails('shipped.csv', Buffer.from([0, 159, 146, 150, 0, 0, 255, 1]), 'Broken file');
    const pickup = await t.call('services.runNow', { service: 'shipment_pickup', targetId: merchantId });
    expect(pickup.counts.unreadableFiles).toBe(1);
    const alerts = await t.call('alerts.list', {});
    expect(alerts.some((a) => /mail-[0-9a-f]{8}-shipped\.csv/.test(a.message))).toBe(true);
    expect(await dovecot.count('DEMO/confirmations')).toBe(0);
    expect(await dovecot.count('Errors')).toBe(1);
  });

  it('an order file one WMS address refuses is delivered once to the other: the run and an alert name the refused address and the server’s reason, nothing is sent again, and the next file every address takes clears the alert', async () => {
    const saved = await t.call('wms.save', { settings: defaultCsvWmsSettings(email({ to: ['orders@wms.example', 'gone@wms.example'] })), secrets: {} });
    expect(saved.hasPassword).toBe(true);
    smtp.refuseRecipient('gone@wms.example', '550 5.1.1 <gone@wms.example>: Recipient address rejected');
    try {
      expect((await t.call('services.runNow', { service: 'order_download', targetId: cartId })).counts.new).toBeGreaterThan(0);
      smtp.received.length = 0;
      const delivery = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
      expect(delivery.status, delivery.message ?? undefined).toBe('ok');
      expect(smtp.received.map((m) => m.to)).toEqual([['orders@wms.example']]);
      const said = 'refused gone@wms.example (it said: 550 5.1.1 <gone@wms.example>: Recipient address rejected)';
      expect(delivery.message).toContain(said);
      const alerts = await t.call('alerts.list', {});
      expect(alerts.filter((a) => a.message.includes(said)).map((a) => a.severity)).toEqual(['warning']);
      const orders = await t.call('orders.list', { merchantId, limit: 50, offset: 0 });
      expect(orders.items.every((o) => o.status !== 'new')).toBe(true);

      const again = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
      expect(again.status, again.message ?? undefined).toBe('ok');
      expect(smtp.received).toHaveLength(1);
    } finally {
      smtp.refuseRecipient();
    }
    // The next file every address takes clears the merchant's warning.
    expect((await t.call('services.runNow', { service: 'order_download', targetId: cartId })).counts.new).toBeGreaterThan(0);
    const clean = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(clean.status, clean.message ?? undefined).toBe('ok');
    expect(smtp.received.at(-1)?.to).toEqual(['orders@wms.example', 'gone@wms.example']);
    expect((await t.call('alerts.list', {})).filter((a) => a.message.includes('gone@wms.example'))).toEqual([]);
  });

  it('never writes either password to the log', () => {
    const logged = JSON.stringify(t.log.entries);
    expect(logged).not.toContain(SMTP_PASSWORD);
    expect(logged).not.toContain(dovecot.password);
  });
});
