import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * OpenSSH's own sshd on 127.0.0.1 for the SFTP tests: its own sshd_config, host key and authorized key
 * in a temp folder, run in the foreground (`-D -e`) as the current user, stopped by its pid.
 *
 * - Login is by key only, as the user running the tests (tests may run as root in CI: root login is
 *   allowed for this one instance, by key). Password login against a real system account would need
 *   an account with a password; see ssh-password-server.ts for that.
 * - SFTP is sshd's internal-sftp, so what the client meets is what a warehouse's OpenSSH server does
 *   (posix-rename offered, a plain rename refused onto an existing file).
 * - `restart({ newHostKey: true })` brings a server with another host key up on the same port: the
 *   "server identity changed" case.
 * - `log` is sshd's own output (LogLevel DEBUG1), so a test can see whether a client ever asked to log in.
 */

const SSHD = process.env.DOCKHAND_SSHD ?? '/usr/sbin/sshd';
const run = promisify(execFile);

export interface TestSshdServer {
  host: '127.0.0.1';
  port: number;
  user: string;
  /** The temp folder holding config, keys and `files/`, a folder the tests may use as the SFTP root. */
  dir: string;
  /** Absolute path of a folder the login user owns, to use as the transport root. */
  files: string;
  /** The authorized client key, as OpenSSH writes it (-----BEGIN OPENSSH PRIVATE KEY-----). */
  clientKey: string;
  /** A key the server does not list. */
  strangerKey: string;
  /** The server's host key fingerprint, as ssh-keygen -l shows it (SHA256:...). */
  hostKeyFingerprint: string;
  /** Everything sshd wrote since it (re)started. */
  log(): string;
  /** Stop this sshd and start another on the same port; with newHostKey, under a new host key. */
  restart(options?: { newHostKey?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

export function sshdAvailable(): boolean {
  return existsSync(SSHD);
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

async function keygen(file: string, comment: string, passphrase = ''): Promise<void> {
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', comment, '-f', file]);
}

/** The fingerprint as `ssh-keygen -lf` prints it: "256 SHA256:... comment (ED25519)". */
async function fingerprintOf(publicKeyFile: string): Promise<string> {
  const { stdout } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', publicKeyFile]);
  const found = /SHA256:[A-Za-z0-9+/]+/.exec(stdout);
  if (!found) throw new Error(`ssh-keygen printed no fingerprint: ${stdout}`);
  return found[0];
}

export async function startSshd(): Promise<TestSshdServer> {
  const dir = await mkdtemp(join(tmpdir(), 'dockhand-sshd-'));
  const files = join(dir, 'files');
  await mkdir(files);
  const user = userInfo().username;
  // Run as root, sshd wants its privilege separation folder (the Debian service creates it at boot).
  if (process.getuid?.() === 0 && !existsSync('/run/sshd')) await mkdir('/run/sshd', { recursive: true, mode: 0o755 });

  let hostKeyNo = 0;
  const hostKeyFile = () => join(dir, `host_key_${hostKeyNo}`);
  await keygen(hostKeyFile(), 'dockhand-test-host');
  await keygen(join(dir, 'client_key'), 'dockhand-test-client');
  await keygen(join(dir, 'stranger_key'), 'dockhand-test-stranger');
  await writeFile(join(dir, 'authorized_keys'), await readFile(join(dir, 'client_key.pub')));

  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = '';

  const writeConfig = () =>
    writeFile(
      join(dir, 'sshd_config'),
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${hostKeyFile()}`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
        // Only this instance, on loopback, by key: tests may run as root (CI containers).
        'PermitRootLogin yes',
        'PubkeyAuthentication yes',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'UsePAM no',
        // The temp folder's modes are not what sshd demands of a home directory.
        'StrictModes no',
        'Subsystem sftp internal-sftp',
        'LogLevel DEBUG1',
        '',
      ].join('\n'),
    );

  const start = async () => {
    await writeConfig();
    output = '';
    const started = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`Server listening on 127.0.0.1 port ${port}`)) resolve();
      };
      started.stderr?.on('data', onData);
      started.once('error', reject);
      started.once('exit', (code) => reject(new Error(`sshd exited (${code}) before listening:\n${output}`)));
    });
  };

  const stopChild = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.pid === undefined) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    process.kill(running.pid, 'SIGTERM');
    await exited;
  };

  await start();
  const server: TestSshdServer = {
    host: '127.0.0.1',
    port,
    user,
    dir,
    files,
    clientKey: await readFile(join(dir, 'client_key'), 'utf8'),
    strangerKey: await readFile(join(dir, 'stranger_key'), 'utf8'),
    hostKeyFingerprint: await fingerprintOf(`${hostKeyFile()}.pub`),
    log: () => output,
    async restart(options = {}) {
      await stopChild();
      if (options.newHostKey) {
        hostKeyNo += 1;
        await keygen(hostKeyFile(), 'dockhand-test-host-replaced');
        server.hostKeyFingerprint = await fingerprintOf(`${hostKeyFile()}.pub`);
      }
      await start();
    },
    async stop() {
      await stopChild();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return server;
}
