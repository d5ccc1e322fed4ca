import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../support/engine-harness.js';

describe('the demo loop through the engine API', () => {
  let t: TestEngine | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('downloads demo orders, delivers a file, picks up confirmations and confirms the orders', async () => {
    t = await startTestEngine();
    const folder = path.join(t.dataDir, 'warehouse');
    const { merchantId, cartId } = await t.call('demo.setup', { folder });

    const download = await t.call('services.runNow', { service: 'order_download', targetId: cartId });
    expect(download.status).toBe('ok');
    expect(download.counts.new).toBe(5);

    const delivery = await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    expect(delivery.message).toMatch(/Sent 5 order/);
    expect(delivery.status).toBe('ok');
    const ordersDir = path.join(folder, 'DEMO', 'orders');
    const files = (await readdir(ordersDir)).filter((f) => f.endsWith('.csv'));
    expect(files).toHaveLength(1);
    const csv = await readFile(path.join(ordersDir, files[0]), 'utf8');

    const orders = await t.call('orders.list', { merchantId, limit: 50, offset: 0 });
    expect(orders.total).toBe(5);
    expect(orders.items.every((o) => o.status === 'at_wms')).toBe(true);
    for (const o of orders.items) expect(csv).toContain(o.orderNumber);

    // The warehouse ships every line of the first two orders.
    const shipped = orders.items.slice(0, 2);
    const rows = ['Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date'];
    for (const o of shipped) {
      const detail = await t.call('orders.get', { id: o.id });
      for (const line of detail.order.lines) rows.push([o.orderNumber, line.sku, line.quantity, 'UPS', 'Ground', `1Z${o.id}X`, '2026-11-27'].join(','));
    }
    const confDir = path.join(folder, 'DEMO', 'confirmations');
    await mkdir(confDir, { recursive: true });
    await writeFile(path.join(confDir, 'ship-1.csv'), rows.join('\r\n') + '\r\n');

    const pickup = await t.call('services.runNow', { service: 'shipment_pickup', targetId: merchantId });
    expect(pickup.status).toBe('ok');
    expect(pickup.counts.shipments).toBe(2);
    expect(await readdir(confDir)).not.toContain('ship-1.csv');

    const upload = await t.call('services.runNow', { service: 'shipment_upload', targetId: cartId });
    expect(upload.status).toBe('ok');
    expect(upload.counts.uploaded).toBe(2);

    for (const o of shipped) {
      const detail = await t.call('orders.get', { id: o.id });
      expect(detail.status).toBe('confirmed');
      expect(detail.shipments[0].trackingNumber).toBe(`1Z${o.id}X`);
      expect(detail.history.map((h) => h.toStatus)).toEqual(['new', 'at_wms', 'shipped', 'confirmed']);
    }
    const dash = await t.call('dashboard.summary', {});
    expect(dash.totals.total).toBe(5);
    expect(dash.totals.done).toBe(2);
    expect(dash.totals.at_warehouse).toBe(3);
    // The cart's own buckets: the same orders, so they add up to the merchant's.
    const [merchant] = dash.merchants;
    expect(merchant.carts[0].buckets).toEqual(merchant.buckets);
    expect(merchant.carts[0].buckets).toMatchObject({ done: 2, at_warehouse: 3 });
  });
});
