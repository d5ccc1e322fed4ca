import { X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import type { AddressInfo, Server, Socket } from 'node:net';
import { FileSystem, FtpSrv, type FtpConnection } from 'ftp-srv';
import { generate } from 'selfsigned';

/**
 * A real FTP server (ftp-srv) on 127.0.0.1 for tests, the crash test and the benchmark.
 *
 * - Control port and passive data ports are ephemeral (port 0), so parallel test workers and a
 *   parent process holding a server for a child never collide on a fixed port range.
 * - Explicit FTPS (AUTH TLS) with a self-signed certificate when `tls: true`.
 * - Failure injection: `dropNextUpload()` cuts the next STOR after its first bytes arrive
 *   (data and control connections destroyed, no 226 reply), as a network drop would;
 *   `dropAfterNextRename()` renames the file and then cuts the connection before the reply, so the
 *   client cannot know the rename happened (as a drop or a crash right after it).
 * - ftp-srv installs SIGINT/SIGTERM/SIGQUIT handlers that call process.exit(); they are removed
 *   so a process that hosts this server keeps its own shutdown behaviour.
 */

export interface StartFtpServerOptions {
  /** Folder served as "/"; a fresh temp dir (removed on close) when omitted. */
  root?: string;
  user?: string;
  password?: string;
  /** Offer explicit FTPS (AUTH TLS) with a self-signed certificate. */
  tls?: boolean;
  /**
   * false: RNTO onto an existing file fails with 550, as some servers (IIS-style) do, so clients must
   * delete the target first. Default true (POSIX rename replaces).
   */
  renameOverwrites?: boolean;
  /** Also let "anonymous" in with no password, as servers that allow anonymous FTP do. */
  anonymous?: boolean;
}

export interface TestFtpServer {
  host: '127.0.0.1';
  port: number;
  /** Local folder behind "/". */
  root: string;
  user: string;
  password: string;
  tls: boolean;
  /** With tls: the certificate's SHA-256 fingerprint (colon hex), to pin it as a user who accepted it would. */
  certificateSha256?: string;
  /** Client paths of every STOR begun, in order ("/acme/orders/.orders-b1.csv.part"). */
  readonly uploads: string[];
  /** Client paths of every rename target, in order. */
  readonly renames: string[];
  /** Logins accepted so far (a reconnect shows as a second login). */
  readonly logins: number;
  /** Called synchronously when a STOR begins, before any byte is written. */
  onUpload(listener: (clientPath: string, localPath: string) => void): () => void;
  /** The next STOR is cut off after its first chunk: both connections destroyed, no reply. */
  dropNextUpload(): void;
  /** The next RNTO is carried out, then the control connection is destroyed before the reply. */
  dropAfterNextRename(): void;
  /**
   * Called when a rename has been carried out, before the client is answered; a returned promise
   * holds the answer back until it settles (a test can act "between the rename and the reply").
   */
  onRename(listener: (clientPath: string) => void | Promise<void>): () => void;
  /** Destroy every open client connection now (an idle drop, e.g. a server restart). */
  dropAllConnections(): void;
  /**
   * With tls: new TLS connections, the data connections of open sessions included, show another
   * self-signed certificate from now on (as a machine in the middle would); returns its fingerprint.
   */
  showOtherCertificate(): Promise<string>;
  /** Local path of a client path ("/a/b.csv" -> <root>/a/b.csv). */
  localPath(clientPath: string): string;
  close(): Promise<void>;
}

interface Hooks {
  dropArmed: boolean;
  dropAfterRenameArmed: boolean;
  renameListeners: Set<(clientPath: string) => void | Promise<void>>;
  renameOverwrites: boolean;
  uploads: string[];
  renames: string[];
  listeners: Set<(clientPath: string, localPath: string) => void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGQUIT'] as const;

const quietLog = {
  child: () => quietLog,
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  fatal: () => {},
};

let certificate: Promise<{ key: string; cert: string }> | undefined;

/** One self-signed certificate per process: RSA key generation is the slow part. */
function selfSignedCertificate(): Promise<{ key: string; cert: string }> {
  certificate ??= generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return certificate;
}

class InstrumentedFileSystem extends FileSystem {
  constructor(
    connection: FtpConnection,
    options: { root: string; cwd: string },
    private readonly hooks: Hooks,
  ) {
    super(connection, options);
  }

  override write(fileName: string, options?: { append?: boolean; start?: unknown }) {
    const result = super.write(fileName, options) as { stream: NodeJS.WritableStream & { path: string }; clientPath: string };
    this.hooks.uploads.push(result.clientPath);
    for (const listener of this.hooks.listeners) listener(result.clientPath, String(result.stream.path));
    if (this.hooks.dropArmed) {
      this.hooks.dropArmed = false;
      const connection = this.connection as unknown as { connector: { socket: Socket | null }; commandSocket: Socket };
      const dataSocket = connection.connector.socket;
      const cut = () => {
        dataSocket?.destroy();
        connection.commandSocket.destroy();
      };
      // STOR calls write() once the data connection is up; cut after the first chunk lands on disk.
      if (dataSocket) dataSocket.once('data', cut);
      else cut();
    }
    return result;
  }

  override async rename(from: string, to: string) {
    if (!this.hooks.renameOverwrites) {
      const target = (this as unknown as { _resolvePath(p: string): { fsPath: string } })._resolvePath(to).fsPath;
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (exists) throw new Error('Cannot rename: target exists');
    }
    await super.rename(from, to);
    const clientPath = (this as unknown as { _resolvePath(p: string): { clientPath: string } })._resolvePath(to).clientPath;
    this.hooks.renames.push(to);
    for (const listener of [...this.hooks.renameListeners]) await listener(clientPath);
    if (this.hooks.dropAfterRenameArmed) {
      this.hooks.dropAfterRenameArmed = false;
      (this.connection as unknown as { commandSocket: Socket }).commandSocket.destroy();
    }
  }
}

export async function startFtpServer(options: StartFtpServerOptions = {}): Promise<TestFtpServer> {
  const ownRoot = options.root === undefined;
  const root = resolvePath(options.root ?? (await mkdtemp(join(tmpdir(), 'dockhand-ftp-'))));
  await mkdir(root, { recursive: true });
  const user = options.user ?? 'dockhand';
  const password = options.password ?? 'secret-pass';
  const useTls = options.tls ?? false;
  const tlsCertificate = useTls ? await selfSignedCertificate() : undefined;
  const hooks: Hooks = {
    dropArmed: false,
    dropAfterRenameArmed: false,
    renameListeners: new Set(),
    renameOverwrites: options.renameOverwrites ?? true,
    uploads: [],
    renames: [],
    listeners: new Set(),
  };
  let logins = 0;

  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const server = new FtpSrv({
    url: 'ftp://127.0.0.1:0',
    pasv_url: '127.0.0.1',
    // 0..0: every passive data server listens on an ephemeral port chosen by the OS.
    pasv_min: 0,
    pasv_max: 0,
    anonymous: options.anonymous === true,
    greeting: 'Dockhand test FTP server',
    tls: tlsCertificate ?? false,
    log: quietLog,
  });
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }

  server.on('login', ({ connection, username, password: given }, resolve, reject) => {
    const anonymous = options.anonymous === true && username === 'anonymous';
    if (!anonymous && (username !== user || given !== password)) return reject(new Error('Login incorrect'));
    logins++;
    resolve({ fs: new InstrumentedFileSystem(connection, { root, cwd: '/' }, hooks) as unknown as FileSystem });
  });
  // Client sockets reset mid-transfer are expected in failure tests; ftp-srv reports them here.
  server.on('client-error', () => {});

  await server.listen();
  const inner = (server as unknown as { server: Server; connections: Record<string, { commandSocket: Socket }> });
  const port = (inner.server.address() as AddressInfo).port;

  let closed = false;
  return {
    host: '127.0.0.1',
    port,
    root,
    user,
    password,
    tls: useTls,
    certificateSha256: tlsCertificate ? new X509Certificate(tlsCertificate.cert).fingerprint256 : undefined,
    uploads: hooks.uploads,
    renames: hooks.renames,
    get logins() {
      return logins;
    },
    onUpload(listener) {
      hooks.listeners.add(listener);
      return () => hooks.listeners.delete(listener);
    },
    dropNextUpload() {
      hooks.dropArmed = true;
    },
    dropAfterNextRename() {
      hooks.dropAfterRenameArmed = true;
    },
    onRename(listener) {
      hooks.renameListeners.add(listener);
      return () => hooks.renameListeners.delete(listener);
    },
    dropAllConnections() {
      for (const connection of Object.values(inner.connections)) connection.commandSocket.destroy();
    },
    async showOtherCertificate() {
      const other = await generate([{ name: 'commonName', value: 'someone-else' }], { keySize: 2048, algorithm: 'sha256' });
      // ftp-srv reads its TLS options afresh for every passive data server.
      (server as unknown as { options: { tls: unknown } }).options.tls = { key: other.private, cert: other.cert };
      return new X509Certificate(other.cert).fingerprint256;
    },
    localPath(clientPath: string) {
      return join(root, ...clientPath.split('/').filter(Boolean));
    },
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      if (ownRoot) await rm(root, { recursive: true, force: true });
    },
  };
}
