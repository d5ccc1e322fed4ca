import { appendFile, chmod, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, runIntegrityCheck, type Migration, type OpenedStore } from '../../../../main/engine/store/index.js';
import { encodeRecordV1 } from '../../../../main/engine/store/journal-record-v1.js';
import { crashImage, itemsMigration, notesMigration, tempStoreDir } from './fixtures/store-fixtures.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function freshDir(): Promise<string> {
  const t = await tempStoreDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

async function openAt(dir: string, extra: Partial<Parameters<typeof openStore>[0]> = {}): Promise<OpenedStore> {
  const store = await openStore({ dir, migrations: [itemsMigration], ...extra });
  cleanups.push(() => store.close().catch(() => {}));
  return store;
}

async function crashCopy(dir: string): Promise<string> {
  const copy = await crashImage(dir);
  const { rm } = await import('node:fs/promises');
  cleanups.push(() => rm(copy, { recursive: true, force: true }));
  return copy;
}

const labels = (store: OpenedStore) =>
  store.read((db) => db.all<{ label: string }>('SELECT label FROM items ORDER BY n').map((r) => r.label));

describe('the journaled store', () => {
  it('keeps committed data across a close and reopen', async () => {
    const dir = await freshDir();
    const store = await openAt(dir);
    await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', ['a']));
    await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', ['b']));
    await store.close();
    const again = await openAt(dir);
    expect(await labels(again)).toEqual(['a', 'b']);
  });

  it('keeps every acknowledged commit in what a crash would leave, by replaying the journal', async () => {
    const dir = await freshDir();
    const store = await openAt(dir);
    for (let i = 0; i < 20; i++) await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', [`r${i}`]));
    const copy = await crashCopy(dir);
    const recovered = await openAt(copy);
    expect(await labels(recovered)).toHaveLength(20);
    expect(await runIntegrityCheck(recovered)).toBe('ok');
  });

  it('applies nothing of a write whose function throws, now or after replay', async () => {
    const dir = await freshDir();
    const store = await openAt(dir);
    await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', ['kept']));
    await expect(
      store.write((db) => {
        db.run('INSERT INTO items (label) VALUES (?)', ['lost']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(
      store.write((db) => {
        db.run('INSERT INTO items (label) VALUES (?)', ['lost too']);
        db.run('INSERT INTO missing_table VALUES (1)');
      }),
    ).rejects.toThrow(/no such table/);
    expect(await labels(store)).toEqual(['kept']);
    const recovered = await openAt(await crashCopy(dir));
    expect(await labels(recovered)).toEqual(['kept']);
  });

  it('refuses a write function that returns a promise, applying nothing', async () => {
    const store = await openAt(await freshDir());
    await expect(
      store.write(async (db) => {
        db.run('INSERT INTO items (label) VALUES (?)', ['async']);
      }),
    ).rejects.toThrow(/synchronous/);
    expect(await labels(store)).toEqual([]);
  });

  it('resolves every write of a burst, sharing fsyncs between them (group commit)', async () => {
    const dir = await freshDir();
    const store = await openAt(dir);
    const fsyncsBefore = store.metrics().fsyncMs?.length ?? 0;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', [`g${i}`]).lastInsertRowid),
      ),
    );
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const fsyncs = (store.metrics().fsyncMs?.length ?? 0) - fsyncsBefore;
    expect(fsyncs).toBeGreaterThan(0);
    expect(fsyncs).toBeLessThan(50);
    expect(store.metrics().commitMs).toHaveLength(51);
    const recovered = await openAt(await crashCopy(dir));
    expect(await labels(recovered)).toHaveLength(50);
  });

  it('round-trips Uint8Array, null, float and text parameters through the journal', async () => {
    const dir = await freshDir();
    const store = await openAt(dir);
    const bytes = new Uint8Array([0, 255, 7, 0, 128]);
    await store.write((db) =>
      db.run('INSERT INTO items (n, label, data, amount) VALUES (?, ?, ?, ?)', [1, null, bytes, 12.375]),
    );
    await store.write((db) => db.run('INSERT INTO items (n, label, data, amount) VALUES (?, ?, ?, ?)', [2, 'ü', null, null]));
    const recovered = await openAt(await crashCopy(dir));
    const rows = await recovered.read((db) => db.all<Record<string, unknown>>('SELECT * FROM items ORDER BY n'));
    expect(rows[0].label).toBeNull();
    expect(Array.from(rows[0].data as Uint8Array)).toEqual([0, 255, 7, 0, 128]);
    expect(rows[0].amount).toBe(12.375);
    expect(rows[1]).toEqual({ n: 2, label: 'ü', data: null, amount: null });
  });

  it('journals writes made through get and all (RETURNING) and replays them', async () => {
    const dir = await freshDir();
    const store = await openAt(dir);
    const id = await store.write(
      (db) => db.get<{ n: number }>('INSERT INTO items (label) VALUES (?) RETURNING n', ['returned'])?.n,
    );
    expect(id).toBe(1);
    const recovered = await openAt(await crashCopy(dir));
    expect(await labels(recovered)).toEqual(['returned']);
  });

  it('releases a read only after the commits it could see are durable', async () => {
    const store = await openAt(await freshDir());
    const order: string[] = [];
    const written = store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', ['w'])).then(() => order.push('write'));
    const seen = store.read((db) => db.all('SELECT label FROM items')).then((rows) => (order.push('read'), rows));
    await Promise.all([written, seen]);
    expect(order).toEqual(['write', 'read']);
    expect(await seen).toEqual([{ label: 'w' }]);
  });

  it('does not let read functions change the database', async () => {
    const store = await openAt(await freshDir());
    await expect(store.read((db) => db.all('DELETE FROM items'))).rejects.toThrow(/readonly|read-only|query_only/i);
  });

  it('rolls forward from a snapshot through a rotated journal', async () => {
    const dir = await freshDir();
    const store = await openAt(dir);
    for (let i = 0; i < 5; i++) await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', [`s${i}`]));
    await store.snapshot();
    for (let i = 5; i < 10; i++) await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', [`s${i}`]));
    const names = await readdir(dir);
    // Seq 1 is the migration, 2-6 the rows: the snapshot is at 6 and later commits went to a new segment;
    // the old segment is not needed by any kept snapshot, so it is gone.
    expect(names.filter((n) => /^snapshot-\d+\.sqlite$/.test(n))).toEqual(['snapshot-000000000006.sqlite']);
    expect(names.filter((n) => /^journal-\d+\.log$/.test(n))).toEqual(['journal-000000000007.log']);
    expect(store.metrics().snapshots).toBe(1);
    const recovered = await openAt(await crashCopy(dir));
    expect(await labels(recovered)).toEqual(Array.from({ length: 10 }, (_, i) => `s${i}`));
  });

  it('snapshots in the background once enough journal was written', async () => {
    const dir = await freshDir();
    const store = await openAt(dir, { snapshotEveryBytes: 2_000 });
    for (let i = 0; i < 40; i++)
      await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', ['x'.repeat(100)]));
    await vi.waitFor(() => expect(store.metrics().snapshots).toBeGreaterThan(0), { timeout: 5_000 });
    const recovered = await openAt(await crashCopy(dir));
    expect(await labels(recovered)).toHaveLength(40);
  });

  it('prunes old snapshots and the journal segments no kept snapshot needs', async () => {
    const dir = await freshDir();
    const store = await openAt(dir, { keepSnapshots: 2 });
    for (let round = 0; round < 4; round++) {
      await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', [`p${round}`]));
      await store.snapshot();
    }
    await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', ['after']));
    const names = (await readdir(dir)).sort();
    const snaps = names.filter((n) => /^snapshot-\d+\.sqlite$/.test(n));
    expect(snaps).toEqual(['snapshot-000000000004.sqlite', 'snapshot-000000000005.sqlite']);
    expect(names.filter((n) => /^snapshot-\d+\.json$/.test(n))).toHaveLength(2);
    // seq 1 was the migration; the oldest kept snapshot (4) needs seqs from 5 on.
    expect(names.filter((n) => /^journal-\d+\.log$/.test(n))).toEqual([
      'journal-000000000005.log',
      'journal-000000000006.log',
    ]);
    const recovered = await openAt(await crashCopy(dir));
    expect(await labels(recovered)).toEqual(['p0', 'p1', 'p2', 'p3', 'after']);
  });

  it('replays journal records an older Dockhand wrote in format 1', async () => {
    const dir = await freshDir();
    const store = await openAt(dir);
    await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', ['new format']));
    const copy = await crashCopy(dir);
    // Seq 1 is the migration, 2 the write above: an old writer would have appended seq 3 like this.
    const old = encodeRecordV1({
      seq: 3,
      statements: [{ mode: 'single', sql: 'INSERT INTO items (label, data) VALUES (?, ?)', params: ['old format', new Uint8Array([9])] }],
    });
    await appendFile(join(copy, 'journal-000000000001.log'), old);
    const recovered = await openAt(copy);
    expect(await labels(recovered)).toEqual(['new format', 'old format']);
    await recovered.write((db) => db.run('INSERT INTO items (label) VALUES (?)', ['after']));
    const again = await openAt(await crashCopy(copy));
    expect(await labels(again)).toEqual(['new format', 'old format', 'after']);
  });

  it('holds a due snapshot back while commits keep coming, until the journal outgrows the hard limit', async () => {
    const dir = await freshDir();
    const store = await openAt(dir, { snapshotEveryBytes: 2_000, snapshotIdleMs: 60_000, snapshotMaxJournalBytes: 1_000_000 });
    for (let i = 0; i < 40; i++) await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', ['x'.repeat(100)]));
    expect(store.metrics().snapshots).toBe(0);

    const capped = await openAt(await freshDir(), { snapshotEveryBytes: 2_000, snapshotIdleMs: 60_000, snapshotMaxJournalBytes: 4_000 });
    for (let i = 0; i < 40; i++) await capped.write((db) => db.run('INSERT INTO items (label) VALUES (?)', ['x'.repeat(100)]));
    await vi.waitFor(() => expect(capped.metrics().snapshots).toBeGreaterThan(0), { timeout: 5_000 });
  });

  it('takes a due snapshot once commits pause', async () => {
    const store = await openAt(await freshDir(), { snapshotEveryBytes: 2_000, snapshotIdleMs: 50 });
    for (let i = 0; i < 40; i++) await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', ['x'.repeat(100)]));
    await vi.waitFor(() => expect(store.metrics().snapshots).toBeGreaterThan(0), { timeout: 5_000 });
  });

  it('takes a final snapshot on close', async () => {
    const dir = await freshDir();
    const store = await openAt(dir);
    await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', ['z']));
    await store.close();
    expect(await readdir(dir)).toContain('snapshot-000000000002.sqlite');
    await expect(store.write((db) => db.run('DELETE FROM items'))).rejects.toThrow(/closed/);
  });

  it('keeps everything it writes owner-only: files 0600 in a 0700 folder, also a folder that pre-exists open to others', async () => {
    const dir = await freshDir();
    await chmod(dir, 0o755);
    const store = await openAt(dir);
    await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', ['customer']));
    await store.snapshot();
    await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', ['address']));
    const modes = async () =>
      Object.fromEntries(await Promise.all((await readdir(dir)).map(async (n) => [n, (await stat(join(dir, n))).mode & 0o777] as const)));
    const whileOpen = await modes();
    expect(Object.keys(whileOpen)).toEqual(expect.arrayContaining(['store.lock', 'journal.ack', 'snapshot-000000000002.sqlite', 'snapshot-000000000002.json', 'journal-000000000003.log']));
    await store.close();
    const afterClose = await modes();
    for (const [name, mode] of Object.entries({ ...whileOpen, ...afterClose })) expect({ name, mode: mode.toString(8) }).toEqual({ name, mode: '600' });
    expect(((await stat(dir)).mode & 0o777).toString(8)).toBe('700');
  });

  it('reports the database size and journal bytes', async () => {
    const store = await openAt(await freshDir());
    await store.write((db) => db.run('INSERT INTO items (label) VALUES (?)', ['size']));
    expect(store.sizeBytes()).toBeGreaterThan(0);
    const m = store.metrics();
    expect(m.journalBytes).toBe(m.commitBytes.reduce((a, b) => a + b, 0));
  });
});

describe('snapshots of a store that is restarted often', () => {
  /** Writes `times` commits of `bytes` each that replace one row, so the journal grows and the database does not. */
  async function churn(store: OpenedStore, times: number, bytes: number): Promise<void> {
    for (let i = 0; i < times; i++)
      await store.write((db) => db.run('INSERT OR REPLACE INTO items (n, data) VALUES (1, ?)', [new Uint8Array(bytes).fill(i % 256)]));
  }

  it('snapshots soon after an open that replayed more journal than the database holds', async () => {
    const dir = await freshDir();
    const store = await openAt(dir);
    await churn(store, 15, 100_000);
    const copy = await crashCopy(dir);
    const reopened = await openAt(copy, { snapshotIdleMs: 50 });
    // Counted once written; the journal it folded away is pruned right after.
    await vi.waitFor(() => expect(reopened.metrics().snapshots).toBe(1), { timeout: 5_000 });
    await vi.waitFor(() => expect(reopened.metrics().journalBytes).toBeLessThan(100_000), { timeout: 5_000 });
    expect((await readdir(copy)).filter((n) => /^snapshot-\d+\.sqlite$/.test(n))).toEqual(['snapshot-000000000016.sqlite']);
  });

  it('counts the journal replayed on open toward the size threshold', async () => {
    const dir = await freshDir();
    const options = { snapshotEveryBytes: 50_000, snapshotIdleMs: 50 };
    const store = await openAt(dir, options);
    await churn(store, 3, 10_000);
    expect(store.metrics().snapshots).toBe(0);
    const reopened = await openAt(await crashCopy(dir), options);
    await churn(reopened, 3, 10_000);
    await vi.waitFor(() => expect(reopened.metrics().snapshots).toBe(1), { timeout: 5_000 });
  });

  /** A crash image of a store with a snapshot and a little journal after it. */
  async function snapshotThenLittleJournal(): Promise<string> {
    const dir = await freshDir();
    const store = await openAt(dir);
    await store.snapshot();
    await churn(store, 2, 1_000);
    return crashCopy(dir);
  }

  it('snapshots after an open whose newest snapshot is older than the time threshold, though the process never lives that long', async () => {
    const copy = await snapshotThenLittleJournal();
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(join(copy, 'snapshot-000000000001.sqlite'), hourAgo, hourAgo);
    const reopened = await openAt(copy, { snapshotIdleMs: 50 });
    await vi.waitFor(() => expect(reopened.metrics().snapshots).toBe(1), { timeout: 5_000 });
  });

  it('does not snapshot after an open that replayed a little journal over a recent snapshot', async () => {
    const reopened = await openAt(await snapshotThenLittleJournal(), { snapshotIdleMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reopened.metrics().snapshots).toBe(0);
  });
});

describe('migrations', () => {
  it('apply in version order, each once, recording their versions', async () => {
    const dir = await freshDir();
    const calls: number[] = [];
    const spy = (m: Migration): Migration => ({ ...m, up: (db) => (calls.push(m.version), m.up(db)) });
    const store = await openStore({ dir, migrations: [spy(notesMigration), spy(itemsMigration)], now: () => new Date(0) });
    expect(store.schemaVersion).toBe(2);
    await store.close();
    const again = await openStore({ dir, migrations: [spy(notesMigration), spy(itemsMigration)] });
    cleanups.push(() => again.close());
    expect(calls).toEqual([1, 2]);
    const rows = await again.read((db) => db.all('SELECT version, name, applied_at FROM schema_migrations ORDER BY version'));
    expect(rows).toEqual([
      { version: 1, name: 'items', applied_at: '1970-01-01T00:00:00.000Z' },
      { version: 2, name: 'notes', applied_at: '1970-01-01T00:00:00.000Z' },
    ]);
  });

  it('refuse a database whose schema is newer than the code, leaving it usable by newer code', async () => {
    const dir = await freshDir();
    const store = await openStore({ dir, migrations: [itemsMigration, notesMigration] });
    await store.close();
    await expect(openStore({ dir, migrations: [itemsMigration] })).rejects.toThrow(/version 2, newer than this Dockhand knows \(1\)/);
    const again = await openStore({ dir, migrations: [itemsMigration, notesMigration] });
    expect(again.schemaVersion).toBe(2);
    await again.close();
  });

  it('reject duplicate versions', async () => {
    await expect(openStore({ dir: await freshDir(), migrations: [itemsMigration, { ...itemsMigration }] })).rejects.toThrow(
      /share version 1/,
    );
  });
});

describe('the store lock', () => {
  it('refuses a second open of the same directory', async () => {
    const dir = await freshDir();
    await openAt(dir);
    await expect(openStore({ dir, migrations: [itemsMigration] })).rejects.toThrow(/already open/);
  });

  it('takes over a lock left by a dead process', async () => {
    const dir = await freshDir();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(join(dir, 'store.lock'), String(dead));
    const store = await openAt(dir);
    expect(await labels(store)).toEqual([]);
    expect((await stat(join(dir, 'store.lock'))).isFile()).toBe(true);
  });
});
