import { existsSync, readFileSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ftpTransportSchema } from '../../../../shared/schemas/wms.js';
import { silentLogger } from '../../../../main/engine/platform/ports.js';
import { offeredCertificate } from '../../../../main/engine/transports/ftp-certificate.js';
import { createFtpTransport } from '../../../../main/engine/transports/ftp-transport.js';
import type { Transport } from '../../../../main/engine/transports/transport.js';
import { startFtpServer, type TestFtpServer } from '../../../support/ftp-server.js';
import { rejection } from '../../../support/rejection.js';

const ctx = () => ({ log: silentLogger, signal: new AbortController().signal, timeoutMs: 5000 });

function transportFor(server: TestFtpServer, overrides: Record<string, unknown> = {}, password = server.password): Transport {
  const settings = ftpTransportSchema.parse({
    kind: 'ftp',
    host: server.host,
    port: server.port,
    user: server.user,
    security: server.tls ? 'explicit' : 'none',
    ...(server.certificateSha256 ? { pinnedCertificate: { sha256: server.certificateSha256 } } : {}),
    ...overrides,
  });
  return createFtpTransport(settings, password, ctx());
}


async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('FTP transport against a real FTP server', () => {
  let server: TestFtpServer;
  let transport: Transport;
  beforeAll(async () => {
    server = await startFtpServer();
  });
  afterAll(() => server.close());
  afterEach(() => transport?.close());

  it('uploads under a temporary name and renames, so the final name never shows a partial file', async () => {
    transport = transportFor(server);
    const seen: { path: string; finalExisted: boolean }[] = [];
    const stop = server.onUpload((path) => seen.push({ path, finalExisted: existsSync(server.localPath('/acme/orders/orders-b1.csv')) }));
    await transport.writeAtomic('acme/orders', 'orders-b1.csv', Buffer.from('a,b\r\n1,2\r\n'));
    stop();
    expect(seen).toEqual([{ path: '/acme/orders/.orders-b1.csv.part', finalExisted: false }]);
    expect(readFileSync(server.localPath('/acme/orders/orders-b1.csv'), 'utf8')).toBe('a,b\r\n1,2\r\n');
    expect(existsSync(server.localPath('/acme/orders/.orders-b1.csv.part'))).toBe(false);
  });

  it('fails a dropped upload as transient without a final file, then sends the same name complete on the next try', async () => {
    transport = transportFor(server);
    const content = Buffer.alloc(2 * 1024 * 1024, 'x');
    server.dropNextUpload();
    const err = await rejection(transport.writeAtomic('drop/orders', 'orders-b2.csv', content));
    expect(err.kind).toBe('transient');
    expect(err.message).toContain(`${server.host}:${server.port}`);
    expect(existsSync(server.localPath('/drop/orders/orders-b2.csv'))).toBe(false);

    await transport.writeAtomic('drop/orders', 'orders-b2.csv', content);
    expect(readFileSync(server.localPath('/drop/orders/orders-b2.csv')).equals(content)).toBe(true);
  });

  it('replaces the file when a batch is resent under the same name', async () => {
    transport = transportFor(server);
    await transport.writeAtomic('resend', 'orders-b3.csv', Buffer.from('first'));
    await transport.writeAtomic('resend', 'orders-b3.csv', Buffer.from('second'));
    expect(readFileSync(server.localPath('/resend/orders-b3.csv'), 'utf8')).toBe('second');
  });

  it('lists regular files oldest first, skipping temporary files and subfolders', async () => {
    transport = transportFor(server);
    const dir = server.localPath('/acme/confirmations');
    await mkdir(join(dir, 'archive'), { recursive: true });
    await writeFile(join(dir, 'b.csv'), 'bbb');
    await writeFile(join(dir, 'a.csv'), 'a');
    await writeFile(join(dir, '.c.csv.part'), 'partial');
    await writeFile(join(dir, 'd.csv.tmp'), 'partial');
    await utimes(join(dir, 'b.csv'), new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    await utimes(join(dir, 'a.csv'), new Date('2026-01-02T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));

    const files = await transport.list('acme/confirmations');
    expect(files).toEqual([
      { path: 'acme/confirmations/b.csv', name: 'b.csv', size: 3, modifiedAt: '2026-01-01T00:00:00.000Z' },
      { path: 'acme/confirmations/a.csv', name: 'a.csv', size: 1, modifiedAt: '2026-01-02T00:00:00.000Z' },
    ]);
    expect((await transport.read('acme/confirmations/b.csv')).toString()).toBe('bbb');
  });

  it('moves files into archive and error subfolders, replacing a same-named file there', async () => {
    transport = transportFor(server);
    const dir = server.localPath('/moves');
    await mkdir(join(dir, 'archive'), { recursive: true });
    await writeFile(join(dir, 'archive', 'x.csv'), 'old');
    await writeFile(join(dir, 'x.csv'), 'new');
    await writeFile(join(dir, 'y.csv'), 'bad');

    await transport.move('moves/x.csv', 'moves/archive');
    await transport.move('moves/y.csv', 'moves/error');
    expect(readFileSync(join(dir, 'archive', 'x.csv'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'error', 'y.csv'), 'utf8')).toBe('bad');
    expect(await transport.exists('moves/x.csv')).toBe(false);
    expect(await transport.exists('moves/archive/x.csv')).toBe(true);
    expect(await transport.list('moves')).toEqual([]);
  });

  it('creates missing folders when testing and names a folder it cannot list', async () => {
    transport = transportFor(server);
    await transport.test(['t1/orders', 't1/confirmations']);
    expect(existsSync(server.localPath('/t1/orders'))).toBe(true);
    const err = await rejection(transport.list('t1/missing'));
    expect(err.kind).toBe('config');
    expect(err.message).toContain('Folder "/t1/missing"');
  });

  it('keeps every path under the configured root folder', async () => {
    transport = transportFor(server, { root: '/wms-root' });
    await transport.writeAtomic('acme/orders', 'f.csv', Buffer.from('x'));
    expect(existsSync(server.localPath('/wms-root/acme/orders/f.csv'))).toBe(true);
    const err = await rejection(transport.read('../escape.csv'));
    expect(err.kind).toBe('config');
  });

  it('reconnects by itself after the server dropped the connection', async () => {
    transport = transportFor(server);
    await transport.test(['reconnect']);
    const logins = server.logins;
    server.dropAllConnections();
    await transport.writeAtomic('reconnect', 'after-drop.csv', Buffer.from('ok'));
    server.dropAllConnections();
    expect(await transport.list('reconnect')).toMatchObject([{ name: 'after-drop.csv' }]);
    expect(server.logins).toBe(logins + 2);
  });

  it('reports a wrong password as an auth error naming the user and server', async () => {
    transport = transportFor(server, {}, 'wrong');
    const err = await rejection(transport.list(''));
    expect(err.kind).toBe('auth');
    expect(err.message).toContain(`FTP login refused for user ${server.user} at 127.0.0.1:${server.port}`);
  });

  it('reports a port nobody listens on as a transient error naming host and port', async () => {
    const port = await unusedPort();
    transport = createFtpTransport(ftpTransportSchema.parse({ kind: 'ftp', host: '127.0.0.1', port, user: 'u' }), 'p', ctx());
    const err = await rejection(transport.list(''));
    expect(err.kind).toBe('transient');
    expect(err.message).toContain(`127.0.0.1:${port}`);
  });

  it('connects in passive mode even when old settings asked for active mode, which basic-ftp cannot do', async () => {
    transport = transportFor(server, { passive: false });
    await transport.writeAtomic('legacy', 'active.csv', Buffer.from('x'));
    expect(await transport.exists('legacy/active.csv')).toBe(true);
  });

  it('deletes the old file first on a server that will not rename over an existing file', async () => {
    const strict = await startFtpServer({ renameOverwrites: false });
    try {
      transport = transportFor(strict);
      await transport.writeAtomic('o', 'same.csv', Buffer.from('one'));
      await transport.writeAtomic('o', 'same.csv', Buffer.from('two'));
      expect(readFileSync(strict.localPath('/o/same.csv'), 'utf8')).toBe('two');
    } finally {
      await transport.close();
      await strict.close();
    }
  });
});

describe('test FTP server', () => {
  it("leaves the hosting process's signal handlers alone", async () => {
    const before = ['SIGINT', 'SIGTERM', 'SIGQUIT'].map((s) => process.listenerCount(s));
    const server = await startFtpServer();
    try {
      expect(['SIGINT', 'SIGTERM', 'SIGQUIT'].map((s) => process.listenerCount(s))).toEqual(before);
    } finally {
      await server.close();
    }
  });
});

describe('FTP transport over explicit FTPS', () => {
  let server: TestFtpServer;
  let transport: Transport;
  beforeAll(async () => {
    server = await startFtpServer({ tls: true });
  });
  afterAll(() => server.close());
  afterEach(() => transport?.close());

  it('uploads, lists and reads over TLS when the self-signed certificate is the pinned one', async () => {
    transport = transportFor(server);
    await transport.writeAtomic('secure', 'f.csv', Buffer.from('tls'));
    expect(await transport.list('secure')).toMatchObject([{ name: 'f.csv', size: 3 }]);
    expect((await transport.read('secure/f.csv')).toString()).toBe('tls');
  });

  it('refuses an unpinned self-signed certificate before logging in, and offers its fingerprint to accept', async () => {
    const loginsBefore = server.logins;
    transport = transportFor(server, { pinnedCertificate: undefined });
    const err = await rejection(transport.list(''));
    expect(err.kind).toBe('config');
    expect(err.message).toContain(server.certificateSha256);
    expect(err.message).toContain('Run Test in the setup and accept this certificate');
    expect(offeredCertificate(err)).toMatchObject({ sha256: server.certificateSha256, subject: 'CN=127.0.0.1', selfSigned: true, problem: 'self-signed' });
    expect(server.logins).toBe(loginsBefore);
  });

  it('still refuses old settings that allowed any self-signed certificate, asking for a Test to accept it', async () => {
    transport = transportFor(server, { pinnedCertificate: undefined, allowSelfSigned: true });
    const err = await rejection(transport.list(''));
    expect(err.kind).toBe('config');
    expect(err.message).toContain('no longer accepts such a certificate');
    expect(offeredCertificate(err)?.sha256).toBe(server.certificateSha256);
  });

  it('refuses a data connection that shows another certificate than the pinned one, and sends nothing over it', async () => {
    const own = await startFtpServer({ tls: true });
    try {
      transport = transportFor(own);
      await transport.writeAtomic('mitm', 'before.csv', Buffer.from('ok'));
      const other = await own.showOtherCertificate();
      const err = await rejection(transport.writeAtomic('mitm', 'after.csv', Buffer.from('secret order data')));
      expect(err.kind).toBe('config');
      expect(err.message).toContain(own.certificateSha256);
      expect(err.message).toContain(other);
      expect(offeredCertificate(err)).toMatchObject({ sha256: other, pinnedSha256: own.certificateSha256 });
      expect(err.message).toMatch(/ask the server's administrator$/);
      const part = own.localPath('/mitm/.after.csv.part');
      expect(existsSync(part) ? readFileSync(part, 'utf8') : '').toBe('');
      expect(existsSync(own.localPath('/mitm/after.csv'))).toBe(false);
    } finally {
      await own.close();
    }
  });

  it('refuses a certificate that is not the pinned one, naming both fingerprints', async () => {
    const other = 'AB:'.repeat(31) + 'AB';
    transport = transportFor(server, { pinnedCertificate: { sha256: other, subject: 'CN=old', validTo: '2030-01-01T00:00:00.000Z' } });
    const err = await rejection(transport.list(''));
    expect(err.message).toContain('has changed');
    expect(err.message).toContain(other);
    expect(err.message).toContain(server.certificateSha256);
    expect(offeredCertificate(err)).toMatchObject({ sha256: server.certificateSha256, pinnedSha256: other });
  });
});
