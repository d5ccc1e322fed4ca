import { appendFile, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, runIntegrityCheck, type OpenedStore } from '../../../../main/engine/store/index.js';
import { encodeRecord } from '../../../../main/engine/store/journal-record.js';
import { crashImage, itemsMigration, tempStoreDir } from './fixtures/store-fixtures.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function open(dir: string, alerts: string[] = []): Promise<OpenedStore> {
  const store = await openStore({ dir, migrations: [itemsMigration], onAlert: (m) => alerts.push(m) });
  cleanups.push(() => store.close().catch(() => {}));
  return store;
}

/** A store with one row per commit (seq 1 is the migration, row k is seq k + 1), and its crash image. */
async function storeWithRows(rows: number, snapshotsAfter: number[] = []): Promise<string> {
  const t = await tempStoreDir();
  cleanups.push(t.cleanup);
  const store = await open(t.dir);
  for (let k = 1; k <= rows; k++) {
    await store.write((db) => db.run('INSERT INTO items (n, label) VALUES (?, ?)', [k, `row ${k}`]));
    if (snapshotsAfter.includes(k)) await store.snapshot();
  }
  const copy = await crashImage(t.dir);
  cleanups.push(() => rm(copy, { recursive: true, force: true }));
  return copy;
}

async function journalSegments(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => /^journal-\d+\.log$/.test(n)).sort();
}

const rowNumbers = (store: OpenedStore) =>
  store.read((db) => db.all<{ n: number }>('SELECT n FROM items ORDER BY n').map((r) => r.n));

describe('recovery on open', () => {
  it('ignores a torn record at the end of the journal and cuts it off, without an alert', async () => {
    const dir = await storeWithRows(5);
    const [segment] = await journalSegments(dir);
    const path = join(dir, segment);
    const goodSize = (await stat(path)).size;
    const next = encodeRecord({ seq: 7, statements: [{ mode: 'single', sql: 'INSERT INTO items (n) VALUES (?)', params: [6] }] });
    await appendFile(path, next.subarray(0, next.length - 3));
    const alerts: string[] = [];
    const store = await open(dir, alerts);
    expect(await rowNumbers(store)).toEqual([1, 2, 3, 4, 5]);
    expect(alerts).toEqual([]);
    expect((await stat(path)).size).toBe(goodSize);
    await store.write((db) => db.run('INSERT INTO items (n) VALUES (?)', [6]));
    await store.close();
    expect(await rowNumbers(await open(dir))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('stops replay at a corrupt record in the middle, alerts, and keeps later commits replayable', async () => {
    const dir = await storeWithRows(5);
    const [segment] = await journalSegments(dir);
    const path = join(dir, segment);
    const bytes = await readFile(path);
    // Find the record of seq 4 (row 3) and flip a byte of its payload.
    let offset = 0;
    for (let seq = 1; seq < 4; seq++) offset += 8 + bytes.readUInt32LE(offset);
    bytes[offset + 20] ^= 0xff;
    await writeFile(path, bytes);

    const alerts: string[] = [];
    const store = await open(dir, alerts);
    expect(await rowNumbers(store)).toEqual([1, 2]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/journal is damaged.*stopped at seq 3/);
    expect((await readdir(dir)).some((n) => n.startsWith(`${segment}.corrupt-`))).toBe(true);

    await store.write((db) => db.run('INSERT INTO items (n) VALUES (?)', [10]));
    const again = await open(await crashImage(dir).then((c) => (cleanups.push(() => rm(c, { recursive: true })), c)));
    expect(await rowNumbers(again)).toEqual([1, 2, 10]);
  });

  it('alerts when a journal segment is missing between the snapshot and the rest', async () => {
    const dir = await storeWithRows(6, [2, 4]);
    // Snapshots at seq 3 and 5; the segment from seq 6 on is needed after the newest one.
    await rm(join(dir, 'snapshot-000000000005.sqlite'));
    await rm(join(dir, 'journal-000000000004.log'));
    const alerts: string[] = [];
    const store = await open(dir, alerts);
    expect(await rowNumbers(store)).toEqual([1, 2]);
    expect(alerts.join('\n')).toMatch(/journal starts at seq 6 but the state is at seq 3/);
    expect(await runIntegrityCheck(store)).toBe('ok');
  });
});

describe('a damaged latest snapshot', () => {
  const damages: Array<[string, (path: string, sidecar: string) => Promise<void>, RegExp]> = [
    ['truncated', async (path) => truncate(path, 1000), /bytes, expected/],
    ['not a SQLite file', async (path) => {
      const b = await readFile(path);
      b.write('garbage garbage!', 0, 'latin1');
      await writeFile(path, b);
    }, /not a SQLite database file/],
    ['a checksum mismatch', async (path) => {
      const b = await readFile(path);
      b[b.length - 10] ^= 0x01;
      await writeFile(path, b);
    }, /checksum does not match/],
    ['a missing sidecar', async (_path, sidecar) => rm(sidecar), /sidecar is missing/],
    ['a failing integrity check (sidecar rewritten to match)', async (path, sidecar) => {
      const b = await readFile(path);
      const raw = b.readUInt16BE(16);
      const pageSize = raw === 1 ? 65536 : raw; // SQLite stores 65536 as 1
      // Page 2 is the items table's root: overwrite its b-tree header with nonsense.
      b.fill(0x0d, pageSize, pageSize + 12);
      b.writeUInt16BE(0xffff, pageSize + 3);
      await writeFile(path, b);
      await writeFile(sidecar, JSON.stringify({ ...JSON.parse(await readFile(sidecar, 'utf8')), crc32: crc32(b) }));
    }, /integrity_check/],
  ];

  for (const [what, damage, reason] of damages) {
    it(`falls back to the previous snapshot and the journal when it has ${what}`, async () => {
      const dir = await storeWithRows(6, [2, 4]);
      const latest = join(dir, 'snapshot-000000000005.sqlite');
      await damage(latest, join(dir, 'snapshot-000000000005.json'));
      const alerts: string[] = [];
      const store = await open(dir, alerts);
      expect(await rowNumbers(store)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatch(reason);
      expect(alerts[0]).toMatch(/Snapshot snapshot-000000000005\.sqlite is damaged .*previous snapshot snapshot-000000000003\.sqlite/);
      expect(await runIntegrityCheck(store)).toBe('ok');
      expect((await readdir(dir)).some((n) => n.startsWith('snapshot-000000000005.sqlite.damaged-'))).toBe(true);
    });
  }
});
