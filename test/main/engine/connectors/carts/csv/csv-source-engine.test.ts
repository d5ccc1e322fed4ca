import { copyFile, readdir, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineWorld, type EngineWorld } from '../../../../../conformance/engine-world.js';
import { csvCart, startCsvFake, type CsvFake } from '../../../../../conformance/csv-cart.js';
import { createVirtualClock } from '../../../../../conformance/virtual-clock.js';

let fake: CsvFake | undefined;
let world: EngineWorld | undefined;
afterEach(async () => {
  await world?.close();
  await fake?.close();
  world = undefined;
  fake = undefined;
});

async function start() {
  const clock = createVirtualClock();
  fake = await startCsvFake(clock);
  world = await startEngineWorld(csvCart, fake, clock, { earliestOrderDate: '2026-01-01T00:00:00.000Z' });
  return { fake, world };
}

const files = async (root: string, folder: string) => (await readdir(join(root, folder), { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();

describe('CSV order files through the engine\'s order download', () => {
  it('saves a file\'s orders, archives the file on the next run, and makes no duplicate when the merchant sends the file again', async () => {
    const { fake, world } = await start();
    await fake.seedOrders(2);
    const first = await world.run('order_download', world.cartId);
    expect(first.status, first.message ?? '').toBe('ok');
    expect((await world.orderNumbers()).sort()).toEqual(['C-1001', 'C-1002']);
    expect(await files(fake.root, 'in')).toEqual(['orders-00001.csv']);

    const second = await world.run('order_download', world.cartId);
    expect(second.status).toBe('ok');
    expect(await files(fake.root, 'in')).toEqual([]);
    expect(await files(fake.root, 'in/archive')).toEqual(['orders-00001.csv']);

    // The merchant sends the same file again (a new copy, written later).
    const again = join(fake.root, 'in', 'orders-again.csv');
    await copyFile(join(fake.root, 'in/archive/orders-00001.csv'), again);
    await utimes(again, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    const third = await world.run('order_download', world.cartId);
    expect(third.status, third.message ?? '').toBe('ok');
    expect((await world.orderNumbers()).sort()).toEqual(['C-1001', 'C-1002']);
  });

  it('records the orders of a file that cannot be read as invalid, with file and line, and keeps the file', async () => {
    const { fake, world } = await start();
    await fake.dropFileWithBadOrder();
    await fake.seedOrders(1);
    const run = await world.run('order_download', world.cartId);
    expect(run.status).not.toBe('failed');
    expect(run.counts.invalid).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual([expect.stringMatching(/orders-00001\.csv line 2: the quantity "two" is not a whole number/)]);
    await world.run('order_download', world.cartId);
    expect(await files(fake.root, 'in')).toEqual(['orders-00001.csv']);
    expect(await world.orderNumbers()).toHaveLength(1);
  });
});
