import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useShippingWorld, type ShippingWorld } from '../../../support/shipping-world.js';

const line = (sku: string, quantity: number) => ({ sku, quantity });
const today = () => new Date().toISOString().slice(0, 10);
const NOT_ARCHIVED = /^Confirmation file ship-1\.csv was applied but could not be moved/;

/** ship-1.csv applied while the archive refuses it (a file where today's archive folder should be): its alert is open. */
async function appliedNotArchived(w: ShippingWorld): Promise<string> {
  const n = await w.order(0, [line('DH-1001', 2)]);
  await w.confirm('ship-1.csv', [`${n},DH-1001,1,UPS,Ground,1ZA,2026-11-26`]);
  const inbox = path.join(w.folder, 'ACME', 'confirmations');
  await mkdir(path.join(inbox, 'archive'), { recursive: true });
  await writeFile(path.join(inbox, 'archive', today()), 'not a folder');
  await w.pickup();
  expect(await alerts(w)).toEqual([expect.stringMatching(NOT_ARCHIVED)]);
  return inbox;
}

const alerts = async (w: ShippingWorld) => (await w.t.call('alerts.list', {})).map((a) => a.message);

describe('the alert of a file applied but not archived', () => {
  const world = useShippingWorld();

  it('stays open while the file is still there and cannot be moved', async () => {
    const w = world();
    await appliedNotArchived(w);

    await w.pickup();

    expect(await alerts(w)).toEqual([expect.stringMatching(NOT_ARCHIVED)]);
  });

  it('clears itself once the file is archived at last', async () => {
    const w = world();
    const inbox = await appliedNotArchived(w);
    await rm(path.join(inbox, 'archive', today()));

    await w.pickup();

    expect(await w.inbox()).toEqual([]);
    expect(await alerts(w)).toEqual([]);
  });

  it('clears itself once the file has vanished from the folder (someone moved or deleted it)', async () => {
    const w = world();
    const inbox = await appliedNotArchived(w);
    await rm(path.join(inbox, 'ship-1.csv'));

    await w.pickup();

    expect(await alerts(w)).toEqual([]);
  });
});
