import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ftpTransportSchema } from '../../../../shared/schemas/wms.js';
import { silentLogger } from '../../../../main/engine/platform/ports.js';
import { createFtpTransport } from '../../../../main/engine/transports/ftp-transport.js';
import type { Transport } from '../../../../main/engine/transports/transport.js';
import { rejection } from '../../../support/rejection.js';
import { startVsftpd, VSFTPD_BINARY, vsftpdInstalled, type TestVsftpd } from '../../../support/vsftpd-server.js';

/**
 * Active-mode FTP (ftp-active-mode.ts) against Debian's vsftpd set to refuse passive mode, so every
 * transfer that works here went through a connection the server opened back to us: plain FTP and
 * explicit FTPS (the accepted data connection upgraded to TLS).
 */

if (!vsftpdInstalled()) throw new Error(`vsftpd is not installed at ${VSFTPD_BINARY}: apt-get install -y vsftpd (.ci/run installs it)`);

const ctx = () => ({ log: silentLogger, signal: new AbortController().signal, timeoutMs: 10_000 });

function transportFor(server: TestVsftpd, overrides: Record<string, unknown> = {}): Transport {
  const settings = ftpTransportSchema.parse({
    kind: 'ftp',
    host: server.host,
    port: server.port,
    user: server.user,
    security: server.tls ? 'explicit' : 'none',
    pinnedCertificate: server.certificate ? { sha256: server.certificate.sha256 } : undefined,
    root: server.ftpRoot,
    dataConnection: 'active',
    ...overrides,
  });
  return createFtpTransport(settings, server.password, ctx());
}

async function warehouseWrites(server: TestVsftpd, relative: string, text: string): Promise<void> {
  const path = server.localPath(relative);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

for (const tls of [false, true]) {
  describe(`FTP transport in active mode against a vsftpd that refuses passive mode (${tls ? 'explicit FTPS' : 'plain FTP'})`, () => {
    let server: TestVsftpd;
    const open: Transport[] = [];
    const transport = (overrides: Record<string, unknown> = {}) => {
      const t = transportFor(server, overrides);
      open.push(t);
      return t;
    };

    beforeAll(async () => {
      server = await startVsftpd({ tls, dataConnections: 'active-only' });
    });
    afterEach(async () => {
      await Promise.all(open.splice(0).map((t) => t.close()));
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('uploads under a temporary name and renames it, leaving only the final name', async () => {
      await transport().writeAtomic('acme/orders', 'orders-a1.csv', Buffer.from('a,b\r\n1,2\r\n'));
      expect(readFileSync(server.localPath('acme/orders/orders-a1.csv'), 'utf8')).toBe('a,b\r\n1,2\r\n');
      expect(existsSync(server.localPath('acme/orders/.orders-a1.csv.part'))).toBe(false);
    });

    it('lists a folder and downloads its files, several transfers on one connection', async () => {
      await warehouseWrites(server, 'acme/in/one.csv', 'first file');
      await warehouseWrites(server, 'acme/in/two.csv', 'x'.repeat(300_000));
      const t = transport();
      const names = (await t.list('acme/in')).map((f) => f.name).sort();
      expect(names).toEqual(['one.csv', 'two.csv']);
      expect((await t.read('acme/in/one.csv')).toString()).toBe('first file');
      expect((await t.read('acme/in/two.csv')).length).toBe(300_000);
      await t.writeAtomic('acme/in', 'three.csv', Buffer.from('third'));
      expect((await t.list('acme/in')).map((f) => f.name).sort()).toEqual(['one.csv', 'three.csv', 'two.csv']);
    });

    it('streams a download through readStream', async () => {
      await warehouseWrites(server, 'acme/stream/big.csv', 'y'.repeat(500_000));
      const chunks: Buffer[] = [];
      const stream = transport().readStream?.('acme/stream/big.csv');
      if (!stream) throw new Error('the FTP transport streams downloads');
      for await (const chunk of stream) chunks.push(chunk);
      expect(Buffer.concat(chunks).toString()).toBe('y'.repeat(500_000));
    });

    it('reports a missing file as missing, and the next transfer still works', async () => {
      const t = transport();
      const err = await rejection(t.read('acme/nowhere/none.csv'));
      expect(err.message).toContain('none.csv');
      await warehouseWrites(server, 'acme/after/ok.csv', 'ok');
      expect((await t.read('acme/after/ok.csv')).toString()).toBe('ok');
    });

    it('fails passive mode against this server with a message that points to active mode', async () => {
      await warehouseWrites(server, 'acme/passive/p.csv', 'p');
      const err = await rejection(transport({ dataConnection: 'passive' }).read('acme/passive/p.csv'));
      expect(err.message).toContain('gave no passive-mode data connection');
      expect(err.message).toContain('choose Active under Data connection');
    });
  });
}

describe('FTP transport data connection setting', () => {
  let server: TestVsftpd;
  beforeAll(async () => {
    server = await startVsftpd();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('still transfers in passive mode by default, and old settings with passive: false stay passive', async () => {
    const parsed = ftpTransportSchema.parse({ kind: 'ftp', host: server.host, port: server.port, user: server.user, root: server.ftpRoot, passive: false });
    expect(parsed.dataConnection).toBeUndefined();
    const t = createFtpTransport(parsed, server.password, ctx());
    try {
      await t.writeAtomic('acme/p', 'p.csv', Buffer.from('passive'));
      expect((await t.read('acme/p/p.csv')).toString()).toBe('passive');
    } finally {
      await t.close();
    }
  });

  it('refuses a data connection mode that is neither passive nor active', () => {
    const result = ftpTransportSchema.safeParse({ kind: 'ftp', host: 'h', user: 'u', dataConnection: 'extended' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((i) => i.path.join('.') === 'dataConnection')).toBe(true);
  });
});
