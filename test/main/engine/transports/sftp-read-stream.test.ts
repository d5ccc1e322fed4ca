import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockhandError } from '../../../../shared/errors.js';
import { sftpTransportSchema } from '../../../../shared/transports/sftp.js';
import { silentLogger } from '../../../../main/engine/platform/ports.js';
import { createSftpTransport } from '../../../../main/engine/transports/sftp-transport.js';
import type { Transport } from '../../../../main/engine/transports/transport.js';
import { sshdAvailable, startSshd, type TestSshdServer } from '../../../support/sshd-server.js';

async function streamed(transport: Transport, path: string): Promise<{ bytes: Buffer; chunks: number }> {
  const parts: Buffer[] = [];
  for await (const chunk of transport.readStream!(path)) parts.push(chunk);
  return { bytes: Buffer.concat(parts), chunks: parts.length };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (err: unknown) => err,
  );
}

/** A 3 MB file of distinct lines, so a chunk lost or repeated shows. */
const big = Buffer.from(Array.from({ length: 100_000 }, (_, i) => `row ${i},SKU-${i},${i % 7}`).join('\n'));
const small = Buffer.from('order,tracking\n1001,1Z999\n');
/** 5 MB and a bit: no multiple of the 64 KiB read, so the last read is a short one. */
const large = randomBytes(5 * 1024 * 1024 + 12_345);

