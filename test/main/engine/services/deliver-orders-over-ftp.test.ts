import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBatch, recordSendStarted } from '../../../../main/engine/store/repositories/batches-repo.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { startFtpServer, type TestFtpServer } from '../../../support/ftp-server.js';
import { ftpWms } from '../../../support/world.js';

describe('order delivery over FTP', () => {
  let t: TestEngine;
  let ftp: TestFtpServer;
  let merchantId: number;
  let cartId: number;

  beforeEach(async () => {
    ftp = await startFtpServer();
    t = await startTestEngine();
    ({ merchantId, cartId } = await t.call('demo.setup', {}));
    await t.call('wms.save', ftpWms(ftp));
    const download = await t.call('services.runNow', { service: 'order_download', targetId: cartId });
    expect(download.counts.new).toBe(5);
  });

  afterEach(async () => {
    await t.close();
    await ftp.close();
  });

  const statuses = async () => (await t.call('orders.list', { merchantId, limit: 50, offset: 0 })).items.map((o) => o.status);

  it('delivers one file per run, named from its batch, and marks the orders at WMS', async () => {
    const run = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(run.status).toBe('ok');
    const files = await readdir(ftp.localPath('/DEMO/orders'));
    expect(files).toEqual(['orders-DEMO-000001.csv']);
    const csv = await readFile(ftp.localPath('/DEMO/orders/orders-DEMO-000001.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Order Number');
    expect(await statuses()).toEqual(Array(5).fill('at_wms'));
    // The temp name was used, then renamed: the WMS never sees half a file.
    expect(ftp.uploads[0]).toMatch(/\.part$|\.tmp$/);
  });

  it('a wrong FTP password fails the run, raises an alert, pauses the job and delivers nothing', async () => {
    const saved = await t.call('wms.get', {});
    await t.call('wms.save', { settings: saved.settings!, secrets: { password: 'wrong-password' } });
    const run = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(run.status).toBe('failed');
    expect(run.message).toMatch(/login refused/i);
    expect(await statuses()).toEqual(Array(5).fill('new'));
    const alerts = await t.call('alerts.list', {});
    expect(alerts.some((a) => a.key === 'auth:wms')).toBe(true);
    const jobs = await t.call('schedules.list', {});
    expect(jobs.find((j) => j.service === 'order_delivery' && j.targetId === merchantId)).toMatchObject({ state: 'paused', by: 'auth' });
    expect(t.log.entries.map((e) => JSON.stringify(e)).join('\n')).not.toContain('wrong-password');

    // Fixing the password lifts the pause and the same batch goes out.
    await t.call('wms.save', { settings: saved.settings!, secrets: { password: ftp.password } });
    const jobsAfter = await t.call('schedules.list', {});
    expect(jobsAfter.find((j) => j.service === 'order_delivery' && j.targetId === merchantId)?.state).not.toBe('paused');
    const retry = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(retry.status).toBe('ok');
    expect(await readdir(ftp.localPath('/DEMO/orders'))).toEqual(['orders-DEMO-000001.csv']);
    expect((await t.call('alerts.list', {})).some((a) => a.key === 'auth:wms')).toBe(false);
  });

  it('a connection dropped mid-upload marks nothing delivered, and the next run sends the same batch under the same name', async () => {
    ftp.dropNextUpload();
    const run = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(run.status).toBe('failed');
    expect(await statuses()).toEqual(Array(5).fill('new'));
    const afterDrop = await readdir(ftp.localPath('/DEMO/orders')).catch(() => []);
    expect(afterDrop.filter((f) => f.endsWith('.csv') && !f.startsWith('.'))).toEqual([]);
    const failedOrder = (await t.call('orders.list', { merchantId, limit: 1, offset: 0 })).items[0];
    expect(failedOrder.failedSends).toBe(1);

    // New orders arriving meanwhile do not join the pending batch: it is resent as it was.
    await t.call('services.runNow', { service: 'order_download', targetId: cartId });
    const retry = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(retry.status).toBe('ok');
    expect(retry.counts.resentBatches).toBe(1);
    expect(retry.counts.delivered).toBe(5);
    expect((await readdir(ftp.localPath('/DEMO/orders'))).filter((f) => !f.startsWith('.'))).toEqual(['orders-DEMO-000001.csv']);
    const next = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(next.counts.delivered).toBe(5);
    expect((await readdir(ftp.localPath('/DEMO/orders'))).filter((f) => !f.startsWith('.')).sort()).toEqual([
      'orders-DEMO-000001.csv',
      'orders-DEMO-000002.csv',
    ]);
  });

  it('after a send that surely failed (login refused), orders canceled meanwhile drop out of the batch', async () => {
    const saved = await t.call('wms.get', {});
    await t.call('wms.save', { settings: saved.settings!, secrets: { password: 'wrong' } });
    expect((await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId })).status).toBe('failed');
    const [victim] = (await t.call('orders.list', { merchantId, limit: 1, offset: 0 })).items;
    await t.call('orders.cancel', { id: victim.id });
    await t.call('wms.save', { settings: saved.settings!, secrets: { password: ftp.password } });

    const retry = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(retry.counts.delivered).toBe(4);
    const csv = await readFile(ftp.localPath('/DEMO/orders/orders-DEMO-000001.csv'), 'utf8');
    expect(csv).not.toContain(`${victim.orderNumber},`);
    expect((await t.call('orders.get', { id: victim.id })).status).toBe('canceled');
  });

  // A warehouse imports an order file and then deletes it. A send whose outcome Dockhand does not know
  // (the reply to the rename was lost, the host died) must therefore not simply go again under the same
  // name: the warehouse would import it twice and ship its orders twice.
  const FILE = '/DEMO/orders/orders-DEMO-000001.csv';
  const deliver = () => t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
  const orders = async () => (await t.call('orders.list', { merchantId, limit: 50, offset: 0 })).items;
  /** Times the batch's file was uploaded (each upload goes to the temporary name first). */
  const uploadsOfFirstFile = () => ftp.uploads.filter((p) => p.endsWith('/.orders-DEMO-000001.csv.part')).length;
  /** The warehouse imports the file and deletes it, as real WMSs do. */
  const warehouseTakes = async () => {
    const content = await readFile(ftp.localPath(FILE), 'utf8');
    await rm(ftp.localPath(FILE));
    return content;
  };

  it('records a file the warehouse took after a lost rename reply as delivered, and never sends it again', async () => {
    ftp.dropAfterNextRename();
    const cut = await deliver();
    expect(cut.status).toBe('failed');
    expect((await orders()).map((o) => o.status)).toEqual(Array(5).fill('new'));
    const imported = await warehouseTakes();
    for (const o of await orders()) expect(imported).toContain(o.orderNumber);

    const next = await deliver();
    expect(uploadsOfFirstFile()).toBe(1);
    expect(existsSync(ftp.localPath(FILE))).toBe(false);
    expect(next.status).toBe('ok');
    expect(next.counts.recoveredBatches).toBe(1);
    expect(next.message).toMatch(/already taken by the warehouse/);
    const after = await orders();
    expect(after.map((o) => o.status)).toEqual(Array(5).fill('at_wms'));
    expect((await t.call('orders.get', { id: after[0].id })).batchId).toBe('DEMO-000001');

    // The batch is settled: the next run starts a new one (none today: nothing new).
    expect((await deliver()).message).toBe('No new orders to deliver');
    expect(uploadsOfFirstFile()).toBe(1);
  });

  it('leaves a file still waiting after a lost rename reply where it is, once, and records it as delivered', async () => {
    ftp.dropAfterNextRename();
    expect((await deliver()).status).toBe('failed');
    const waiting = await readFile(ftp.localPath(FILE), 'utf8');

    const next = await deliver();
    expect(uploadsOfFirstFile()).toBe(1);
    expect(next.status).toBe('ok');
    expect(next.message).toMatch(/waiting to be imported/);
    expect(await readFile(ftp.localPath(FILE), 'utf8')).toBe(waiting);
    expect((await orders()).map((o) => o.status)).toEqual(Array(5).fill('at_wms'));
  });

  it('tells the warehouse about an order canceled while its file was taken, instead of sending the file again', async () => {
    ftp.dropAfterNextRename();
    expect((await deliver()).status).toBe('failed');
    const [victim] = await orders();
    await t.call('orders.cancel', { id: victim.id });
    await warehouseTakes();

    await deliver();
    expect(uploadsOfFirstFile()).toBe(1);
    const after = await t.call('orders.get', { id: victim.id });
    expect(after.status).toBe('cancel_sending');
    expect(after.batchId).toBe('DEMO-000001');
    expect((await t.call('alerts.list', {})).some((a) => a.message.includes(victim.orderNumber))).toBe(true);
  });

  it('sends a file again whose upload dropped before it was renamed, without the orders canceled meanwhile', async () => {
    ftp.dropNextUpload();
    expect((await deliver()).status).toBe('failed');
    const [victim] = await orders();
    await t.call('orders.cancel', { id: victim.id });

    const retry = await deliver();
    expect(retry.status).toBe('ok');
    expect(retry.counts.delivered).toBe(4);
    const sent = await readFile(ftp.localPath(FILE), 'utf8');
    expect(sent).not.toContain(`${victim.orderNumber},`);
    expect((await t.call('orders.get', { id: victim.id })).status).toBe('canceled');
  });

  it('never puts an order the warehouse already shipped into a file sent again', async () => {
    ftp.dropNextUpload();
    expect((await deliver()).status).toBe('failed');
    // Meanwhile the warehouse ships one of the orders (entered by hand from the cart) and confirms it.
    const [shipped] = await orders();
    const { order } = await t.call('orders.get', { id: shipped.id });
    const rows = ['Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date'];
    for (const l of order.lines) rows.push(`${shipped.orderNumber},${l.sku},${l.quantity},UPS,Ground,1ZHAND1,2026-11-26`);
    await mkdir(ftp.localPath('/DEMO/confirmations'), { recursive: true });
    await writeFile(ftp.localPath('/DEMO/confirmations/ship-001.csv'), `${rows.join('\n')}\n`);
    const pickup = await t.call('services.runNow', { service: 'shipment_pickup', targetId: merchantId });
    expect(pickup.counts.shipments).toBe(1);

    const retry = await deliver();
    expect(retry.status).toBe('ok');
    expect(retry.counts.delivered).toBe(4);
    expect(await readFile(ftp.localPath(FILE), 'utf8')).not.toContain(`${shipped.orderNumber},`);
    expect((await t.call('orders.get', { id: shipped.id })).status).toBe('shipped');
  });

  it('sends a batch again whose send the host died in before its file was complete', async () => {
    // The state a SIGKILL during the upload leaves: a batch with a send begun while staging, nothing after.
    const ids = (await orders()).map((o) => o.id).sort((a, b) => a - b);
    await t.engine.context.store.write((db) => {
      createBatch(db, 'DEMO-000001', merchantId, ids, '2026-11-27T10:00:00.000Z');
      recordSendStarted(db, 'DEMO-000001');
    });

    const retry = await deliver();
    expect(retry.status).toBe('ok');
    expect(retry.counts.resentBatches).toBe(1);
    expect(retry.counts.delivered).toBe(5);
    expect(await readdir(ftp.localPath('/DEMO/orders'))).toEqual(['orders-DEMO-000001.csv']);
  });

  it('sends a batch an older Dockhand left mid-send again whole when its file is nowhere, with a warning that it may be a duplicate', async () => {
    // What migration 007 makes of a batch whose send began and never concluded under an older version.
    const ids = (await orders()).map((o) => o.id).sort((a, b) => a - b);
    await t.engine.context.store.write((db) => {
      createBatch(db, 'DEMO-000001', merchantId, ids, '2026-11-27T10:00:00.000Z');
      recordSendStarted(db, 'DEMO-000001');
      db.run(`UPDATE batches SET send_stage = 'unknown' WHERE id = 'DEMO-000001'`);
    });

    const retry = await deliver();
    expect(retry.status).toBe('ok');
    expect(retry.counts.delivered).toBe(5);
    expect(uploadsOfFirstFile()).toBe(1);
    const alerts = await t.call('alerts.list', {});
    expect(alerts.some((a) => a.message.includes('DEMO-000001') && /twice/.test(a.message))).toBe(true);
  });
});
