import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundBatch, InventoryRow, WmsConnector } from '../../../../main/engine/connectors/wms/wms-connector.js';
import { LEVELS_PER_COMMIT, pickupInventory } from '../../../../main/engine/services/pickup-inventory.js';
import { RunReport, type RunContext } from '../../../../main/engine/services/run-context.js';
import { openStore, type OpenedStore, type OpenStoreOptions } from '../../../../main/engine/store/index.js';
import { migrations } from '../../../../main/engine/store/migrations/index.js';
import { insertMerchant } from '../../../../main/engine/store/repositories/merchants-repo.js';

const NOW = '2026-12-07T08:00:00.000Z';
/** Four write transactions and a bit: the last one records the file. */
const SKUS = LEVELS_PER_COMMIT * 4 + 500;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function storeWithMerchant(options: Partial<OpenStoreOptions> = {}): Promise<{ store: OpenedStore; merchantId: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dockhand-pickup-inventory-'));
  const store = await openStore({ dir, migrations, ...options });
  cleanups.push(async () => {
    await store.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });
  const merchantId = await store.write((db) => insertMerchant(db, { name: 'Acme', code: 'ACME', folders: null, errorContacts: [] }, NOW));
  return { store, merchantId };
}

const savedSkus = (store: OpenedStore) => store.read((db) => db.get<{ n: number }>('SELECT COUNT(*) AS n FROM inventory')!.n);
const recordedFiles = (store: OpenedStore) => store.read((db) => db.all<{ file_name: string; rows_applied: number }>("SELECT file_name, rows_applied FROM inbound_files WHERE kind = 'inventory'"));

/**
 * A warehouse with one inventory file of `SKUS` SKUs that stays in its folder (handed out on every
 * pickup) until it is archived. It notes when the pickup takes the file's rows and what was saved when
 * the file was archived.
 */
function warehouse(store: OpenedStore) {
  const rows: InventoryRow[] = Array.from({ length: SKUS }, (_, i) => ({ sku: `SKU-${i}`, quantity: i % 97, location: `BIN-${i}`, line: i + 2 }));
  const seen = { rowsTaken: false, archived: [] as { savedSkus: number; recorded: number }[] };
  const connector = {
    async *pickupInventory() {
      if (seen.archived.length > 0) return;
      const file: InboundBatch<InventoryRow> = {
        fileName: 'stock.csv',
        get rows() {
          seen.rowsTaken = true;
          return rows;
        },
        rowErrors: [],
        ack: async () => {
          seen.archived.push({ savedSkus: await savedSkus(store), recorded: (await recordedFiles(store)).length });
        },
        reject: async () => {},
      };
      yield file;
    },
    close: async () => {},
  } as unknown as WmsConnector;
  return { connector, seen };
}

function runContext(store: OpenedStore, connector: WmsConnector, progress: (done: number) => void = () => {}): RunContext {
  return {
    store,
    signal: new AbortController().signal,
    report: new RunReport(),
    nowIso: () => NOW,
    progress,
    connectors: { wms: async () => connector, merchantTarget: async (merchantId: number) => ({ merchantId, code: 'ACME' }) },
  } as unknown as RunContext;
}

describe('inventory pickup of a big file', () => {
  it('answers the screens while it applies: after taking the file and before saving any of it, and between every two of its transactions', async () => {
    const { store, merchantId } = await storeWithMerchant();
    const { connector, seen } = warehouse(store);
    const rc = runContext(store, connector);

    // A screen asking on every turn of the event loop, each ask a task of its own (as a request from a
    // window is): what it sees is what the pickup had applied when the ask was let in.
    const answers: { rowsTaken: boolean; skus: number }[] = [];
    let running = true;
    const screen = (async () => {
      while (running) {
        await new Promise((resolve) => setImmediate(resolve));
        const rowsTaken = seen.rowsTaken;
        void store.read((db) => answers.push({ rowsTaken, skus: db.get<{ n: number }>('SELECT COUNT(*) AS n FROM inventory')!.n }));
      }
    })();
    await pickupInventory(rc, merchantId).finally(() => (running = false));
    await screen;

    expect(rc.report.counts).toMatchObject({ skus: SKUS, files: 1 });
    // Let in once the pickup had the file's rows and before it saved any: summing did not hold the thread
    // through to the first transaction.
    expect(answers.some((a) => a.rowsTaken && a.skus === 0)).toBe(true);
    // Let in between every two transactions: no two answers in a row are more than one transaction apart.
    const during = answers.filter((a) => a.rowsTaken).map((a) => a.skus);
    for (let k = 1; k < during.length; k++) expect(during[k] - during[k - 1]).toBeLessThanOrEqual(LEVELS_PER_COMMIT);
    expect(new Set(during.filter((n) => n > 0 && n < SKUS)).size).toBeGreaterThanOrEqual(3);
    // Archived once, with every SKU and the file's record saved.
    expect(seen.archived).toEqual([{ savedSkus: SKUS, recorded: 1 }]);
    expect(await recordedFiles(store)).toEqual([{ file_name: 'stock.csv', rows_applied: SKUS }]);
  });

  it('leaves the file in its folder, unrecorded, when a transaction in its middle cannot be saved, and applies it whole once the disk takes writes again', async () => {
    let full = false;
    const { store, merchantId } = await storeWithMerchant({ simulatedDisk: { diskFull: () => full }, diskProbeEveryMs: 20, diskProbeOnWriteAfterMs: 0 });
    const { connector, seen } = warehouse(store);
    // The disk fills up once the first transaction is on disk: a later one of the file fails, while the
    // transaction after it may already be applied in memory.
    const failing = runContext(store, connector, () => (full = true));

    await expect(pickupInventory(failing, merchantId)).rejects.toMatchObject({ kind: 'storage' });

    expect(seen.archived).toEqual([]);
    expect(await recordedFiles(store)).toEqual([]);
    const partly = await savedSkus(store);
    expect(partly).toBeGreaterThanOrEqual(LEVELS_PER_COMMIT);
    expect(partly).toBeLessThan(SKUS);

    full = false;
    await expect.poll(() => store.health().writable, { interval: 20, timeout: 10_000 }).toBe(true);
    const again = runContext(store, connector);
    await pickupInventory(again, merchantId);

    expect(again.report.counts).toMatchObject({ skus: SKUS, files: 1 });
    expect(seen.archived).toEqual([{ savedSkus: SKUS, recorded: 1 }]);
    expect(await recordedFiles(store)).toEqual([{ file_name: 'stock.csv', rows_applied: SKUS }]);
  });
});
