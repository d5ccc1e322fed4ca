import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Debian's vsftpd on 127.0.0.1, for the FTP/FTPS transport tests against a real server.
 *
 * - Its own config file in a temp dir, no system files touched: `run_as_launching_user=YES` runs it
 *   (and every session) as the user running the tests, root included, with no PAM and no chroot: FTP
 *   paths are this machine's paths, so clients must use `ftpRoot` (the temp folder) as their root.
 * - The login is vsftpd's anonymous user ("anonymous") with a password checked against a list
 *   (`secure_email_list_enable`), so a wrong password is refused as on a real server.
 * - `tls: true`: explicit FTPS only (AUTH TLS, plain logins refused) with a fresh self-signed
 *   certificate from `openssl req`; `require_ssl_reuse=NO` because basic-ftp's data connections do
 *   not always resume the control connection's TLS session.
 * - A free control port and a free range of passive ports on 127.0.0.1; stopped by its pid (its process
 *   group, so session processes go with it).
 */

export const VSFTPD_BINARY = process.env.DOCKHAND_VSFTPD ?? '/usr/sbin/vsftpd';

export interface VsftpdOptions {
  tls?: boolean;
  password?: string;
  /**
   * 'active-only': passive mode refused (pasv_enable=NO), active allowed (port_enable=YES) and vsftpd
   * connects back from any port rather than port 20 (connect_from_port_20=NO), which a non-root user
   * cannot bind. Default: both modes (vsftpd's own default for active).
   */
  dataConnections?: 'both' | 'active-only';
}

export interface TestVsftpd {
  host: '127.0.0.1';
  port: number;
  user: 'anonymous';
  password: string;
  tls: boolean;
  /** The server's certificate fingerprint (SHA-256, colon hex), subject and expiry, with tls. */
  certificate?: { sha256: string; subject: string; validTo: string };
  /** The temp folder files go in: its FTP path is its local path (no chroot), the settings' root. */
  ftpRoot: string;
  /** Local path of a path under ftpRoot ("acme/in/a.csv"). */
  localPath(relative: string): string;
  stop(): Promise<void>;
}

const run = promisify(execFile);

export function vsftpdInstalled(): boolean {
  return existsSync(VSFTPD_BINARY);
}

export async function startVsftpd(options: VsftpdOptions = {}): Promise<TestVsftpd> {
  const dir = await mkdtemp(join(tmpdir(), 'dockhand-vsftpd-'));
  const root = join(dir, 'root');
  const dataDir = join(root, 'data');
  await mkdir(dataDir, { recursive: true });
  const password = options.password ?? 'vsftpd-pass';
  const tls = options.tls ?? false;
  await writeFile(join(dir, 'passwords'), `${password}\n`);

  let certificate: TestVsftpd['certificate'];
  if (tls) {
    await run('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30',
      '-subj', '/CN=127.0.0.1/O=Dockhand test warehouse',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ]);
    const cert = new X509Certificate(await readFile(join(dir, 'cert.pem')));
    certificate = { sha256: cert.fingerprint256, subject: cert.subject, validTo: new Date(cert.validTo).toISOString() };
  }

  const port = await freePort();
  const pasv = await freePortRange(20);
  const config = [
    'listen=YES',
    'listen_ipv6=NO',
    'listen_address=127.0.0.1',
    `listen_port=${port}`,
    'background=NO',
    'run_as_launching_user=YES',
    // The seccomp sandbox refuses some syscalls of newer libcs; this server only ever sees the tests.
    'seccomp_sandbox=NO',
    'anonymous_enable=YES',
    'local_enable=NO',
    `anon_root=${root}`,
    'secure_email_list_enable=YES',
    `email_password_file=${join(dir, 'passwords')}`,
    'write_enable=YES',
    'anon_upload_enable=YES',
    'anon_mkdir_write_enable=YES',
    'anon_other_write_enable=YES',
    'anon_world_readable_only=NO',
    'anon_umask=022',
    ...(options.dataConnections === 'active-only'
      ? ['pasv_enable=NO', 'port_enable=YES', 'connect_from_port_20=NO']
      : ['pasv_enable=YES', 'pasv_address=127.0.0.1', `pasv_min_port=${pasv}`, `pasv_max_port=${pasv + 19}`]),
    'xferlog_enable=NO',
    `vsftpd_log_file=${join(dir, 'vsftpd.log')}`,
    ...(tls
      ? [
          'ssl_enable=YES',
          `rsa_cert_file=${join(dir, 'cert.pem')}`,
          `rsa_private_key_file=${join(dir, 'key.pem')}`,
          'allow_anon_ssl=YES',
          'force_anon_logins_ssl=YES',
          'force_anon_data_ssl=YES',
          'require_ssl_reuse=NO',
          'ssl_ciphers=HIGH',
        ]
      : []),
  ];
  const configFile = join(dir, 'vsftpd.conf');
  await writeFile(configFile, `${config.join('\n')}\n`);

  // Its own process group, so stopping it also ends the per-session processes it forks.
  const child = spawn(VSFTPD_BINARY, [configFile], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitForGreeting(port, exited, () => output);
  } catch (err) {
    await stopProcess(child, exited);
    await rm(dir, { recursive: true, force: true });
    throw err;
  }

  let stopped = false;
  return {
    host: '127.0.0.1',
    port,
    user: 'anonymous',
    password,
    tls,
    certificate,
    ftpRoot: dataDir,
    localPath: (relative) => join(dataDir, ...relative.split('/').filter(Boolean)),
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopProcess(child, exited);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function stopProcess(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  await exited;
}

/** Resolves once the server answers with its 220 greeting; rejects with its output if it exits first. */
async function waitForGreeting(port: number, exited: Promise<number | null>, output: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let attempt = 0; attempt < 100; attempt++) {
    if (gone) throw new Error(`vsftpd exited before it listened: ${output().trim() || '(no output)'}`);
    if (await greets(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`vsftpd did not answer on 127.0.0.1:${port}: ${output().trim() || '(no output)'}`);
}

function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('220'));
    });
    socket.once('error', () => resolve(false));
  });
}

function listen(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function close(servers: (Server | undefined)[]): Promise<void> {
  await Promise.all(servers.map((s) => (s ? new Promise((resolve) => s.close(resolve)) : undefined)));
}

async function freePort(): Promise<number> {
  const server = await listen(0);
  if (!server) throw new Error('No free port on 127.0.0.1');
  const { port } = server.address() as { port: number };
  await close([server]);
  return port;
}

/** The first port of `size` consecutive ports that are all free now (passive data connections). */
async function freePortRange(size: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = 10_000 + Math.floor(Math.random() * 20_000);
    const servers = await Promise.all(Array.from({ length: size }, (_, i) => listen(first + i)));
    await close(servers);
    if (servers.every(Boolean)) return first;
  }
  throw new Error(`No ${size} consecutive free ports on 127.0.0.1`);
}
