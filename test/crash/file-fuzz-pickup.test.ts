import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';
import { mutate } from './file-fuzz.js';
import { CONFIRMATION_HEADER, useShippingWorld } from '../support/shipping-world.js';
import { keptFiles, keptPath } from '../support/kept-files.js';

/**
 * Generated confirmation files (good rows, bad rows, unknown orders, repeated rows, byte damage) through
 * the engine's pickup: the run never fails unclassified, every file is kept (archived or in the error
 * folder), and sending every file again applies nothing twice.
 */
describe('shipping confirmations from damaged and repeated files', () => {
  const world = useShippingWorld();

  it('keep every file, apply valid rows once, and apply nothing again when the same files come back', async () => {
    const w = world();
    const skus = ['DH-1001', 'DH-1002', 'DH-1003'];
    const orders: string[] = [];
    for (let i = 0; i < 6; i++) orders.push(await w.order(0, skus.map((sku, k) => ({ sku, quantity: k + 1 }))));
    const r = seededRandom(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
    const inbox = join(w.folder, 'ACME', 'confirmations');
    await mkdir(inbox, { recursive: true });
    const names: string[] = [];
    for (let f = 0; f < 12; f++) {
      const rows = [CONFIRMATION_HEADER];
      for (let k = 0; k < 1 + Math.floor(r() * 8); k++) {
        const order = r() < 0.1 ? '#9999' : pick(orders);
        rows.push([order, pick([...skus, 'NOPE']), pick(['1', '2', '3', '0', '-1', 'x', '']), 'UPS', 'Ground', `1Z${f}${Math.floor(r() * 3)}`, pick(['2026-11-27', '11/28/2026', 'someday'])].join(','));
      }
      const text = Buffer.from(rows.join('\r\n') + '\r\n');
      const name = `c-${String(f).padStart(2, '0')}.csv`;
      await writeFile(join(inbox, name), f % 3 === 0 ? mutate(r, text) : text);
      names.push(name);
    }

    const shipmentsNow = async () => {
      let total = 0;
      for (const n of orders) total += (await w.detail(0, n)).shipments.length;
      return total;
    };
    const first = await w.pickup();
    expect(first.status).not.toBe('failed');
    const kept = () => Promise.resolve([...keptFiles(join(inbox, 'archive')), ...keptFiles(join(inbox, 'error'))].sort());
    expect(await w.inbox()).toEqual([]);
    expect(await kept()).toEqual(names);
    const applied = await shipmentsNow();
    expect(applied).toBeGreaterThan(0);
    expect(first.errors.length).toBeGreaterThan(0);
    for (const e of first.errors) expect(e.where).toMatch(/^c-\d\d\.csv$/);

    // The same files again (a warehouse that sends a file twice): nothing is applied twice.
    for (const name of keptFiles(join(inbox, 'archive'))) await copyFile(keptPath(join(inbox, 'archive'), name) ?? name, join(inbox, `again-${name}`));
    const second = await w.pickup();
    expect(second.status).not.toBe('failed');
    expect(await shipmentsNow()).toBe(applied);
    expect(await w.inbox()).toEqual([]);
  });
});
