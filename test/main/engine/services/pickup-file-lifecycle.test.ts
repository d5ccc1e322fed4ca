import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestEngine } from '../../../support/engine-harness.js';
import { keptFiles } from '../../../support/kept-files.js';
import { startShippingWorld, useShippingWorld } from '../../../support/shipping-world.js';

const line = (sku: string, quantity: number) => ({ sku, quantity });
const today = () => new Date().toISOString().slice(0, 10);

/** What becomes of a confirmation file after the engine's pickup: its folder, its alert, never applied twice. */
describe('shipping confirmations: the life of a file', () => {
  const world = useShippingWorld();

  it('moves an unreadable file to the dated error folder with an alert naming both, and clears it when a good file of that name comes', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 1)]);
    const inbox = path.join(w.folder, 'ACME', 'confirmations');
    await mkdir(inbox, { recursive: true });
    await writeFile(path.join(inbox, 'ship-7.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0x14, 0, 0]));

    const broken = await w.pickup();

    expect(broken.counts).toMatchObject({ unreadableFiles: 1 });
    expect(keptFiles(path.join(inbox, 'error'))).toEqual(['ship-7.csv']);
    const alerts = await w.t.call('alerts.list', {});
    expect(alerts.map((a) => a.message)).toEqual([
      `Confirmation file ship-7.csv could not be read and was moved to the error folder ACME/confirmations/error/${today()}: The file is not a text file (it holds binary data). Nothing in it was applied.`,
    ]);

    // The warehouse fixes the file and drops it again under the same name.
    await w.confirm('ship-7.csv', [`${n},DH-1001,1,UPS,Ground,1ZFIX,2026-11-26`]);
    const fixed = await w.pickup();

    expect(fixed.counts).toMatchObject({ files: 1, shipments: 1 });
    expect(await w.t.call('alerts.list', {})).toEqual([]);
    expect(keptFiles(path.join(inbox, 'archive'))).toEqual(['ship-7.csv']);
  });

  it('clears the bad-rows alert of a file when the same file comes back without bad rows', async () => {
    const w = world();
    const n = await w.order(0, [line('DH-1001', 1)]);
    await w.confirm('ship-8.csv', [`#9999,DH-1001,1,UPS,Ground,1ZX,2026-11-26`]);
    await w.pickup();
    expect((await w.t.call('alerts.list', {})).map((a) => a.message)).toEqual([
      'Confirmation file ship-8.csv: 1 row was not applied. Line 2: No order #9999 for this merchant',
    ]);

    await w.confirm('ship-8.csv', [`${n},DH-1001,1,UPS,Ground,1ZY,2026-11-26`]);
    await w.pickup();

    expect(await w.t.call('alerts.list', {})).toEqual([]);
  });
});

describe('inventory: the life of a file', () => {
  const world = useShippingWorld();

  it('raises one alert naming an inventory file and its first 5 bad lines, while the good rows apply', async () => {
    const w = world();
    const dir = path.join(w.folder, 'ACME', 'inventory');
    await mkdir(dir, { recursive: true });
    const bad = Array.from({ length: 6 }, (_, i) => `SKU-${i},lots`);
    await writeFile(path.join(dir, 'stock.csv'), ['SKU,Quantity', 'DH-1001,7', ...bad].join('\n') + '\n');

    const pickup = await w.t.call('services.runNow', { service: 'inventory_pickup', targetId: w.merchantId });

    expect(pickup.counts).toMatchObject({ files: 1, skus: 1, rowErrors: 6 });
    const alerts = await w.t.call('alerts.list', {});
    expect(alerts).toHaveLength(1);
    expect(alerts[0].message).toMatch(/^Inventory file stock\.csv: 6 rows were not applied\. Line 3: .+; line 4: .+; line 5: .+; line 6: .+; line 7: .+; and 1 more \(see the Inventory run on the Activity screen\)$/);
    expect(keptFiles(path.join(dir, 'archive'))).toEqual(['stock.csv']);
  });
});

describe('shipping confirmations: a file the archive refuses', () => {
  it('is applied once, reported and alerted, never applied again (even after a restart), and archived once the folder allows it', async () => {
    const w = await startShippingWorld();
    let t = w.t;
    try {
      const n = await w.order(0, [line('DH-1001', 2)]);
      const inbox = path.join(w.folder, 'ACME', 'confirmations');
      await w.confirm('ship-1.csv', [`${n},DH-1001,1,UPS,Ground,1ZA,2026-11-26`]);
      // A file where today's archive folder should be: the move into archive/<day>/ fails, as on a read-only share.
      await mkdir(path.join(inbox, 'archive'), { recursive: true });
      await writeFile(path.join(inbox, 'archive', today()), 'not a folder');

      const first = await w.pickup();

      expect(first.counts).toMatchObject({ files: 1, shipments: 1 });
      expect(first.errors).toEqual([{ where: 'ship-1.csv', message: expect.stringContaining('ship-1.csv was applied but could not be moved to ACME/confirmations/archive/') }]);
      expect((await t.call('alerts.list', {})).map((a) => a.message)).toEqual([expect.stringContaining('Confirmation file ship-1.csv was applied but could not be moved')]);
      expect(await w.inbox()).toEqual(['ship-1.csv']);

      // The engine stops (a crash, a restart) and comes back on the same data: the file is still remembered.
      await t.close({ keepDir: true });
      t = await startTestEngine({ dataDir: w.t.dataDir });
      const again = await t.call('services.runNow', { service: 'shipment_pickup', targetId: w.merchantId });
      expect(again.counts.files ?? 0).toBe(0);
      expect(again.counts.shipments ?? 0).toBe(0);
      expect(again.errors).toEqual([]);

      // Someone fixes the folder: the file is archived, still not applied again.
      await rm(path.join(inbox, 'archive', today()));
      const fixed = await t.call('services.runNow', { service: 'shipment_pickup', targetId: w.merchantId });
      expect(fixed.counts.files ?? 0).toBe(0);
      expect(keptFiles(path.join(inbox, 'archive'))).toEqual(['ship-1.csv']);
      expect(await w.inbox()).toEqual([]);
    } finally {
      await t.close();
      for (const c of w.carts) await c.shop.close();
    }
  });
});