/** Processes of ours that hold `file` open (sftp-server keeps a file open while its handle is). */
async function openersOf(file: string): Promise<number> {
  let found = 0;
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
    for (const fd of fds) {
      if ((await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')) === file) found++;
    }
  }
  return found;
}

describe.skipIf(!sshdAvailable())('SFTP readStream against OpenSSH sshd', () => {
  let sshd: TestSshdServer;
  beforeAll(async () => {
    sshd = await startSshd();
    await mkdir(join(sshd.files, 'in'), { recursive: true });
    await writeFile(join(sshd.files, 'in', 'big.csv'), big);
    await writeFile(join(sshd.files, 'in', 'small.csv'), small);
    await writeFile(join(sshd.files, 'in', 'large.bin'), large);
    await writeFile(join(sshd.files, 'in', 'empty.csv'), '');
  });
  afterAll(() => sshd?.stop());

  function sftp(signal = new AbortController().signal): Transport {
    const settings = sftpTransportSchema.parse({
      kind: 'sftp',
      host: sshd.host,
      port: sshd.port,
      user: sshd.user,
      auth: 'key',
      root: sshd.files,
      hostKeyFingerprint: sshd.hostKeyFingerprint,
    });
    return createSftpTransport(settings, { privateKey: sshd.clientKey }, { log: silentLogger, signal, timeoutMs: 10_000 });
  }

  it('gives the bytes read() gives, in several chunks, and the connection is free afterwards', async () => {
    const transport = sftp();
    try {
      const { bytes, chunks } = await streamed(transport, 'in/big.csv');
      expect(bytes.equals(big)).toBe(true);
      expect(chunks).toBeGreaterThan(1);
      expect((await transport.read('in/big.csv')).equals(big)).toBe(true);
    } finally {
      await transport.close();
    }
  });

  it('reads a 5 MB file of a size no multiple of the read size byte for byte, through readStream and read(), and an empty and a small file too', async () => {
    const transport = sftp();
    try {
      const { bytes, chunks } = await streamed(transport, 'in/large.bin');
      expect(bytes.length).toBe(large.length);
      expect(bytes.equals(large)).toBe(true);
      expect(chunks).toBeGreaterThan(large.length / (256 * 1024));
      expect((await transport.read('in/large.bin')).equals(large)).toBe(true);
      expect((await streamed(transport, 'in/empty.csv')).bytes.length).toBe(0);
      expect((await transport.read('in/empty.csv')).length).toBe(0);
      expect((await streamed(transport, 'in/small.csv')).bytes.equals(small)).toBe(true);
      expect((await transport.read('in/small.csv')).equals(small)).toBe(true);
    } finally {
      await transport.close();
    }
  });

  it('throws a DockhandError naming a missing file, and the connection keeps working', async () => {
    const transport = sftp();
    try {
      const failure = await failureOf(streamed(transport, 'in/gone.csv'));
      expect(failure).toBeInstanceOf(DockhandError);
      expect((failure as DockhandError).message).toContain('gone.csv');
      expect((await transport.list('in')).map((f) => f.name)).toContain('big.csv');
    } finally {
      await transport.close();
    }
  });

  it('a reader that stops early releases the file, and another file is read on the same connection', async () => {
    const transport = sftp();
    try {
      for await (const chunk of transport.readStream!('in/big.csv')) {
        expect(chunk.length).toBeGreaterThan(0);
        break;
      }
      expect((await streamed(transport, 'in/small.csv')).bytes.equals(small)).toBe(true);
      expect((await transport.read('in/big.csv')).equals(big)).toBe(true);
      // Stopping early twice more leaves no handle behind that blocks a full read.
      for (let i = 0; i < 2; i++) {
        for await (const _chunk of transport.readStream!('in/big.csv')) break;
      }
      expect((await streamed(transport, 'in/big.csv')).bytes.equals(big)).toBe(true);
    } finally {
      await transport.close();
    }
  });

  it('a reader that stops in the middle of a large file, with reads still in flight, leaves no file open on the server, and the connection reads on', async () => {
    const transport = sftp();
    try {
      let taken = 0;
      for await (const chunk of transport.readStream!('in/large.bin')) {
        if (taken === 0) expect(await openersOf(join(sshd.files, 'in', 'large.bin'))).toBe(1);
        taken += chunk.length;
        if (taken >= 512 * 1024) break;
      }
      expect(await openersOf(join(sshd.files, 'in', 'large.bin'))).toBe(0);
      expect((await streamed(transport, 'in/large.bin')).bytes.equals(large)).toBe(true);
      expect(await openersOf(join(sshd.files, 'in', 'large.bin'))).toBe(0);
    } finally {
      await transport.close();
    }
  });

  it('a file cut shorter while it is read throws a transient error naming it, after the bytes it still had', async () => {
    const transport = sftp();
    const file = join(sshd.files, 'in', 'shrinking.bin');
    await writeFile(file, large);
    const cutAt = 3 * 1024 * 1024;
    const parts: Buffer[] = [];
    try {
      const failure = await failureOf(
        (async () => {
          for await (const chunk of transport.readStream!('in/shrinking.bin')) {
            parts.push(chunk);
            // Reads ahead reach at most about 2 MB by now: the rest is read from the shorter file.
            if (parts.length === 1) await truncate(file, cutAt);
          }
        })(),
      );
      expect(failure).toBeInstanceOf(DockhandError);
      expect((failure as DockhandError).kind).toBe('transient');
      expect((failure as DockhandError).message).toContain('shrinking.bin');
      expect((failure as DockhandError).message).toContain(`ended after ${cutAt} of its ${large.length} bytes`);
      expect(Buffer.concat(parts).equals(large.subarray(0, cutAt))).toBe(true);
      // The connection is usable afterwards, and the handle was closed.
      expect((await transport.read('in/shrinking.bin')).equals(large.subarray(0, cutAt))).toBe(true);
      expect(await openersOf(file)).toBe(0);
    } finally {
      await transport.close();
    }
  });

  it('a transfer cut short by a lost connection throws after the last chunk instead of ending quietly', async () => {
    const cancel = new AbortController();
    const transport = sftp(cancel.signal);
    const parts: Buffer[] = [];
    try {
      const failure = await failureOf(
        (async () => {
          for await (const chunk of transport.readStream!('in/big.csv')) {
            parts.push(chunk);
            // Cancelling closes the connection under the running transfer.
            if (parts.length === 1) cancel.abort();
          }
        })(),
      );
      expect(failure).toBeInstanceOf(DockhandError);
      expect(parts.length).toBeGreaterThan(0);
      expect(Buffer.concat(parts).length).toBeLessThan(big.length);
    } finally {
      await transport.close();
    }
  });
});
