import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { DockhandError } from '../../../../shared/errors.js';
import { openStore, runIntegrityCheck, type OpenedStore } from '../../../../main/engine/store/index.js';
import { decodeWatermark } from '../../../../main/engine/store/ack-watermark.js';
import { encodeRecord } from '../../../../main/engine/store/journal-record.js';
import type { StoreAlertInfo } from '../../../../main/engine/store/open-store.js';
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

/** Every name in the folder with a hash of its content (directories marked), to prove nothing changed. */
async function folderState(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    out[name] = (await stat(path)).isDirectory() ? 'dir' : createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return out;
}

/** Opening must fail with a storage error, and leave every file as it was. */
async function expectRefusal(dir: string): Promise<DockhandError> {
  const before = await folderState(dir);
  const alerts: string[] = [];
  const err = await openStore({ dir, migrations: [itemsMigration], onAlert: (m) => alerts.push(m) }).then(
    (store) => {
      cleanups.push(() => store.close());
      throw new Error('the store opened');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DockhandError);
  expect((err as DockhandError).kind).toBe('storage');
  expect((err as DockhandError).message).toMatch(/cannot be rebuilt/);
  expect((err as DockhandError).message).toContain(`move the folder ${dir} aside`);
  expect((err as DockhandError).message).toMatch(/from a backup/);
  expect(alerts).toEqual([]);
  expect(await folderState(dir)).toEqual(before);
  return err as DockhandError;
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
});

