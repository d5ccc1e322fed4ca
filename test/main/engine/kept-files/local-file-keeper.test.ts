import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalFileKeeper, firstErrorsText } from '../../../../main/engine/kept-files/local-file-keeper.js';
import { sweepKeptFiles } from '../../../../main/engine/kept-files/kept-files-sweep.js';
import { silentLogger, type Clock, type Logger } from '../../../../main/engine/platform/ports.js';
import { openStore } from '../../../../main/engine/store/index.js';
import { migrations } from '../../../../main/engine/store/migrations/index.js';
import { listKeptFiles } from '../../../../main/engine/store/repositories/kept-files-repo.js';
import type { Store } from '../../../../main/engine/store/sql.js';

function clockAt(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, sleep: async () => {}, set: (v) => (now = new Date(v)) };
}

const file = (name: string, content = 'a,b\n1,2\n') => ({
  merchantId: 1,
  kind: 'order' as const,
  remotePath: `ACME/orders/${name}`,
  name,
  content: Buffer.from(content),
  rows: 1,
  problems: [],
});

describe('the local file keeper', () => {
  const dirs: string[] = [];
  const stores: Store[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  async function world(at = '2026-12-06T14:00:00.000Z') {
    const dir = await mkdtemp(path.join(tmpdir(), 'dockhand-kept-'));
    dirs.push(dir);
    const store = await openStore({ dir: path.join(dir, 'db'), migrations });
    stores.push(store);
    const clock = clockAt(at);
    const root = path.join(dir, 'files');
    const rows = () => store.read((db) => listKeptFiles(db, {}, { limit: 100, offset: 0 }).items);
    return { store, clock, root, rows };
  }

  it('keeps a copy under the day it was kept, with a row naming its size, rows, errors and hash', async () => {
    const { store, clock, root, rows } = await world();
    const keeper = createLocalFileKeeper({ store, clock, log: silentLogger, root });
    const kept = await keeper.keepReceived({
      ...file('conf.csv'),
      kind: 'confirmation',
      problems: [{ line: 3, reason: 'Order 1009 is unknown' }, { reason: 'The file ends early' }],
    });
    expect(kept).toBe(true);
    const [row] = await rows();
    expect(row).toMatchObject({ direction: 'received', kind: 'confirmation', size: 8, rows: 1, errors: 2, firstErrors: 'Line 3: Order 1009 is unknown\nThe file ends early' });
    expect(row?.keptPath.startsWith('2026-12-06/')).toBe(true);
    expect(row?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readFile(path.join(root, ...row!.keptPath.split('/')), 'utf8')).toBe('a,b\n1,2\n');
    expect(await readdir(path.join(root, '2026-12-06'))).toHaveLength(1);
  });

  it('never fails its caller: a disk that refuses the write is logged and counted, and no row is left', async () => {
    const { store, clock, root, rows } = await world();
    const logged: string[] = [];
    const log: Logger = { log: (_l, message, fields) => logged.push(`${message} ${JSON.stringify(fields)}`), child: () => log };
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const keeper = createLocalFileKeeper({ store, clock, log, root, write: () => Promise.reject(full) });
    await expect(keeper.keepSent(file('orders-1.csv'))).resolves.toBe(false);
    expect(keeper.stats()).toMatchObject({ kept: 0, failed: 1, lastFailure: 'orders-1.csv: ENOSPC: no space left on device, write' });
    expect(logged.join('\n')).toContain('could not be kept');
    expect(await rows()).toEqual([]);
  });

  it('bounds the first-errors text to ten lines and a count of the rest', () => {
    const text = firstErrorsText(Array.from({ length: 25 }, (_, i) => ({ line: i + 2, reason: 'Quantity is not a number' })));
    expect(text.split('\n')).toHaveLength(11);
    expect(text).toContain('and 15 more');
  });
});

describe('the kept-files sweep', () => {
  const dirs: string[] = [];
  const stores: Store[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  async function keptWorld() {
    const dir = await mkdtemp(path.join(tmpdir(), 'dockhand-sweep-'));
    dirs.push(dir);
    const store = await openStore({ dir: path.join(dir, 'db'), migrations });
    stores.push(store);
    const clock = clockAt('2026-11-01T09:00:00.000Z');
    const root = path.join(dir, 'files');
    const keeper = createLocalFileKeeper({ store, clock, log: silentLogger, root });
    const rows = () => store.read((db) => listKeptFiles(db, {}, { limit: 100, offset: 0 }).items);
    return { store, clock, root, keeper, rows, sweep: () => sweepKeptFiles({ store, clock, log: silentLogger, root }) };
  }

  it('removes files and rows older than 30 days, keeps younger ones, and does nothing when run again', async () => {
    const w = await keptWorld();
    await w.keeper.keepSent(file('old.csv'));
    w.clock.set('2026-11-20T09:00:00.000Z');
    await w.keeper.keepSent(file('young.csv'));
    w.clock.set('2026-12-02T09:00:00.000Z');
    expect(await w.sweep()).toEqual({ expired: 1, rowsWithoutFile: 0, filesWithoutRow: 0 });
    expect((await w.rows()).map((r) => r.name)).toEqual(['young.csv']);
    expect(await readdir(w.root)).toEqual(['2026-11-20']);
    expect(await w.sweep()).toEqual({ expired: 0, rowsWithoutFile: 0, filesWithoutRow: 0 });
  });

  it('finishes a sweep a crash cut short: rows whose files were already removed, and files a row never named', async () => {
    const w = await keptWorld();
    await w.keeper.keepSent(file('a.csv'));
    await w.keeper.keepSent(file('b.csv', 'other'));
    const [b, a] = await w.rows();
    // The crash: the sweep unlinked a's file but died before deleting its row.
    await rm(path.join(w.root, ...a!.keptPath.split('/')));
    // And a keep died after its file was written, before its row (plus a temporary file of another).
    const dayDir = path.join(w.root, '2026-11-01');
    await writeFile(path.join(dayDir, 'orphan.csv'), 'x');
    await writeFile(path.join(dayDir, '.half.csv.1234.tmp'), 'x');
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(path.join(dayDir, 'orphan.csv'), hourAgo, hourAgo);
    await utimes(path.join(dayDir, '.half.csv.1234.tmp'), hourAgo, hourAgo);
    // One just written (a keep under way) is left alone.
    await mkdir(dayDir, { recursive: true });
    await writeFile(path.join(dayDir, 'being-kept.csv'), 'x');

    expect(await w.sweep()).toEqual({ expired: 0, rowsWithoutFile: 1, filesWithoutRow: 2 });
    expect((await w.rows()).map((r) => r.id)).toEqual([b!.id]);
    expect((await readdir(dayDir)).sort()).toEqual(['being-kept.csv', b!.keptPath.split('/')[1]].sort());
    expect(await w.sweep()).toEqual({ expired: 0, rowsWithoutFile: 0, filesWithoutRow: 0 });
  });
});
