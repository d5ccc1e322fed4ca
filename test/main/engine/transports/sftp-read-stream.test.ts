import { mkdir, writeFile } from 'node:fs/promises';
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

describe.skipIf(!sshdAvailable())('SFTP readStream against OpenSSH sshd', () => {
  let sshd: TestSshdServer;
  beforeAll(async () => {
    sshd = await startSshd();
    await mkdir(join(sshd.files, 'in'), { recursive: true });
    await writeFile(join(sshd.files, 'in', 'big.csv'), big);
    await writeFile(join(sshd.files, 'in', 'small.csv'), small);
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

  it('throws a DockhandError naming a missing file, and the connection keeps working', async () => {
    const transport = sftp();
    try {
      const failure = await failureOf(streamed(transport, 'in/gone.csv'));
      expect(failure).toBeInstanceOf(DockhandError);
      expect((failure as DockhandError).message).toContain('gone.csv');
      expect((await transport.list('in')).map((f) => f.name).sort()).toEqual(['big.csv', 'small.csv']);
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
