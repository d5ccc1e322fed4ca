import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { ftpTransportSchema } from '../../../../shared/schemas/wms.js';
import { silentLogger } from '../../../../main/engine/platform/ports.js';
import { offeredCertificate } from '../../../../main/engine/transports/ftp-certificate.js';
import { createFtpTransport } from '../../../../main/engine/transports/ftp-transport.js';
import type { Transport } from '../../../../main/engine/transports/transport.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { rejection } from '../../../support/rejection.js';
import { startVsftpd, VSFTPD_BINARY, vsftpdInstalled, type TestVsftpd } from '../../../support/vsftpd-server.js';

/**
 * The FTP transport against Debian's vsftpd (test/support/vsftpd-server.ts): plain FTP and explicit
 * FTPS with a self-signed certificate, accepted only once pinned. The in-process ftp-srv tests
 * (ftp-transport.test.ts) cover failure injection; these prove the same calls against a real server.
 */

if (!vsftpdInstalled()) throw new Error(`vsftpd is not installed at ${VSFTPD_BINARY}: apt-get install -y vsftpd (.ci/run installs it)`);

const ctx = () => ({ log: silentLogger, signal: new AbortController().signal, timeoutMs: 10_000 });

function settingsFor(server: TestVsftpd, overrides: Record<string, unknown> = {}) {
  return ftpTransportSchema.parse({
    kind: 'ftp',
    host: server.host,
    port: server.port,
    user: server.user,
    security: server.tls ? 'explicit' : 'none',
    root: server.ftpRoot,
    ...overrides,
  });
}

function transportFor(server: TestVsftpd, overrides: Record<string, unknown> = {}, password = server.password): Transport {
  return createFtpTransport(settingsFor(server, overrides), password, ctx());
}

/** A file the "warehouse" put there itself, with a given modification time. */
async function warehouseWrites(server: TestVsftpd, relative: string, text: string, at: string): Promise<void> {
  const path = server.localPath(relative);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  await utimes(path, new Date(at), new Date(at));
}

/** list, read, writeAtomic, move and exists, as the WMS connector uses them. */
function fileOperations(serverOf: () => TestVsftpd, transportOf: () => Transport) {
  it('writes a file under a temporary name and renames it, leaving only the final name', async () => {
    const server = serverOf();
    await transportOf().writeAtomic('acme/orders', 'orders-b1.csv', Buffer.from('a,b\r\n1,2\r\n'));
    expect(readFileSync(server.localPath('acme/orders/orders-b1.csv'), 'utf8')).toBe('a,b\r\n1,2\r\n');
    expect(existsSync(server.localPath('acme/orders/.orders-b1.csv.part'))).toBe(false);
  });

  it('replaces a file of the same name with the new content', async () => {
    const server = serverOf();
    await transportOf().writeAtomic('acme/orders', 'same.csv', Buffer.from('one'));
    await transportOf().writeAtomic('acme/orders', 'same.csv', Buffer.from('two'));
    expect(readFileSync(server.localPath('acme/orders/same.csv'), 'utf8')).toBe('two');
  });

  it('lists the files of a folder oldest first with size and time, without temporary names or folders', async () => {
    const server = serverOf();
    await warehouseWrites(server, 'acme/in/newer.csv', 'n', '2026-11-20T10:00:00Z');
    await warehouseWrites(server, 'acme/in/older.csv', 'old', '2026-11-20T08:00:00Z');
    await warehouseWrites(server, 'acme/in/.half.csv.part', 'x', '2026-11-20T07:00:00Z');
    await mkdir(server.localPath('acme/in/archive'), { recursive: true });
    const files = await transportOf().list('acme/in');
    expect(files).toEqual([
      { path: 'acme/in/older.csv', name: 'older.csv', size: 3, modifiedAt: '2026-11-20T08:00:00.000Z' },
      { path: 'acme/in/newer.csv', name: 'newer.csv', size: 1, modifiedAt: '2026-11-20T10:00:00.000Z' },
    ]);
  });

  it('reads a file byte for byte', async () => {
    const server = serverOf();
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x0d, 0x0a, 0xe9, 0x00, 0xff]);
    await mkdir(server.localPath('acme/read'), { recursive: true });
    await writeFile(server.localPath('acme/read/bom.csv'), bytes);
    expect(await transportOf().read('acme/read/bom.csv')).toEqual(bytes);
  });

  it('moves a file into a folder it creates, and says whether a file exists', async () => {
    const server = serverOf();
    await warehouseWrites(server, 'acme/conf/c1.csv', 'c', '2026-11-20T08:00:00Z');
    const transport = transportOf();
    expect(await transport.exists('acme/conf/c1.csv')).toBe(true);
    await transport.move('acme/conf/c1.csv', 'acme/conf/archive');
    expect(await transport.exists('acme/conf/c1.csv')).toBe(false);
    expect(await transport.exists('acme/conf/archive/c1.csv')).toBe(true);
    expect(await transport.exists('acme/no-such-folder/c1.csv')).toBe(false);
    expect(readFileSync(server.localPath('acme/conf/archive/c1.csv'), 'utf8')).toBe('c');
  });

  it('copes with a warehouse that deletes a file between the listing and the read: the read fails on that file, exists says no, and the session goes on', async () => {
    const server = serverOf();
    await warehouseWrites(server, 'acme/taken/t1.csv', 't', '2026-11-20T08:00:00Z');
    await warehouseWrites(server, 'acme/taken/t2.csv', 'u', '2026-11-20T09:00:00Z');
    const transport = transportOf();
    const listed = await transport.list('acme/taken');
    expect(listed.map((f) => f.name)).toEqual(['t1.csv', 't2.csv']);
    await rm(server.localPath('acme/taken/t1.csv'));
    const err = await rejection(transport.read('acme/taken/t1.csv'));
    expect(err.kind).toBe('data');
    expect(err.message).toContain(`${server.ftpRoot}/acme/taken/t1.csv`);
    expect(err.message).toContain('no longer');
    expect(await transport.exists('acme/taken/t1.csv')).toBe(false);
    expect((await transport.read('acme/taken/t2.csv')).toString()).toBe('u');
  });
}

