import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../shared/csv-defaults.js';
import type { JobView } from '../../../shared/api-types.js';
import { createFakeShopify, type FakeShopify } from '../../fakes/shopify/index.js';
import { startTestEngine, type TestEngine } from '../../support/engine-harness.js';
import { expectVisibleState } from '../../support/job-state-checks.js';

/**
 * Jobs as the screens see them (schedules.list) on a real engine with its scheduler on, against a
 * fake Shopify. A "minute" lasts an hour here, so nothing runs on its own while a test looks.
 */
const MINUTE_MS = 3_600_000;

describe('every job is always in one visible state, through the API the screens read', () => {
  let shop: FakeShopify;
  let t: TestEngine;
  let cartId: number;
  let merchantId: number;

  beforeEach(async () => {
    shop = await createFakeShopify({ orders: 3 });
    t = await startTestEngine({ startScheduler: true, minuteMs: MINUTE_MS });
    await t.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await t.call('merchants.create', { name: 'Acme', code: 'ACME' })).id;
    cartId = (
      await t.call('carts.create', {
        merchantId,
        platform: 'shopify',
        name: 'Acme shop',
        earliestOrderDate: '2000-01-01',
        settings: { shopDomain: shop.shopDomain, baseUrl: shop.url },
        credentials: { accessToken: shop.token },
        schedules: { order_download: 15, shipment_upload: null, inventory_upload: null },
      })
    ).id;
  });
  afterEach(async () => {
    await t?.close();
    await shop?.close();
  });

  async function download(engine = t): Promise<JobView> {
    const jobs = await engine.call('schedules.list', {});
    for (const job of jobs) expectVisibleState(job);
    const job = jobs.find((j) => j.service === 'order_download' && j.targetId === cartId);
    if (!job) throw new Error('no order download job');
    return job;
  }
  const runDownload = () => t.call('services.runNow', { service: 'order_download', targetId: cartId });
  const openAlerts = () => t.call('alerts.list', {});

  it('a download that fails with a config error is paused with its reason, alerts, and stays paused after a restart', async () => {
    // The silent stop: the scheduler paused the job in memory only, so the API said "not paused" with
    // no next run, the screen offered Pause, nothing ran, and a restart forgot the pause.
    shop.state.failNext(1, 404);
    expect((await runDownload()).status).toBe('failed');

    const job = await download();
    expect(job).toMatchObject({ state: 'paused', by: 'config' });
    expect(job.state === 'paused' && job.reason).toMatch(/not found \(HTTP 404\)/);
    const alert = (await openAlerts()).find((a) => a.key === `config:order_download:${cartId}`);
    expect(alert).toMatchObject({ severity: 'error', targetType: 'cart', targetId: cartId });
    expect(alert?.message).toMatch(/paused until the connection settings are fixed/);

    await t.close({ keepDir: true });
    t = await startTestEngine({ dataDir: t.dataDir, startScheduler: true, minuteMs: MINUTE_MS });
    expect(await download()).toMatchObject({ state: 'paused', by: 'config' });

    await t.call('services.resume', { service: 'order_download', targetId: cartId });
    const resumed = await download();
    expect(resumed.state).toBe('scheduled');
    expect(Date.parse(resumed.state === 'scheduled' ? resumed.nextRunAt : '')).toBe(Date.parse(resumed.lastRunAt!) + 15 * MINUTE_MS);
    expect((await openAlerts()).some((a) => a.key === `config:order_download:${cartId}`)).toBe(false);
  });

  it('a refused token pauses by auth with an alert to the cart; the pause survives a restart; saving the cart lifts it and its alert', async () => {
    shop.state.failNext(1, 401);
    expect((await runDownload()).status).toBe('failed');
    expect(await download()).toMatchObject({ state: 'paused', by: 'auth' });
    const alert = (await openAlerts()).find((a) => a.key === `auth:cart:${cartId}`);
    expect(alert).toMatchObject({ severity: 'error', targetType: 'cart', targetId: cartId });

    await t.close({ keepDir: true });
    t = await startTestEngine({ dataDir: t.dataDir, startScheduler: true, minuteMs: MINUTE_MS });
    const afterRestart = await download();
    expect(afterRestart).toMatchObject({ state: 'paused', by: 'auth' });
    expect(afterRestart.state === 'paused' && afterRestart.reason).toMatch(/refused the access token/);

    const cart = await t.call('carts.get', { id: cartId });
    await t.call('carts.update', {
      id: cartId,
      cart: {
        merchantId,
        platform: 'shopify',
        name: cart.name,
        earliestOrderDate: cart.earliestOrderDate,
        settings: cart.settings as never,
        credentials: { accessToken: shop.token },
        schedules: cart.schedules,
      },
    });
    // The fix is tried soon, not at the next regular run.
    const saved = await download();
    expect(saved.state).toBe('retrying');
    expect(Date.parse(saved.state === 'retrying' ? saved.retryAt : '') - Date.now()).toBeLessThanOrEqual(MINUTE_MS / 12);
    expect((await openAlerts()).some((a) => a.key === `auth:cart:${cartId}`)).toBe(false);
  });

  it('a failure that alerted is retried soon once the cart is saved or its saved settings pass a Test, and the alert clears when that run passes', async () => {
    // The alert stayed up to a whole frequency (an hour) after a person had fixed the cause.
    await t.call('schedules.set', { service: 'order_download', targetId: cartId, minutes: 600 });
    shop.state.failNext(20, 500);
    expect((await runDownload()).status).toBe('failed');
    expect((await openAlerts()).some((a) => a.key === `run-failed:order_download:${cartId}`)).toBe(true);
    const failed = await download();
    expect(failed.state).toBe('retrying');
    const backoffAt = Date.parse(failed.state === 'retrying' ? failed.retryAt : '');
    shop.state.clearFaults();

    expect(await t.call('carts.test', { id: cartId })).toMatchObject({ ok: true });
    const tested = await download();
    expect(tested).toMatchObject({ state: 'retrying', lastError: expect.stringMatching(/500|server/i) });
    const soonAt = Date.parse(tested.state === 'retrying' ? tested.retryAt : '');
    expect(soonAt).toBeLessThan(backoffAt);
    expect(soonAt - Date.now()).toBeLessThanOrEqual(MINUTE_MS / 12);

    // The retry itself (its timer is minutes away at this test's pace): it passes, the alert clears.
    expect((await runDownload()).status).toBe('ok');
    expect((await openAlerts()).some((a) => a.key === `run-failed:order_download:${cartId}`)).toBe(false);
  });

  it('saving the cart keeps a pause a person put on', async () => {
    await t.call('services.pause', { service: 'order_download', targetId: cartId });
    const cart = await t.call('carts.get', { id: cartId });
    await t.call('carts.update', {
      id: cartId,
      cart: { merchantId, platform: 'shopify', name: 'Acme shop (renamed)', earliestOrderDate: cart.earliestOrderDate, settings: cart.settings as never, schedules: cart.schedules },
    });
    expect(await download()).toMatchObject({ state: 'paused', by: 'person' });
  });

  it('a failure that may pass shows when it retries, the attempt and the error; a frequency change keeps the retry; a good run returns to the schedule', async () => {
    shop.state.malformNext(1);
    await runDownload();
    const first = await download();
    expect(first).toMatchObject({ state: 'retrying', attempt: 2 });
    if (first.state !== 'retrying') throw new Error('not retrying');
    expect(first.lastError).toMatch(/malformed reply/);
    const firstWait = Date.parse(first.retryAt) - Date.parse(first.lastRunAt!);
    expect(firstWait).toBeGreaterThanOrEqual(MINUTE_MS);
    expect(firstWait).toBeLessThan(MINUTE_MS + 10_000);

    shop.state.malformNext(1);
    await runDownload();
    const second = await download();
    expect(second).toMatchObject({ state: 'retrying', attempt: 3 });
    if (second.state !== 'retrying') throw new Error('not retrying');
    // Backoff: the second wait is twice the first.
    expect(Date.parse(second.retryAt) - Date.parse(second.lastRunAt!)).toBeGreaterThanOrEqual(2 * MINUTE_MS);

    await t.call('schedules.set', { service: 'order_download', targetId: cartId, minutes: 30 });
    expect(await download()).toMatchObject({ state: 'retrying', retryAt: second.retryAt, attempt: 3, minutes: 30 });

    expect((await runDownload()).status).toBe('ok');
    const recovered = await download();
    expect(recovered.state).toBe('scheduled');
    expect(Date.parse(recovered.state === 'scheduled' ? recovered.nextRunAt : '')).toBe(Date.parse(recovered.lastRunAt!) + 30 * MINUTE_MS);
  });

  it('Run now while paused by a person runs and stays paused; a good Run now after an auth pause lifts it and its alert', async () => {
    await t.call('services.pause', { service: 'order_download', targetId: cartId });
    expect((await runDownload()).status).toBe('ok');
    expect(await download()).toMatchObject({ state: 'paused', by: 'person' });

    shop.state.failNext(1, 401);
    await runDownload();
    // The refused token is what a person must know now, more than that someone paused it.
    expect(await download()).toMatchObject({ state: 'paused', by: 'auth' });
    expect((await runDownload()).status).toBe('ok');
    expect((await download()).state).toBe('scheduled');
    expect((await openAlerts()).some((a) => a.key === `auth:cart:${cartId}`)).toBe(false);
  });

  it('a job that is off says so, Pause all leaves it off, and a refused token on its Run now pauses it until resumed', async () => {
    const upload = async () => (await t.call('schedules.list', {})).find((j) => j.service === 'shipment_upload' && j.targetId === cartId)!;
    expect((await upload()).state).toBe('off');
    await t.call('services.pause', {});
    expect((await upload()).state).toBe('off');
    expect(await download()).toMatchObject({ state: 'paused', by: 'person' });
    await t.call('services.resume', {});

    await t.call('schedules.set', { service: 'order_download', targetId: cartId, minutes: null });
    expect((await download()).state).toBe('off');
    shop.state.failNext(1, 401);
    await runDownload();
    expect(await download()).toMatchObject({ state: 'paused', by: 'auth' });
    await t.call('services.resume', { service: 'order_download', targetId: cartId });
    expect((await download()).state).toBe('off');
    expect((await openAlerts()).some((a) => a.key === `auth:cart:${cartId}`)).toBe(false);
  });

  it("a merchant's warehouse jobs wait for a WMS with no alert, refuse Run now meanwhile, and start on their own once a WMS is saved", async () => {
    // Two "No WMS is set up yet" alerts appeared within 30 s of adding a first merchant.
    const pickup = async () => (await t.call('schedules.list', {})).find((j) => j.service === 'shipment_pickup' && j.targetId === merchantId)!;
    await t.call('schedules.set', { service: 'shipment_pickup', targetId: merchantId, minutes: 15 });
    expect(await pickup()).toMatchObject({ state: 'waiting', for: 'wms' });
    await expect(t.call('services.runNow', { service: 'shipment_pickup', targetId: merchantId })).rejects.toMatchObject({ kind: 'conflict' });
    expect(await t.call('runs.list', { service: 'shipment_pickup' })).toMatchObject({ items: [] });
    expect((await openAlerts()).filter((a) => a.targetType === 'wms')).toEqual([]);

    const folder = await mkdtemp(path.join(os.tmpdir(), 'dockhand-wms-'));
    try {
      await t.call('wms.save', { settings: defaultCsvWmsSettings({ kind: 'folder', path: folder }), secrets: {} });
      expect((await pickup()).state).toBe('scheduled');
      expect((await t.call('services.runNow', { service: 'shipment_pickup', targetId: merchantId })).status).toBe('ok');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('refuses to pause or resume a job that does not exist', async () => {
    await expect(t.call('services.pause', { service: 'order_download', targetId: 999 })).rejects.toMatchObject({ kind: 'not_found' });
    await expect(t.call('services.resume', { service: 'shipment_pickup', targetId: 999 })).rejects.toMatchObject({ kind: 'not_found' });
  });
});
