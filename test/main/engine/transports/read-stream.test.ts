import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockhandError } from '../../../../shared/errors.js';
import { ftpTransportSchema } from '../../../../shared/schemas/wms.js';
import { silentLogger } from '../../../../main/engine/platform/ports.js';
import { createFolderTransport } from '../../../../main/engine/transports/folder-transport.js';
import { createFtpTransport } from '../../../../main/engine/transports/ftp-transport.js';
import type { Transport } from '../../../../main/engine/transports/transport.js';
import { startFtpServer, type TestFtpServer } from '../../../support/ftp-server.js';

const ctx = () => ({ log: silentLogger, signal: new AbortController().signal, timeoutMs: 5000 });

async function streamed(transport: Transport, path: string): Promise<{ bytes: Buffer; chunks: number }> {
  const parts: Buffer[] = [];
  for await (const chunk of transport.readStream!(path)) parts.push(chunk);
  return { bytes: Buffer.concat(parts), chunks: parts.length };
}

/** A 3 MB file of distinct lines, so a chunk lost or repeated shows. */
const big = Buffer.from(Array.from({ length: 100_000 }, (_, i) => `row ${i},SKU-${i},${i % 7}`).join('\n'));

describe('Transport.readStream', () => {
  let root: string;
  let server: TestFtpServer;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'dockhand-read-stream-'));
    await mkdir(join(root, 'in'), { recursive: true });
    await writeFile(join(root, 'in', 'big.csv'), big);
    server = await startFtpServer({ root });
  });
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  const folder = () => createFolderTransport({ kind: 'folder', path: root }, ctx());
  const ftp = () =>
    createFtpTransport(ftpTransportSchema.parse({ kind: 'ftp', host: server.host, port: server.port, user: server.user, security: 'none', allowSelfSigned: false }), server.password, ctx());

  it.each([
    ['a folder', folder],
    ['FTP', ftp],
  ])('from %s gives the bytes read() gives, in several chunks', async (_name, make) => {
    const transport = make();
    try {
      const { bytes, chunks } = await streamed(transport, 'in/big.csv');
      expect(bytes.equals(big)).toBe(true);
      expect(chunks).toBeGreaterThan(1);
      // The connection is free again afterwards.
      expect((await transport.read('in/big.csv')).length).toBe(big.length);
    } finally {
      await transport.close();
    }
  });

  it.each([
    ['a folder', folder],
    ['FTP', ftp],
  ])('from %s throws a DockhandError naming a missing file', async (_name, make) => {
    const transport = make();
    try {
      const failure = await streamed(transport, 'in/gone.csv').then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(failure).toBeInstanceOf(DockhandError);
      expect((failure as DockhandError).message).toContain('gone.csv');
      expect((await transport.list('in')).map((f) => f.name)).toEqual(['big.csv']);
    } finally {
      await transport.close();
    }
  });

  it('from FTP, a reader that stops early leaves the connection usable', async () => {
    const transport = ftp();
    try {
      for await (const chunk of transport.readStream!('in/big.csv')) {
        expect(chunk.length).toBeGreaterThan(0);
        break;
      }
      expect((await transport.read('in/big.csv')).equals(big)).toBe(true);
    } finally {
      await transport.close();
    }
  });
});
