import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isDockhandError, type DockhandError } from '../../../../shared/errors.js';
import { sftpTransportSchema } from '../../../../shared/transports/sftp.js';
import type { TransportSecrets } from '../../../../shared/transports/index.js';
import { silentLogger } from '../../../../main/engine/platform/ports.js';
import type { ServerIdentityWitness } from '../../../../main/engine/transports/registry.js';
import { createSftpTransport, type SftpTransportOptions } from '../../../../main/engine/transports/sftp-transport.js';
import type { Transport } from '../../../../main/engine/transports/transport.js';
import { startPasswordSshServer, type TestPasswordSshServer } from '../../../support/ssh-password-server.js';
import { sshdAvailable, startSshd, type TestSshdServer } from '../../../support/sshd-server.js';

const run = promisify(execFile);

interface Connect {
  settings?: Record<string, unknown>;
  secrets?: TransportSecrets;
  identity?: ServerIdentityWitness;
  options?: SftpTransportOptions;
}

async function failure(promise: Promise<unknown>): Promise<DockhandError> {
  try {
    await promise;
  } catch (err) {
    if (isDockhandError(err)) return err;
    throw err;
  }
  throw new Error('expected a DockhandError, but it succeeded');
}

async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const opened: Transport[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((t) => t.close()));
});

