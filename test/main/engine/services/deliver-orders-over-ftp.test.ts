import { readdir, readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { startFtpServer, type TestFtpServer } from '../../../support/ftp-server.js';
import { ftpWms } from '../../../support/world.js';

/** Order Delivery against a real FTP server: failures leave orders undelivered and resend the same batch. */
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

  it('after a send that may have reached the WMS, the batch goes whole again and a cancellation meanwhile raises an alert', async () => {
    ftp.dropNextUpload();
    expect((await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId })).status).toBe('failed');
    const [victim] = (await t.call('orders.list', { merchantId, limit: 1, offset: 0 })).items;
    await t.call('orders.cancel', { id: victim.id });

    const retry = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(retry.status).toBe('ok');
    const csv = await readFile(ftp.localPath('/DEMO/orders/orders-DEMO-000001.csv'), 'utf8');
    expect(csv).toContain(victim.orderNumber);
    const after = await t.call('orders.get', { id: victim.id });
    expect(after.status).toBe('cancel_sending');
    expect(after.batchId).toBe('DEMO-000001');
    expect((await t.call('alerts.list', {})).some((a) => a.message.includes(victim.orderNumber))).toBe(true);
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
});
