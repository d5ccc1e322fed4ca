import { expect } from 'vitest';
import { earliestFor, type CaseEnv } from './case-env.js';
import { startEngineWorld, type EngineWorld } from './engine-world.js';
import { hook } from './hooks.js';

/**
 * Inventory through the engine (warehouse stock file -> inventory pickup -> inventory upload), so what
 * is checked is what the engine hands the connector and what the connector reports back. Quantities of
 * 1000 and more, which no fake starts with, so every push is a real change in the cart.
 */

async function withEngine(env: CaseEnv, body: (world: EngineWorld) => Promise<void>): Promise<void> {
  const world = await startEngineWorld(env.adapter, env.fake, env.clock, { earliestOrderDate: earliestFor(env.clock) });
  try {
    await body(world);
  } finally {
    await world.close();
  }
}

async function stockArrives(world: EngineWorld, fileName: string, levels: Record<string, number>): Promise<void> {
  await world.warehouseStock(fileName, levels);
  const pickup = await world.run('inventory_pickup', world.merchantId);
  expect(pickup.status, JSON.stringify(pickup.errors)).toBe('ok');
}

/** The first push, then a file where only the second SKU changed, then nothing new. */
async function pushTwice(world: EngineWorld, skus: string[]) {
  const [a, b] = skus;
  await stockArrives(world, 'stock-1.csv', { [a]: 1000, [b]: 2000 });
  const first = await world.run('inventory_upload', world.cartId);
  await stockArrives(world, 'stock-2.csv', { [b]: 2500 });
  const second = await world.run('inventory_upload', world.cartId);
  const third = await world.run('inventory_upload', world.cartId);
  return { first, second, third, a, b };
}

export async function inventoryPushesOnlyChangedSkus(env: CaseEnv): Promise<void> {
  await withEngine(env, async (world) => {
    const { first, second, third } = await pushTwice(world, env.fake.knownSkus);
    expect(first.status).toBe('ok');
    expect(first.counts).toMatchObject({ checked: 2, updated: 2 });
    expect(second.status).toBe('ok');
    expect(second.counts).toMatchObject({ checked: 1, updated: 1 });
    expect(third.counts.checked ?? 0, 'nothing new from the warehouse: nothing sent').toBe(0);
  });
}

export async function inventoryWrittenInCart(env: CaseEnv): Promise<void> {
  const writes = hook(env.fake, 'inventoryWrites');
  await withEngine(env, async (world) => {
    const before = writes().length;
    const { a, b } = await pushTwice(world, env.fake.knownSkus);
    const written = writes().slice(before);
    // The first push in any order; the second is the changed SKU alone.
    expect(written).toHaveLength(3);
    expect(written.slice(0, 2)).toEqual(expect.arrayContaining([{ sku: a, quantity: 1000 }, { sku: b, quantity: 2000 }]));
    expect(written[2]).toEqual({ sku: b, quantity: 2500 });
  });
}

export async function unknownSkusReported(env: CaseEnv): Promise<void> {
  const unknown = 'NOT-SOLD-HERE-42';
  await withEngine(env, async (world) => {
    await stockArrives(world, 'stock-1.csv', { [env.fake.knownSkus[0]]: 1000, [unknown]: 7 });
    const upload = await world.run('inventory_upload', world.cartId);
    expect(upload.status).toBe('partial');
    expect(upload.counts).toMatchObject({ checked: 2, updated: 1, unknownSkus: 1 });
    expect(upload.errors.some((e) => e.message.includes(unknown)), JSON.stringify(upload.errors)).toBe(true);
  });
}
