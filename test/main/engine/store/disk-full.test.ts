import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DockhandError } from '../../../../shared/errors.js';
import { openStore, type OpenedStore, type OpenStoreOptions } from '../../../../main/engine/store/index.js';
import type { StoreHealth } from '../../../../main/engine/store/sql.js';
import { crashImage, itemsMigration, tempStoreDir } from './fixtures/store-fixtures.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function openAt(dir: string, extra: Partial<OpenStoreOptions> = {}): Promise<OpenedStore> {
  const store = await openStore({ dir, migrations: [itemsMigration], ...extra });
  cleanups.push(() => store.close().catch(() => {}));
  return store;
}

const labels = (store: OpenedStore) =>
  store.read((db) => db.all<{ label: string }>('SELECT label FROM items ORDER BY n').map((r) => r.label));

const insert = (store: OpenedStore, label: string, bytes = 0) =>
  store.write((db) => db.run('INSERT INTO items (label, data) VALUES (?, ?)', [label, bytes > 0 ? new Uint8Array(bytes).fill(7) : null]));

async function storageError(p: Promise<unknown>): Promise<DockhandError> {
  const err = await p.then(
    () => new Error('it succeeded'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DockhandError);
  expect((err as DockhandError).kind).toBe('storage');
  return err as DockhandError;
}

describe('a store whose disk fills up (simulated at the journal and the probe)', () => {
  it('keeps answering reads from disk, refuses writes with a storage error naming the folder, and resumes when space returns', async () => {
    const t = await tempStoreDir();
    cleanups.push(t.cleanup);
    let full = false;
    const health: StoreHealth[] = [];
    const store = await openAt(t.dir, {
      simulatedDisk: { diskFull: () => full },
      diskProbeEveryMs: 20,
      diskProbeOnWriteAfterMs: 60_000,
      onHealthChange: (h) => health.push(h),
    });
    await insert(store, 'a');

    full = true;
    const refused = await storageError(insert(store, 'b'));
    expect(refused.message).toContain(`the disk holding ${t.dir} is full (ENOSPC)`);
    expect(refused.message).toMatch(/resumes by itself/);
    expect(store.health()).toMatchObject({ writable: false, code: 'ENOSPC' });
    expect(health).toEqual([expect.objectContaining({ writable: false, code: 'ENOSPC' })]);
    // The commit sql.js already made in memory is gone: reads show what is on disk.
    expect(await labels(store)).toEqual(['a']);
    expect((await storageError(insert(store, 'c'))).message).toMatch(/ENOSPC/);
    expect(await labels(store)).toEqual(['a']);

    full = false;
    await vi.waitFor(() => expect(store.health()).toEqual({ writable: true }), { timeout: 5_000 });
    expect(health.at(-1)).toEqual({ writable: true });
    await insert(store, 'd');
    expect(await labels(store)).toEqual(['a', 'd']);
    const copy = await crashImage(t.dir);
    cleanups.push(() => rm(copy, { recursive: true, force: true }));
    const reopened = await openAt(copy);
    expect(await labels(reopened)).toEqual(['a', 'd']);
  });

  it('probes again on a write once the back-off passed, and writes at once if the disk takes writes', async () => {
    const t = await tempStoreDir();
    cleanups.push(t.cleanup);
    let full = false;
    const store = await openAt(t.dir, { simulatedDisk: { diskFull: () => full }, diskProbeEveryMs: 60_000, diskProbeOnWriteAfterMs: 0 });
    full = true;
    await storageError(insert(store, 'lost'));
    full = false;
    await insert(store, 'kept');
    expect(await labels(store)).toEqual(['kept']);
    expect(store.health()).toEqual({ writable: true });
  });

  it('rejects the write whose fsync failed (EIO), serves reads from disk, and resumes once the disk works', async () => {
    const t = await tempStoreDir();
    cleanups.push(t.cleanup);
    // Seq 1 is the migration, 2 the first row; the fdatasync that would make seq 3 durable fails.
    const store = await openAt(t.dir, { failJournalSyncAtSeq: 3, diskProbeEveryMs: 60_000, diskProbeOnWriteAfterMs: 0 });
    await insert(store, 'first');
    expect((await storageError(insert(store, 'x'))).message).toMatch(/is failing \(EIO/);
    expect(await labels(store)).toEqual(['first']);
    // The refused commit was written before its fsync failed: a crash now must not bring it back.
    const whileFailing = await crashImage(t.dir);
    cleanups.push(() => rm(whileFailing, { recursive: true, force: true }));
    expect(await labels(await openAt(whileFailing))).toEqual(['first']);
    await insert(store, 'y');
    expect(await labels(store)).toEqual(['first', 'y']);
    const copy = await crashImage(t.dir);
    cleanups.push(() => rm(copy, { recursive: true, force: true }));
    expect(await labels(await openAt(copy))).toEqual(['first', 'y']);
  });
});

/** A real, tiny tmpfs; needs root (CI and this project's machines run as root). */
function mountTmpfs(dir: string, size: string): string | undefined {
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { encoding: 'utf8' });
  return r.status === 0 ? undefined : `mount -t tmpfs is not possible here: ${(r.stderr || r.error?.message || '').trim()}`;
}

const mountDir = await mkdtemp(join(tmpdir(), 'dockhand-full-disk-'));
const cannotMount = mountTmpfs(mountDir, '4m');
if (!cannotMount) spawnSync('umount', [mountDir]);
await rm(mountDir, { recursive: true, force: true });

describe('a store on a real filesystem that fills up', () => {
  it.skipIf(cannotMount !== undefined)(
    `refuses writes with ENOSPC, keeps reads, and resumes when a file is deleted${cannotMount ? ` (skipped: ${cannotMount})` : ''}`,
    async () => {
      const mount = await mkdtemp(join(tmpdir(), 'dockhand-full-disk-'));
      expect(mountTmpfs(mount, '4m')).toBeUndefined();
      cleanups.push(async () => {
        spawnSync('umount', ['-l', mount]);
        await rm(mount, { recursive: true, force: true });
      });
      const dir = join(mount, 'db');
      await mkdir(dir);
      const store = await openAt(dir, { diskProbeEveryMs: 50, diskProbeOnWriteAfterMs: 60_000 });
      await insert(store, 'before', 10_000);

      // Fill the disk to the last few KiB.
      const filler = await open(join(mount, 'filler'), 'w');
      const chunk = Buffer.alloc(4096, 1);
      for (;;) {
        try {
          await filler.write(chunk);
        } catch (err) {
          expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
          break;
        }
      }
      await filler.close();

      const refused = await storageError(insert(store, 'too big', 200_000));
      expect(refused.message).toContain(`the disk holding ${dir} is full (ENOSPC)`);
      expect(await labels(store)).toEqual(['before']);
      expect(store.health()).toMatchObject({ writable: false, code: 'ENOSPC' });

      await rm(join(mount, 'filler'));
      await vi.waitFor(() => expect(store.health()).toEqual({ writable: true }), { timeout: 10_000 });
      await insert(store, 'after', 10_000);
      expect(await labels(store)).toEqual(['before', 'after']);
      await store.close();
      const reopened = await openAt(dir);
      expect(await labels(reopened)).toEqual(['before', 'after']);
    },
  );
});
