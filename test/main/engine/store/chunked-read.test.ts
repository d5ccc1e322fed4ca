import { constants as bufferConstants } from 'node:buffer';
import { open, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileTooLargeError, readWholeFile } from '../../../../main/engine/store/chunked-read.js';
import { openStore } from '../../../../main/engine/store/index.js';
import { readSnapshot, writeSnapshot } from '../../../../main/engine/store/snapshot-files.js';
import { crashImage, itemsMigration, tempStoreDir } from './fixtures/store-fixtures.js';

let dir: string;
let removeDir: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup: removeDir } = await tempStoreDir());
});
afterEach(() => removeDir());

describe('reading whole files in chunks (snapshots past the 2 GiB readFile limit)', () => {
  it('reads a file in many small chunks into one buffer, with the checksum of all of it', async () => {
    const data = Buffer.alloc(100_003);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31 + 7) % 251;
    await writeFile(join(dir, 'f'), data);
    const read = await readWholeFile(join(dir, 'f'), { chunkBytes: 4096 });
    expect(read.bytes.equals(data)).toBe(true);
    expect(read.crc32).toBe(crc32(data));
  });

  it('reads a snapshot in small chunks and still catches a checksum mismatch', async () => {
    const image = Buffer.alloc(50_000, 3);
    image.write('SQLite format 3\0', 0, 'latin1');
    await writeSnapshot(dir, 7, image);
    const good = await readSnapshot(dir, 7, { chunkBytes: 1000 });
    expect('image' in good && good.image.equals(image)).toBe(true);
    const fh = await open(join(dir, 'snapshot-000000000007.sqlite'), 'r+');
    await fh.write(Buffer.from([9]), 0, 1, 45_000);
    await fh.close();
    expect(await readSnapshot(dir, 7, { chunkBytes: 1000 })).toEqual({ problem: 'its checksum does not match', unreadable: false });
  });

  it('rebuilds a store from a snapshot and journal read in 4 KiB chunks', async () => {
    const store = await openStore({ dir, migrations: [itemsMigration] });
    const insert = (i: number) => store.write((db) => db.run('INSERT INTO items (label, data) VALUES (?, ?)', [`r${i}`, new Uint8Array(3000).fill(i)]));
    for (let i = 0; i < 20; i++) await insert(i);
    await store.snapshot();
    for (let i = 20; i < 40; i++) await insert(i);
    const copy = await crashImage(dir);
    await store.close();
    const reopened = await openStore({ dir: copy, migrations: [itemsMigration], readChunkBytes: 4096 });
    try {
      expect((await readdir(copy)).some((n) => n.endsWith('.sqlite'))).toBe(true);
      const rows = await reopened.read((db) => db.all<{ label: string; data: Uint8Array }>('SELECT label, data FROM items ORDER BY n'));
      expect(rows.map((r) => r.label)).toEqual(Array.from({ length: 40 }, (_, i) => `r${i}`));
      expect(rows.every((r, i) => r.data.length === 3000 && r.data[2999] === i)).toBe(true);
    } finally {
      await reopened.close();
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('says a file is too large to hold rather than failing somewhere inside, before reading any of it', async () => {
    const path = join(dir, 'huge');
    const fh = await open(path, 'w');
    await fh.truncate(bufferConstants.MAX_LENGTH + 1); // sparse: no disk space used
    await fh.close();
    const err = await readWholeFile(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileTooLargeError);
    expect((err as Error).message).toMatch(/more than the \d+ bytes this Node\.js can hold/);
  });
});