describe('the FTP transport against vsftpd over plain FTP', () => {
  let server: TestVsftpd;
  let transport: Transport | undefined;
  beforeAll(async () => {
    server = await startVsftpd();
  });
  afterAll(() => server?.stop());
  afterEach(async () => {
    await transport?.close();
    transport = undefined;
  });

  fileOperations(
    () => server,
    () => (transport ??= transportFor(server)),
  );

  it('refuses a wrong password as a login problem that names the user and the server', async () => {
    transport = transportFor(server, {}, 'wrong-password');
    const err = await rejection(transport.list(''));
    expect(err.kind).toBe('auth');
    expect(err.message).toContain(`anonymous at 127.0.0.1:${server.port}`);
  });

  it('connects in passive mode for old settings that asked for active mode', async () => {
    transport = transportFor(server, { passive: false });
    await transport.writeAtomic('legacy', 'a.csv', Buffer.from('a'));
    expect(await transport.exists('legacy/a.csv')).toBe(true);
  });
});

describe('the FTP transport against vsftpd over explicit FTPS', () => {
  let server: TestVsftpd;
  let transport: Transport | undefined;
  beforeAll(async () => {
    server = await startVsftpd({ tls: true });
  });
  afterAll(() => server?.stop());
  afterEach(async () => {
    await transport?.close();
    transport = undefined;
  });

  describe('with its self-signed certificate pinned', () => {
    fileOperations(
      () => server,
      () => (transport ??= transportFor(server, { pinnedCertificate: server.certificate })),
    );
  });

  it('refuses the self-signed certificate while none is pinned, and offers its fingerprint, subject and expiry to accept', async () => {
    transport = transportFor(server);
    const err = await rejection(transport.list(''));
    expect(err.kind).toBe('config');
    expect(err.message).toContain(`The FTPS certificate of 127.0.0.1:${server.port} is not trusted by this computer: it is self-signed`);
    expect(err.message).toContain(server.certificate!.sha256);
    expect(offeredCertificate(err)).toEqual({
      sha256: server.certificate!.sha256,
      subject: 'CN=127.0.0.1, O=Dockhand test warehouse',
      issuer: 'CN=127.0.0.1, O=Dockhand test warehouse',
      validFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      validTo: server.certificate!.validTo,
      selfSigned: true,
      problem: 'self-signed',
    });
    expect(server.certificate!.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('refuses old settings that accepted any self-signed certificate, asking for a Test to accept this one', async () => {
    transport = transportFor(server, { allowSelfSigned: true });
    const err = await rejection(transport.list(''));
    expect(err.kind).toBe('config');
    expect(err.message).toContain('Dockhand no longer accepts such a certificate');
    expect(err.message).toContain('Run Test in the setup and accept this certificate');
    expect(offeredCertificate(err)?.sha256).toBe(server.certificate!.sha256);
  });

  it('refuses a server whose certificate is not the pinned one, naming both fingerprints, and offers the new one', async () => {
    const replaced = await startVsftpd({ tls: true });
    try {
      transport = transportFor(replaced, { pinnedCertificate: server.certificate });
      const err = await rejection(transport.list(''));
      expect(err.kind).toBe('config');
      expect(err.message).toContain(`The FTPS certificate of 127.0.0.1:${replaced.port} has changed`);
      expect(err.message).toContain(server.certificate!.sha256);
      expect(err.message).toContain(replaced.certificate!.sha256);
      expect(offeredCertificate(err)).toMatchObject({ sha256: replaced.certificate!.sha256, pinnedSha256: server.certificate!.sha256 });
    } finally {
      await replaced.stop();
    }
  });

  it('refuses a plain FTP login on the FTPS-only server', async () => {
    transport = transportFor(server, { security: 'none' });
    const err = await rejection(transport.list(''));
    expect(err.kind).toBe('auth');
  });
});

describe('accepting an FTPS certificate through the WMS Test', () => {
  let server: TestVsftpd;
  let t: TestEngine;
  beforeAll(async () => {
    server = await startVsftpd({ tls: true });
    t = await startTestEngine();
    await t.call('account.setup', { mode: 'fulfillment' });
  });
  afterAll(async () => {
    await t?.close();
    await server?.stop();
  });

  it('shows the untrusted certificate on Test; once accepted, the setup saves and its Test passes', async () => {
    const input = (transport: Record<string, unknown>) => ({
      settings: defaultCsvWmsSettings(settingsFor(server, transport)),
      secrets: { password: server.password },
    });
    const first = await t.call('wms.test', { wms: input({}) });
    expect(first).toMatchObject({ ok: false, certificate: { sha256: server.certificate!.sha256, selfSigned: true } });
    expect(first.message).toContain(server.certificate!.sha256);

    const offered = first.certificate!;
    const accepted = input({ pinnedCertificate: { sha256: offered.sha256, subject: offered.subject, validTo: offered.validTo } });
    expect(await t.call('wms.test', { wms: accepted })).toMatchObject({ ok: true });
    await t.call('wms.save', accepted);
    const saved = await t.call('wms.get', {});
    expect(saved.settings?.transport).toMatchObject({ pinnedCertificate: { sha256: server.certificate!.sha256 } });
    expect(await t.call('wms.test', {})).toMatchObject({ ok: true });
  });
});
