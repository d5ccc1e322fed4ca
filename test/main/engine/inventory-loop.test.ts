import { mkdir, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inventoryToPush } from '../../../main/engine/store/repositories/inventory-repo.js';
import type { FakeShopify } from '../../fakes/shopify/index.js';
import type { TestEngine } from '../../support/engine-harness.js';
import type { TestFtpServer } from '../../support/ftp-server.js';
import { startShopifyFtpWorld, type ShopifyFtpWorld } from '../../support/world.js';
import { keptFiles } from '../../support/kept-files.js';

describe('inventory from the warehouse to Shopify', () => {
  let t: TestEngine;
  let ftp: TestFtpServer;
  let shop: FakeShopify;
  let merchantId: number;
  let cartId: number;

  let world: ShopifyFtpWorld;
  beforeEach(async () => {
    world = await startShopifyFtpWorld({ orders: 0, cart: { minInventoryLevel: 3 } });
    ({ t, ftp, shop, merchantId, cartId } = world);
  });

  afterEach(() => world.close());

  it('applies a snapshot file, pushes only what changed, zeroes stock below the minimum and names unknown SKUs', async () => {
    const [a, b, c] = shop.state.catalog.map((v) => v.sku!);
    const unchanged = shop.state.inventory(b)!;
    const file = ['SKU,Quantity,Location', `${a},42,A1`, `${b},${unchanged},A2`, `${c},2,A3`, 'NOT-IN-SHOP,5,A4', `${a}X,-3,A5`].join('\n');
    await mkdir(ftp.localPath('/ACME/inventory'), { recursive: true });
    await writeFile(ftp.localPath('/ACME/inventory/stock-1.csv'), file);

    const pickup = await t.call('services.runNow', { service: 'inventory_pickup', targetId: merchantId });
    expect(pickup.status).toBe('partial');
    expect(pickup.counts.skus).toBe(4);
    expect(pickup.errors[0]).toMatchObject({ where: 'stock-1.csv', message: expect.stringMatching(/^line 6:/) });
    expect(keptFiles(ftp.localPath('/ACME/inventory/archive'))).toEqual(['stock-1.csv']);

    const before = shop.state.inventoryUpdates.length;
    const upload = await t.call('services.runNow', { service: 'inventory_upload', targetId: cartId });
    expect(upload.status).toBe('partial');
    expect(upload.counts.unknownSkus).toBe(1);
    expect(upload.errors.some((e) => e.message.includes('NOT-IN-SHOP'))).toBe(true);
    expect(shop.state.inventory(a)).toBe(42);
    expect(shop.state.inventory(c)).toBe(0); // 2 is below the minimum of 3
    const sent = shop.state.inventoryUpdates.slice(before).map((u) => u.sku);
    expect(sent).not.toContain(b); // unchanged in the shop: not sent

    // Nothing new from the warehouse: nothing to push.
    const again = await t.call('services.runNow', { service: 'inventory_upload', targetId: cartId });
    expect(again.message).toBe('No new inventory from the WMS');
    expect(shop.state.inventoryUpdates.length).toBe(before + sent.length);
  });

  it('adds up a SKU kept in several bins, reports only a repetition no location explains, and applies the file', async () => {
    const [a, b] = shop.state.catalog.map((v) => v.sku!);
    const file = ['SKU,Quantity,Location', `${a},10,BIN-1`, `${b},3,BIN-9`, `${a},5,BIN-2`, `${b},1,BIN-9`].join('\n');
    await mkdir(ftp.localPath('/ACME/inventory'), { recursive: true });
    await writeFile(ftp.localPath('/ACME/inventory/bins.csv'), file);

    const pickup = await t.call('services.runNow', { service: 'inventory_pickup', targetId: merchantId });
    expect(pickup.counts).toMatchObject({ skus: 2, repeatedSkus: 1, files: 1 });
    expect(pickup.errors).toEqual([
      { where: 'bins.csv', message: `line 3: SKU ${b} is on 2 rows (lines 3, 5) without a location of its own on each: their quantities were added up to 4` },
    ]);
    expect(keptFiles(ftp.localPath('/ACME/inventory/archive'))).toEqual(['bins.csv']);

    await t.call('services.runNow', { service: 'inventory_upload', targetId: cartId });
    expect(shop.state.inventory(a)).toBe(15);
    expect(shop.state.inventory(b)).toBe(4);
  });
  it('applies a file of 12,000 SKUs completely, in several transactions, recording and archiving it once', async () => {
    const skus = 12_000;
    const rows = ['SKU,Quantity,Location', ...Array.from({ length: skus }, (_, i) => `BULK-${i},${i % 97},B${i}`)];
    await mkdir(ftp.localPath('/ACME/inventory'), { recursive: true });
    await writeFile(ftp.localPath('/ACME/inventory/bulk.csv'), rows.join('\n'));
    const commitsBefore = (await t.call('diagnostics.store', {})).commits;

    const pickup = await t.call('services.runNow', { service: 'inventory_pickup', targetId: merchantId });
    expect(pickup).toMatchObject({ status: 'ok', counts: { skus, files: 1 } });
    expect((await t.call('diagnostics.store', {})).commits - commitsBefore).toBeGreaterThan(2);
    expect(keptFiles(ftp.localPath('/ACME/inventory/archive'))).toEqual(['bulk.csv']);

    const levels = await t.engine.context.store.read((db) => inventoryToPush(db, cartId, merchantId, 0));
    expect(levels).toHaveLength(skus);
    const bySku = new Map(levels.map((l) => [l.sku, l.quantity]));
    expect([bySku.get('BULK-0'), bySku.get('BULK-4999'), bySku.get('BULK-5000'), bySku.get('BULK-11999')]).toEqual([0, 4999 % 97, 5000 % 97, 11999 % 97]);
    const recorded = await t.engine.context.store.read((db) => db.all<{ n: number }>("SELECT rows_applied AS n FROM inbound_files WHERE kind = 'inventory' AND file_name = 'bulk.csv'"));
    expect(recorded).toEqual([{ n: skus }]);
  });
});
