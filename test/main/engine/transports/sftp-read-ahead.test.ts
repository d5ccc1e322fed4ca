import { randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, open, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAhead, type ReadAt } from '../../../../main/engine/transports/sftp-read-ahead.js';

/**
 * readAhead over a local file read the way an SFTP server answers: each read at most `cap` bytes
 * (a server's own limit), and the replies released in reverse order of asking, so the order they
 * are handed on in is readAhead's doing. Counts the reads and how many were in flight at once.
 */
function serverLike(file: FileHandle, cap: number) {
  const stats = { asked: [] as Array<{ offset: number; length: number }>, inFlight: 0, mostInFlight: 0 };
  let held: Array<() => void> = [];
  let releasing = false;
  const releaseSoon = () => {
    if (releasing) return;
    releasing = true;
    setImmediate(() => {
      releasing = false;
      const now = held.reverse();
      held = [];
      for (const release of now) release();
    });
  };
  const readAt: ReadAt = async (offset, length) => {
    stats.asked.push({ offset, length });
    stats.inFlight++;
    stats.mostInFlight = Math.max(stats.mostInFlight, stats.inFlight);
    await new Promise<void>((resolve) => {
      held.push(resolve);
      releaseSoon();
    });
    const buffer = Buffer.alloc(Math.min(length, cap));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, offset);
    stats.inFlight--;
    return buffer.subarray(0, bytesRead);
  };
  return { readAt, stats };
}

async function all(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('readAhead', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dockhand-read-ahead-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function fileWith(name: string, content: Buffer): Promise<FileHandle> {
    await writeFile(join(dir, name), content);
    return open(join(dir, name), 'r');
  }

  it('hands the bytes on in order when the replies come back out of order, with no more reads in flight than the window', async () => {
    const content = randomBytes(1_000_003);
    const file = await fileWith('order.bin', content);
    try {
      const { readAt, stats } = serverLike(file, 1 << 20);
      expect((await all(readAhead(readAt, content.length, { chunkSize: 64 * 1024, window: 8 }))).equals(content)).toBe(true);
      expect(stats.mostInFlight).toBe(8);
      // The size planned the reads: one read past the end, none asked twice.
      expect(stats.asked.length).toBe(Math.ceil(content.length / (64 * 1024)) + 1);
    } finally {
      await file.close();
    }
  });

  it('asks again for what a server that answers less per read left out, and asks that much from then on', async () => {
    const content = randomBytes(3_000_001);
    const file = await fileWith('capped.bin', content);
    try {
      const { readAt, stats } = serverLike(file, 30_000);
      expect((await all(readAhead(readAt, content.length, { chunkSize: 64 * 1024, window: 8 }))).equals(content)).toBe(true);
      // Only the first window's reads are split (up to three asks each for 64 KiB); the rest ask 30,000
      // bytes at once. Splitting every read would take three asks per 64 KiB: 138 here.
      expect(stats.asked.length).toBeLessThanOrEqual(Math.ceil(content.length / 30_000) + 2 * 8 + 1);
      expect(stats.asked.slice(-10).every((read) => read.length <= 30_000)).toBe(true);
    } finally {
      await file.close();
    }
  });

  it('reads a file that grew since it was opened to its new end, and ends a shorter one where it ends', async () => {
    const content = randomBytes(300_000);
    const grown = Buffer.concat([content, randomBytes(200_000)]);
    const file = await fileWith('grown.bin', content);
    try {
      await appendFile(join(dir, 'grown.bin'), grown.subarray(content.length));
      const { readAt } = serverLike(file, 1 << 20);
      expect((await all(readAhead(readAt, content.length, { chunkSize: 64 * 1024, window: 4 }))).equals(grown)).toBe(true);
      // Planned for more than the file holds: what it holds, then the end.
      expect((await all(readAhead(readAt, grown.length + 100_000, { chunkSize: 64 * 1024, window: 4 }))).equals(grown)).toBe(true);
      expect((await all(readAhead(readAt, 0, { chunkSize: 64 * 1024, window: 4 }))).equals(grown)).toBe(true);
    } finally {
      await file.close();
    }
  });

  it('a consumer that stops early returns only once the reads in flight are answered', async () => {
    const content = randomBytes(1_000_000);
    const file = await fileWith('early.bin', content);
    try {
      const { readAt, stats } = serverLike(file, 1 << 20);
      let taken = 0;
      for await (const chunk of readAhead(readAt, content.length, { chunkSize: 64 * 1024, window: 8 })) {
        expect(chunk.equals(content.subarray(taken, taken + chunk.length))).toBe(true);
        taken += chunk.length;
        // By the second chunk the window has asked for another read, not answered yet.
        if (taken > 64 * 1024) {
          expect(stats.inFlight).toBeGreaterThan(0);
          break;
        }
      }
      expect(stats.inFlight).toBe(0);
      expect(stats.asked.length).toBeLessThan(Math.ceil(content.length / (64 * 1024)));
    } finally {
      await file.close();
    }
  });

  it('a read that fails ends the reading with its error', async () => {
    const content = randomBytes(500_000);
    const file = await fileWith('failing.bin', content);
    try {
      const { readAt } = serverLike(file, 1 << 20);
      const failing: ReadAt = (offset, length) => (offset >= 128 * 1024 ? Promise.reject(new Error('No such file')) : readAt(offset, length));
      await expect(all(readAhead(failing, content.length, { chunkSize: 64 * 1024, window: 4 }))).rejects.toThrow('No such file');
    } finally {
      await file.close();
    }
  });
});
