import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Debian's Dovecot as a real IMAP server for the e-mail transport tests: its own dovecot.conf in a temp
 * folder, listening on 127.0.0.1 and a free port, one user in a passwd-file, mail in a Maildir under the
 * temp folder ("/" as the folder separator), run in the foreground (`-F`) and stopped by its pid. Plain
 * IMAP on loopback by default; with `{ tls: true }` a self-signed certificate made with openssl is
 * offered by STARTTLS on `port` and from the first byte on `tlsPort`; with `{ separator: '.' }` the
 * folders are kept as Maildir++ (".acme.confirmations") and the server names them with dots, as many do.
 *
 * Run as root (CI containers), Dovecot refuses to keep mail as root, so the mailbox belongs to the
 * `dovecot` system user the package created; as anyone else, to the current user.
 *
 * `deliver(raw, folder)` drops a message straight into a folder's Maildir (new/), as an MDA would after
 * an SMTP server accepted it: the round trip from the in-process SMTP server (smtp-server.ts) into here.
 */

const DOVECOT = process.env.DOCKHAND_DOVECOT ?? '/usr/sbin/dovecot';
const run = promisify(execFile);

export interface TestDovecotServer {
  host: '127.0.0.1';
  port: number;
  /** IMAP over TLS from the first byte; 0 when started without TLS. */
  tlsPort: number;
  user: string;
  password: string;
  /** The user's Maildir. */
  maildir: string;
  /** Puts a message into a folder ("INBOX", "confirmations", "acme/inventory"), creating the folder. */
  deliver(raw: string | Buffer, folder?: string): Promise<void>;
  /** How many messages a folder holds (new and cur), read from the Maildir itself. */
  count(folder: string): Promise<number>;
  /** Dovecot's log since it started. */
  log(): Promise<string>;
  stop(): Promise<void>;
  /** The self-signed certificate (PEM) it presents with `{ tls: true }`; '' without. */
  certificate: string;
}

export function dovecotAvailable(): boolean {
  return existsSync(DOVECOT);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function idsOf(user: string): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/**
 * The Maildir folder of a mailbox ("acme/confirmations"): INBOX is the top; others are subfolders with
 * LAYOUT=fs, or ".acme.confirmations" in Maildir++.
 */
function folderDir(maildir: string, folder: string, separator: string): string {
  if (folder.toUpperCase() === 'INBOX') return maildir;
  return separator === '/' ? join(maildir, ...folder.split('/')) : join(maildir, `.${folder.split('/').join('.')}`);
}

let delivered = 0;

export async function startDovecot(options: { tls?: boolean; separator?: '/' | '.' } = {}): Promise<TestDovecotServer> {
  const separator = options.separator ?? '/';
  const dir = await mkdtemp(join(tmpdir(), 'dockhand-dovecot-'));
  // The login processes run as another user and must reach the sockets under base_dir.
  await chmod(dir, 0o755);
  const asRoot = process.getuid?.() === 0;
  const runner = userInfo().username;
  const mailOwner = asRoot ? await idsOf('dovecot') : { uid: userInfo().uid, gid: userInfo().gid };
  const user = 'wms';
  const password = 'imap-secret-42';
  const home = join(dir, 'home', user);
  const maildir = join(home, 'Maildir');
  await mkdir(join(dir, 'run'), { recursive: true });
  await mkdir(join(dir, 'state'), { recursive: true });
  for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(maildir, sub), { recursive: true });
  const port = await freePort();
  const tlsPort = options.tls ? await freePort() : 0;
  if (options.tls) {
    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]);
  }
  const logFile = join(dir, 'dovecot.log');

  await writeFile(join(dir, 'passwd'), `${user}:{PLAIN}${password}:${mailOwner.uid}:${mailOwner.gid}::${home}\n`);
  await writeFile(
    join(dir, 'dovecot.conf'),
    [
      'protocols = imap',
      'listen = 127.0.0.1',
      `base_dir = ${join(dir, 'run')}`,
      `state_dir = ${join(dir, 'state')}`,
      `log_path = ${logFile}`,
      ...(options.tls ? ['ssl = yes', `ssl_cert = <${join(dir, 'cert.pem')}`, `ssl_key = <${join(dir, 'key.pem')}`] : ['ssl = no']),
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      ...(asRoot ? [] : [`default_login_user = ${runner}`, `default_internal_user = ${runner}`, `default_internal_group = ${userInfo().username}`]),
      `first_valid_uid = ${Math.min(mailOwner.uid, 1)}`,
      `mail_location = maildir:${maildir}${separator === '/' ? ':LAYOUT=fs' : ''}`,
      'namespace inbox {',
      '  inbox = yes',
      `  separator = ${separator}`,
      '}',
      'service imap-login {',
      '  inet_listener imap {',
      '    address = 127.0.0.1',
      `    port = ${port}`,
      '  }',
      '  inet_listener imaps {',
      ...(options.tls ? ['    address = 127.0.0.1', `    port = ${tlsPort}`, '    ssl = yes'] : ['    port = 0']),
      '  }',
      '}',
      'service stats {',
      '  unix_listener stats-reader {',
      '    mode = 0666',
      '  }',
      '  unix_listener stats-writer {',
      '    mode = 0666',
      '  }',
      '}',
      'passdb {',
      '  driver = passwd-file',
      `  args = scheme=PLAIN username_format=%u ${join(dir, 'passwd')}`,
      '}',
      'userdb {',
      '  driver = passwd-file',
      `  args = username_format=%u ${join(dir, 'passwd')}`,
      '}',
      '',
    ].join('\n'),
  );
  if (asRoot) await run('chown', ['-R', `${mailOwner.uid}:${mailOwner.gid}`, join(dir, 'home')]);

  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForPort(port, child, () => output, logFile);

  const server: TestDovecotServer = {
    host: '127.0.0.1',
    port,
    tlsPort,
    user,
    password,
    maildir,
    async deliver(raw, folder = 'INBOX') {
      const target = folderDir(maildir, folder, separator);
      for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(target, sub), { recursive: true });
      const name = `${Date.now()}.M${++delivered}P${process.pid}.dockhand-test`;
      const file = join(target, 'new', name);
      await writeFile(file, typeof raw === 'string' ? raw.replace(/\r?\n/g, '\n') : raw);
      if (asRoot) {
        await run('chown', ['-R', `${mailOwner.uid}:${mailOwner.gid}`, join(dir, 'home')]);
        await chown(file, mailOwner.uid, mailOwner.gid);
      }
    },
    async count(folder) {
      const target = folderDir(maildir, folder, separator);
      let n = 0;
      for (const sub of ['cur', 'new']) n += (await readdir(join(target, sub)).catch(() => [])).length;
      return n;
    },
    log: () => readFile(logFile, 'utf8').catch(() => output),
    certificate: options.tls ? await readFile(join(dir, 'cert.pem'), 'utf8') : '',
    async stop() {
      if (child.exitCode === null && child.pid !== undefined) {
        process.kill(child.pid, 'SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/** Dovecot prints nothing when it is ready; the port answering is the sign. */
async function waitForPort(port: number, child: ChildProcess, output: () => string, logFile: string): Promise<void> {
  const { connect } = await import('node:net');
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      throw new Error(`dovecot exited (${child.exitCode}) before listening:\n${output()}\n${log}`);
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`dovecot did not listen on 127.0.0.1:${port}:\n${output()}`);
}
