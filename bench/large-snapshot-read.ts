/**
 * `npx tsx bench/large-snapshot-read.ts [--gib 2.1]`: a snapshot larger than `fs.readFile` can read
 * (2 GiB, about 900k orders) is still read and verified by the store (chunked-read.ts). Too slow and
 * too large for the unit tests (it allocates the whole image: ~2.2 GB of RAM), so it lives here.
 * The file is sparse (no disk space used) with a real SQLite header and a matching sidecar. Prints one
 * JSON line; exits 1 if the snapshot could not be read.
 */
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { crc32 } from 'node:zlib';
import { readSnapshot } from '../main/engine/store/snapshot-files.js';
import { sidecarName, snapshotName } from '../main/engine/store/store-files.js';

const i = process.argv.indexOf('--gib');
const gib = i >= 0 ? Number(process.argv[i + 1]) : 2.1;
const size = Math.floor(gib * 2 ** 30);
const dir = await mkdtemp(join(tmpdir(), 'dockhand-large-snapshot-'));
try {
  const header = Buffer.alloc(100);
  header.write('SQLite format 3\0', 0, 'latin1');
  const fh = await open(join(dir, snapshotName(1)), 'w');
  await fh.write(header, 0, header.length, 0);
  await fh.truncate(size);
  await fh.close();
  // The sidecar's checksum of header + zeros, computed without holding the image.
  let crc = crc32(header);
  const zeros = Buffer.alloc(64 << 20);
  for (let left = size - header.length; left > 0; left -= zeros.length) crc = crc32(zeros.subarray(0, Math.min(left, zeros.length)), crc);
  await writeFile(join(dir, sidecarName(1)), JSON.stringify({ seq: 1, size, crc32: crc }));

  const readFileRefuses = await readFile(join(dir, snapshotName(1))).then(
    () => false,
    (err: NodeJS.ErrnoException) => err.code === 'ERR_FS_FILE_TOO_LARGE',
  );
  const t0 = performance.now();
  const read = await readSnapshot(dir, 1);
  const ms = Math.round(performance.now() - t0);
  const ok = 'image' in read && read.image.length === size;
  console.log(JSON.stringify({ bytes: size, readFileRefuses, readSnapshotOk: ok, ms, problem: 'problem' in read ? read.problem : null }));
  if (!ok) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