describe.skipIf(!sshdAvailable())('SFTP transport against OpenSSH sshd', () => {
  let sshd: TestSshdServer;
  beforeAll(async () => {
    sshd = await startSshd();
  });
  afterAll(() => sshd?.stop());

  function transport({ settings = {}, secrets, identity, options }: Connect = {}): Transport {
    const parsed = sftpTransportSchema.parse({
      kind: 'sftp',
      host: sshd.host,
      port: sshd.port,
      user: sshd.user,
      auth: 'key',
      root: sshd.files,
      hostKeyFingerprint: sshd.hostKeyFingerprint,
      ...settings,
    });
    const t = createSftpTransport(parsed, secrets ?? { privateKey: sshd.clientKey }, { log: silentLogger, signal: new AbortController().signal, timeoutMs: 10_000, identity }, options);
    opened.push(t);
    return t;
  }

  const local = (...parts: string[]) => join(sshd.files, ...parts);

  it('writes under a temporary name and renames, so the final name never shows a partial file', async () => {
    const sftp = transport();
    let atRename: { temp: boolean; final: boolean } | undefined;
    await sftp.writeAtomic('acme/orders', 'orders-b1.csv', Buffer.from('a,b\r\n1,2\r\n'), {
      beforeRename: async () => {
        atRename = { temp: existsSync(local('acme/orders/.orders-b1.csv.part')), final: existsSync(local('acme/orders/orders-b1.csv')) };
      },
    });
    expect(atRename).toEqual({ temp: true, final: false });
    expect(readFileSync(local('acme/orders/orders-b1.csv'), 'utf8')).toBe('a,b\r\n1,2\r\n');
    expect(existsSync(local('acme/orders/.orders-b1.csv.part'))).toBe(false);
  });

  it('replaces a file of the same name, with posix-rename and where only a plain rename is used (OpenSSH refuses it onto an existing file)', async () => {
    await transport().writeAtomic('replace', 'same.csv', Buffer.from('first'));
    await transport().writeAtomic('replace', 'same.csv', Buffer.from('second'));
    expect(await readFile(local('replace/same.csv'), 'utf8')).toBe('second');
    await transport({ options: { posixRename: false } }).writeAtomic('replace', 'same.csv', Buffer.from('third'));
    expect(await readFile(local('replace/same.csv'), 'utf8')).toBe('third');
    await rm(local('replace'), { recursive: true });
  });

  it('lists regular files oldest first, skipping temporary files and subfolders, and reads them', async () => {
    await mkdir(local('in/archive'), { recursive: true });
    await writeFile(local('in/new.csv'), 'new');
    await writeFile(local('in/old.csv'), 'old!');
    await writeFile(local('in/.upload.csv.part'), 'half');
    await utimes(local('in/old.csv'), new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    await utimes(local('in/new.csv'), new Date('2026-02-01T00:00:00Z'), new Date('2026-02-01T00:00:00Z'));
    const sftp = transport();
    const files = await sftp.list('in');
    expect(files).toEqual([
      { path: 'in/old.csv', name: 'old.csv', size: 4, modifiedAt: '2026-01-01T00:00:00.000Z' },
      { path: 'in/new.csv', name: 'new.csv', size: 3, modifiedAt: '2026-02-01T00:00:00.000Z' },
    ]);
    expect((await sftp.read('in/old.csv')).toString()).toBe('old!');
  });

  it('moves a file into a folder it creates, replacing a same-named file there, and says what exists', async () => {
    await mkdir(local('box/archive'), { recursive: true });
    await writeFile(local('box/f.csv'), 'fresh');
    await writeFile(local('box/archive/f.csv'), 'stale');
    await writeFile(local('box/g.csv'), 'g');
    const sftp = transport();
    expect(await sftp.exists('box/f.csv')).toBe(true);
    await sftp.move('box/f.csv', 'box/archive');
    await sftp.move('box/g.csv', 'box/error');
    expect(await readFile(local('box/archive/f.csv'), 'utf8')).toBe('fresh');
    expect(await readFile(local('box/error/g.csv'), 'utf8')).toBe('g');
    expect(await sftp.exists('box/f.csv')).toBe(false);
    expect(await sftp.exists('no/such/folder/f.csv')).toBe(false);
    expect(await sftp.exists('box/archive')).toBe(false); // a folder is not a file
  });

  it('names a missing folder as a setup problem, and a Test creates the folders and proves it may write there', async () => {
    const missing = await failure(transport().list('nowhere'));
    expect(missing.kind).toBe('config');
    expect(missing.message).toBe(`Folder "${local('nowhere')}" does not exist on SFTP server 127.0.0.1:${sshd.port} (while listing)`);
    await transport().test(['t/orders', 't/confirmations']);
    expect(existsSync(local('t/orders'))).toBe(true);
    expect(existsSync(local('t/confirmations'))).toBe(true);
    // The write probe is gone again.
    expect(await run('ls', ['-A', local('t/orders')]).then((r) => r.stdout)).toBe('');
  });

  it('logs in with a key protected by a passphrase, and says so when the passphrase is missing or wrong', async () => {
    const keyFile = join(sshd.dir, 'locked_key');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'open sesame', '-C', 'locked', '-f', keyFile]);
    await appendFile(join(sshd.dir, 'authorized_keys'), await readFile(`${keyFile}.pub`));
    const privateKey = await readFile(keyFile, 'utf8');
    await transport({ secrets: { privateKey, passphrase: 'open sesame' } }).test(['']);
    const missing = await failure(transport({ secrets: { privateKey } }).list(''));
    expect(missing).toMatchObject({ kind: 'config', message: 'The private key is protected by a passphrase: enter its passphrase too' });
    const wrong = await failure(transport({ secrets: { privateKey, passphrase: 'nope' } }).list(''));
    expect(wrong).toMatchObject({ kind: 'config', message: 'The passphrase does not open the private key: check the passphrase' });
  });

  it('refuses a key the server does not list as an auth problem, in plain words', async () => {
    const refused = await failure(transport({ secrets: { privateKey: sshd.strangerKey } }).list(''));
    expect(refused.kind).toBe('auth');
    expect(refused.message).toBe(
      `SFTP server 127.0.0.1:${sshd.port} refused the private key for user ${sshd.user}: the key's public half must be in that user's authorized keys on the server (or check the user name)`,
    );
  });

  it('does not connect to a server whose key nobody confirmed, except for a Test, which reports the key as ssh-keygen shows it', async () => {
    const unconfirmed = await failure(transport({ settings: { hostKeyFingerprint: undefined } }).list(''));
    expect(unconfirmed).toMatchObject({
      kind: 'config',
      message: `The key of SFTP server 127.0.0.1:${sshd.port} is not confirmed yet: press Test connection where it is set up (the WMS setup, or the order source's connection), check the key it shows, trust it and save`,
    });
    const seen: string[] = [];
    await transport({ settings: { hostKeyFingerprint: undefined }, identity: { allowUnconfirmed: true, seen: (f) => seen.push(f) } }).test(['']);
    expect(seen).toEqual([sshd.hostKeyFingerprint]);
  });

  it('refuses a server on the same address with another host key before sending any credential, naming both keys', async () => {
    const pinned = sshd.hostKeyFingerprint;
    // Against the pinned server a login shows in sshd's log: the check below can see one.
    await transport().list('');
    expect(sshd.log()).toContain('userauth-request');

    await sshd.restart({ newHostKey: true });
    expect(sshd.hostKeyFingerprint).not.toBe(pinned);
    const refused = await failure(transport({ settings: { hostKeyFingerprint: pinned } }).list(''));
    expect(refused.kind).toBe('config');
    expect(refused.message).toBe(
      `The SFTP server's identity changed: 127.0.0.1:${sshd.port} showed the key ${sshd.hostKeyFingerprint}, but the key saved for it is ${pinned}. ` +
        'Dockhand sent no password or key. If your IT changed the server, clear the saved key where the server is set up (Forget), then test and save again; ' +
        'if not, someone may be posing as the server: tell your IT before going on.',
    );
    // The new server saw the connection but never a login request.
    expect(sshd.log()).toContain('Connection from 127.0.0.1');
    expect(sshd.log()).not.toContain('userauth-request');
  });
});

