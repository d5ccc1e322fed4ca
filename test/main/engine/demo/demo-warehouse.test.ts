import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { getDemoWarehouseState } from '../../../../main/engine/demo/demo-warehouse-state.js';
import { demoTrackingNumber } from '../../../../main/engine/demo/tracking-number.js';
import { keptFiles } from '../../../support/kept-files.js';
import { csvFiles, removeDir, shiftableClock, startDemoEngine, waitAllConfirmed, waitFor, type DemoEngine } from './demo-engine.js';


/** CSV files pickup archived (in archive/<day>/, or directly in archive/ before dated folders). */
const archivedCsv = (dir: string): string[] => keptFiles(dir).filter((n) => n.endsWith('.csv'));
describe('the demo warehouse completes the loop after "Try with demo data"', () => {
  let t: DemoEngine | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
    for (const d of dirs.splice(0)) await removeDir(d);
  });

  const start = async (options: Parameters<typeof startDemoEngine>[0] = {}) => {
    t = await startDemoEngine(options);
    if (!dirs.includes(t.dataDir)) dirs.push(t.dataDir);
    return t;
  };
  const demoDir = (t: DemoEngine, ...parts: string[]) => path.join(t.dataDir, 'demo-warehouse', 'DEMO', ...parts);

  it('confirms every downloaded order with its tracking number in the Demo store, with no other input', async () => {
    const t = await start();
    const { merchantId } = await t.call('demo.setup', {});

    const orders = await waitAllConfirmed(t, merchantId, 5);
    expect(orders).toHaveLength(5);
    for (const summary of orders) {
      const detail = await t.call('orders.get', { id: summary.id });
      expect(detail.shipments).toHaveLength(1);
      const [shipment] = detail.shipments;
      expect(shipment.status).toBe('uploaded');
      expect(shipment.remoteId).toBe(`demo-fulfillment-${shipment.trackingNumber}`);
      expect(shipment.trackingNumber).toBe(demoTrackingNumber(shipment.carrier, detail.orderNumber));
      expect(shipment.items.map((i) => i.sku).sort()).toEqual([...new Set(detail.order.lines.map((l) => l.sku))].sort());
      expect(detail.history.map((h) => h.toStatus)).toEqual(['new', 'at_wms', 'shipped', 'confirmed']);
    }

    // The warehouse took the order file away; pickup archived the confirmation it wrote.
    expect(await csvFiles(demoDir(t, 'orders'))).toEqual([]);
    const processed = await csvFiles(demoDir(t, 'orders', 'processed'));
    expect(processed).toHaveLength(1);
    const orderFile = await readFile(demoDir(t, 'orders', 'processed', processed[0]), 'utf8');
    for (const o of orders) expect(orderFile).toContain(o.orderNumber);
    expect(await csvFiles(demoDir(t, 'confirmations'))).toEqual([]);
    expect(archivedCsv(demoDir(t, 'confirmations', 'archive'))).toEqual([`shipped-${processed[0].replace(/^orders-/, '')}`]);

    // Right after setup it also wrote stock levels, which went all the way to the Demo store.
    const inventoryUpload = await waitFor('an inventory upload', async () => {
      const runs = await t.call('runs.list', { service: 'inventory_upload', limit: 5, offset: 0 });
      return runs.items.find((r) => r.status === 'ok' && r.finishedAt);
    });
    expect(inventoryUpload.status).toBe('ok');
    expect(await csvFiles(demoDir(t, 'inventory'))).toEqual([]);
    expect(archivedCsv(demoDir(t, 'inventory', 'archive'))).toHaveLength(1);
    expect((await t.call('alerts.list', {})).filter((a) => a.key === 'demo-warehouse')).toEqual([]);

    // The runs it chained say so (Activity shows "Demo warehouse", not a person's Run now).
    const pickups = await t.call('runs.list', { service: 'shipment_pickup', limit: 10, offset: 0 });
    expect(pickups.items.some((r) => r.trigger === 'demo' && r.counts.shipments === 5)).toBe(true);
    const uploads = await t.call('runs.list', { service: 'shipment_upload', limit: 10, offset: 0 });
    expect(uploads.items.filter((r) => r.counts.uploaded).every((r) => r.trigger === 'demo')).toBe(true);
  });

  it('resumes after a restart: an order file waiting at the warehouse ships once the engine is back', async () => {
    // First run: the warehouse takes an hour to ship, so the file is still waiting when the engine closes.
    const first = await start({ demoWarehouse: { shipAfterMs: 3_600_000 } });
    const { merchantId } = await first.call('demo.setup', {});
    await waitFor('orders at the warehouse', async () => {
      const page = await first.call('orders.list', { merchantId, status: 'at_wms', limit: 1, offset: 0 });
      return page.total === 5;
    });
    expect(await csvFiles(demoDir(first, 'orders'))).toHaveLength(1);
    await first.close();
    t = undefined;

    const second = await start({ dataDir: first.dataDir });
    const orders = await waitAllConfirmed(second, merchantId, 5);
    expect(orders).toHaveLength(5);
    expect(await csvFiles(demoDir(second, 'orders'))).toEqual([]);
    expect(await csvFiles(demoDir(second, 'orders', 'processed'))).toHaveLength(1);
  });

  it('stops playing the warehouse once the WMS is changed to another folder', async () => {
    const clock = shiftableClock();
    const t = await start({ clock, demoWarehouse: { shipAfterMs: 3_600_000 } });
    const { merchantId } = await t.call('demo.setup', {});
    await waitFor('orders at the warehouse', async () => {
      const page = await t.call('orders.list', { merchantId, status: 'at_wms', limit: 1, offset: 0 });
      return page.total === 5;
    });
    await waitFor('the first inventory file', async () => (archivedCsv(demoDir(t, 'inventory', 'archive'))).length === 1);

    const elsewhere = path.join(t.dataDir, 'real-wms');
    await mkdir(elsewhere);
    await t.call('wms.save', { settings: defaultCsvWmsSettings({ kind: 'folder', path: elsewhere }), secrets: {} });
    const state = await waitFor('the demo warehouse to stop', async () => {
      const s = await t.engine.context.store.read((db) => getDemoWarehouseState(db));
      return s && !s.enabled ? s : undefined;
    });
    expect(state.disabledReason).toMatch(/no longer uses the demo folder/);

    // Two hours later a playing warehouse would have shipped the file and written new stock levels.
    clock.advance(2 * 3_600_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(await csvFiles(demoDir(t, 'orders'))).toHaveLength(1);
    expect(await csvFiles(demoDir(t, 'confirmations'))).toEqual([]);
    expect(await csvFiles(demoDir(t, 'inventory'))).toEqual([]);
    expect((await t.call('orders.list', { merchantId, status: 'at_wms', limit: 1, offset: 0 })).total).toBe(5);
  });

  it('a second "Try with demo data" reuses everything and duplicates nothing', async () => {
    const t = await start();
    const first = await t.call('demo.setup', {});
    await waitAllConfirmed(t, first.merchantId, 5);
    const before = {
      merchants: await t.call('merchants.list', {}),
      carts: await t.call('carts.list', {}),
      methods: await t.call('shipMethods.list', {}),
      jobs: (await t.call('schedules.list', {})).map((j) => `${j.service}:${j.targetId}:${j.minutes}`).sort(),
      wms: await t.call('wms.get', {}),
    };

    const second = await t.call('demo.setup', {});
    expect(second).toEqual(first);
    // The second setup starts the loop again: the Demo store hands out its next five orders.
    const orders = await waitAllConfirmed(t, first.merchantId, 10);
    expect(await t.call('merchants.list', {})).toEqual(before.merchants);
    expect((await t.call('carts.list', {})).map((c) => c.id)).toEqual(before.carts.map((c) => c.id));
    expect(await t.call('shipMethods.list', {})).toEqual(before.methods);
    expect((await t.call('schedules.list', {})).map((j) => `${j.service}:${j.targetId}:${j.minutes}`).sort()).toEqual(before.jobs);
    expect(await t.call('wms.get', {})).toEqual(before.wms);

    expect(new Set(orders.map((o) => o.orderNumber)).size).toBe(orders.length);
    const tracking: string[] = [];
    for (const o of orders) {
      const detail = await t.call('orders.get', { id: o.id });
      expect(detail.shipments).toHaveLength(1);
      tracking.push(detail.shipments[0].trackingNumber);
    }
    expect(new Set(tracking).size).toBe(orders.length);
    expect(await csvFiles(demoDir(t, 'orders', 'processed'))).toHaveLength(2);
  });

  it('stops once the demo merchant is deleted', async () => {
    const t = await start({ demoWarehouse: { shipAfterMs: 3_600_000 } });
    const { merchantId } = await t.call('demo.setup', {});
    await waitFor('the first inventory file', async () => (archivedCsv(demoDir(t, 'inventory', 'archive'))).length === 1);
    await t.call('merchants.delete', { id: merchantId, confirmName: 'Demo Merchant' });
    const state = await waitFor('the demo warehouse to stop', async () => {
      const s = await t.engine.context.store.read((db) => getDemoWarehouseState(db));
      return s && !s.enabled ? s : undefined;
    });
    expect(state.disabledReason).toMatch(/merchant was deleted/);
  });

  it('moves an order file it cannot read aside with an alert, and goes on shipping the rest', async () => {
    const t = await start();
    await mkdir(demoDir(t, 'orders'), { recursive: true });
    await writeFile(demoDir(t, 'orders', 'orders-garbled.csv'), 'Order Number,SKU,Quantity\r\nD9999,MUG-CER-12,lots\r\n');
    const { merchantId } = await t.call('demo.setup', {});
    await waitAllConfirmed(t, merchantId, 5);
    const alert = await waitFor('the rejected-file alert', async () =>
      (await t.call('alerts.list', {})).find((a) => a.key === 'demo-warehouse:rejected:orders-garbled.csv'),
    );
    expect(alert.message).toMatch(/orders-garbled\.csv could not be read.*quantity "lots" is not a whole number/);
    expect(await csvFiles(demoDir(t, 'orders', 'rejected'))).toEqual(['orders-garbled.csv']);
    expect(await csvFiles(demoDir(t, 'orders'))).toEqual([]);
  });
});