describe('a damaged last journal record', () => {
  /** Opens with alerts and their details collected. */
  async function openWithDetails(dir: string) {
    const alerts: Array<{ message: string; info: StoreAlertInfo }> = [];
    const store = await openStore({ dir, migrations: [itemsMigration], onAlert: (message, info) => alerts.push({ message, info }) });
    cleanups.push(() => store.close().catch(() => {}));
    return { store, alerts };
  }

  /** Byte offset where the record of `seq` starts in a segment that begins at seq 1. */
  function recordOffset(bytes: Buffer, seq: number): number {
    let offset = 0;
    for (let s = 1; s < seq; s++) offset += 8 + bytes.readUInt32LE(offset);
    return offset;
  }

  it('keeps an acknowledged-up-to watermark beside the journal, updated after each fsync', async () => {
    const dir = await storeWithRows(3);
    const [segment] = await journalSegments(dir);
    const mark = decodeWatermark(await readFile(join(dir, 'journal.ack')));
    expect(mark).toEqual({ seq: 4, segmentFirstSeq: 1, segmentEnd: (await stat(join(dir, segment))).size });
  });

  it('alerts that acknowledged commits were lost when the last acknowledged record is cut short, and keeps the damaged file', async () => {
    const dir = await storeWithRows(5);
    const [segment] = await journalSegments(dir);
    const path = join(dir, segment);
    await truncate(path, (await stat(path)).size - 3);
    const { store, alerts } = await openWithDetails(dir);
    expect(await rowNumbers(store)).toEqual([1, 2, 3, 4]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].message).toMatch(/held acknowledged commits: the state was rebuilt up to seq 5\. Commits up to seq 6 had been acknowledged/);
    expect(alerts[0].info).toEqual({ key: 'store:journal-damaged', lostAcknowledged: true });
    expect((await readdir(dir)).some((n) => n.startsWith(`${segment}.corrupt-`))).toBe(true);
  });

  it('alerts the same way when a bit of the last acknowledged record flipped', async () => {
    const dir = await storeWithRows(5);
    const [segment] = await journalSegments(dir);
    const path = join(dir, segment);
    const bytes = await readFile(path);
    bytes[recordOffset(bytes, 6) + 20] ^= 0x04;
    await writeFile(path, bytes);
    const { store, alerts } = await openWithDetails(dir);
    expect(await rowNumbers(store)).toEqual([1, 2, 3, 4]);
    expect(alerts.map((a) => a.info.lostAcknowledged)).toEqual([true]);
  });

  it('alerts when the journal was cut exactly between records, before commits that were acknowledged', async () => {
    const dir = await storeWithRows(5);
    const [segment] = await journalSegments(dir);
    const path = join(dir, segment);
    await truncate(path, recordOffset(await readFile(path), 5));
    const { store, alerts } = await openWithDetails(dir);
    expect(await rowNumbers(store)).toEqual([1, 2, 3]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].message).toMatch(/ends at seq 4 .* commits up to seq 6 were acknowledged/);
    expect(alerts[0].info.lostAcknowledged).toBe(true);
  });

  it('says it once: the open after the alerted one starts from the state it rebuilt, without a new alert', async () => {
    const dir = await storeWithRows(5);
    const [segment] = await journalSegments(dir);
    const path = join(dir, segment);
    await truncate(path, (await stat(path)).size - 3);
    const first = await openWithDetails(dir);
    await first.store.write((db) => db.run('INSERT INTO items (n) VALUES (?)', [50]));
    await first.store.close();
    const second = await openWithDetails(dir);
    expect(await rowNumbers(second.store)).toEqual([1, 2, 3, 4, 50]);
    expect(second.alerts).toEqual([]);
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

describe('a store folder whose files cannot rebuild what was acknowledged', () => {
  it('refuses to open, changing nothing, when every snapshot was deleted and the journal starts later', async () => {
    const dir = await storeWithRows(6, [2, 4]);
    // Snapshots at seq 3 and 5; the journal kept from seq 4 on.
    for (const name of await readdir(dir)) if (name.startsWith('snapshot-')) await rm(join(dir, name));
    const err = await expectRefusal(dir);
    expect(err.message).toMatch(/journal-000000000004\.log: the journal starts at seq 4/);
    expect(err.message).toMatch(/No snapshot/);
  });

  it('refuses when every snapshot is damaged and the journal starts later, setting nothing aside', async () => {
    const dir = await storeWithRows(6, [2, 4]);
    for (const seq of ['000000000003', '000000000005']) {
      const path = join(dir, `snapshot-${seq}.sqlite`);
      const b = await readFile(path);
      b[b.length - 10] ^= 0x01;
      await writeFile(path, b);
    }
    const err = await expectRefusal(dir);
    expect(err.message).toMatch(/snapshot-000000000005\.sqlite is damaged \(its checksum does not match\)/);
    expect(err.message).toMatch(/snapshot-000000000003\.sqlite is damaged/);
  });

  it('refuses when the folder shows saved commits but holds neither snapshot nor journal', async () => {
    const dir = await storeWithRows(3);
    for (const name of await readdir(dir)) if (/^(snapshot|journal)-/.test(name)) await rm(join(dir, name));
    const err = await expectRefusal(dir);
    expect(err.message).toMatch(/No journal file .* commits up to seq 4 were saved/);
  });

  it('refuses when the newest good snapshot is older than where the journal starts', async () => {
    const dir = await storeWithRows(6, [2, 4]);
    await rm(join(dir, 'snapshot-000000000005.sqlite'));
    await rm(join(dir, 'journal-000000000004.log'));
    const err = await expectRefusal(dir);
    expect(err.message).toMatch(/journal-000000000006\.log: the journal starts at seq 6, but the newest usable snapshot snapshot-000000000003\.sqlite ends at seq 3/);
  });

  it('refuses when a journal file between two others is missing', async () => {
    const dir = await storeWithRows(6, [2, 4]);
    // Snapshot 3 is kept with journal-4 and journal-6; without journal-4, snapshot 5 cannot be used either.
    await rm(join(dir, 'snapshot-000000000005.sqlite'));
    await rm(join(dir, 'snapshot-000000000005.json'));
    await writeFile(join(dir, 'journal-000000000004.log'), '');
    const err = await expectRefusal(dir);
    expect(err.message).toMatch(/journal-000000000006\.log starts at seq 6, but the journal before it ends at seq 3/);
  });

  it('refuses when a journal file cannot be read', async () => {
    const dir = await storeWithRows(3);
    const [segment] = (await readdir(dir)).filter((n) => n.startsWith('journal-'));
    await rm(join(dir, segment));
    await mkdir(join(dir, segment));
    const err = await expectRefusal(dir);
    expect(err.message).toMatch(new RegExp(`${segment.replace('.', '\\.')} cannot be read: .*EISDIR`));
  });

  it('refuses when a snapshot cannot be read (an fs error, not bad bytes), rather than setting a sound file aside', async () => {
    const dir = await storeWithRows(6, [2, 4]);
    const path = join(dir, 'snapshot-000000000005.sqlite');
    await rm(path);
    await mkdir(path);
    const err = await expectRefusal(dir);
    expect(err.message).toMatch(/snapshot-000000000005\.sqlite: it cannot be read \(EISDIR/);
  });

  it('still rebuilds from the journal alone when every snapshot is damaged and the journal starts at the first commit', async () => {
    const dir = await storeWithRows(4);
    expect(await readdir(dir)).toContain('journal-000000000001.log');
    await writeFile(join(dir, 'snapshot-000000000003.sqlite'), 'garbage');
    const alerts: string[] = [];
    const store = await open(dir, alerts);
    expect(await rowNumbers(store)).toEqual([1, 2, 3, 4]);
    expect(alerts.join('\n')).toMatch(/snapshot-000000000003\.sqlite is damaged .*Falling back to the journal alone/);
  });
});