describe('SFTP password login against an in-process SSH server', () => {
  let server: TestPasswordSshServer;
  beforeAll(async () => {
    server = await startPasswordSshServer();
  });
  afterAll(() => server?.stop());

  async function serverKey(): Promise<string> {
    const seen: string[] = [];
    const probe = createSftpTransport(
      sftpTransportSchema.parse({ kind: 'sftp', host: server.host, port: server.port, user: server.user }),
      { password: server.password },
      { log: silentLogger, signal: new AbortController().signal, identity: { allowUnconfirmed: true, seen: (f) => seen.push(f) } },
    );
    await probe.list('').finally(() => probe.close());
    return seen[0];
  }

  function transport(password: string, hostKeyFingerprint: string): Transport {
    const settings = sftpTransportSchema.parse({ kind: 'sftp', host: server.host, port: server.port, user: server.user, auth: 'password', hostKeyFingerprint });
    const t = createSftpTransport(settings, { password }, { log: silentLogger, signal: new AbortController().signal, timeoutMs: 10_000 });
    opened.push(t);
    return t;
  }

  it('logs in with the password and lists the folder', async () => {
    const files = await transport(server.password, await serverKey()).list('');
    expect(files.map((f) => f.name)).toEqual([server.fileName]);
  });

  it('says a refused password is wrong, as an auth problem', async () => {
    const refused = await failure(transport('wrong', await serverKey()).list(''));
    expect(refused.kind).toBe('auth');
    expect(refused.message).toBe(`SFTP login refused for user ${server.user} at 127.0.0.1:${server.port}: the password is wrong, or that user may not log in`);
  });

  it('never sends the password to a server whose key is not the saved one', async () => {
    server.attempts.length = 0;
    const other = 'SHA256:' + 'A'.repeat(43);
    const refused = await failure(transport(server.password, other).list(''));
    expect(refused.message).toMatch(/^The SFTP server's identity changed: /);
    expect(server.attempts).toEqual([]);
  });

  it('says the user may not write to the folder, as a setup problem, on a Test and on an upload', async () => {
    const key = await serverKey();
    const onTest = await failure(transport(server.password, key).test(['']));
    expect(onTest).toMatchObject({
      kind: 'config',
      message: `SFTP user ${server.user} may not write to "/" on 127.0.0.1:${server.port}: permission denied (ask for write permission on that folder)`,
    });
    const onUpload = await failure(transport(server.password, key).writeAtomic('', 'orders-1.csv', Buffer.from('x')));
    expect(onUpload).toMatchObject({
      kind: 'config',
      message: `SFTP user ${server.user} may not write to "/orders-1.csv" on 127.0.0.1:${server.port}: permission denied (ask for write permission on that folder)`,
    });
  });

  it('reports a server that is not there as worth another try later', async () => {
    const port = await unusedPort();
    const settings = sftpTransportSchema.parse({ kind: 'sftp', host: '127.0.0.1', port, user: 'x', hostKeyFingerprint: 'SHA256:' + 'B'.repeat(43) });
    const t = createSftpTransport(settings, { password: 'p' }, { log: silentLogger, signal: new AbortController().signal, timeoutMs: 5000 });
    opened.push(t);
    const refused = await failure(t.list(''));
    expect(refused).toMatchObject({ kind: 'transient', message: `SFTP server 127.0.0.1:${port} refused the connection: is it running, and is the port right?` });
  });
});
