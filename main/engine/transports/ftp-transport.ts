import { posix } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { downloadStream } from './download-stream.js';
import { Client, FTPError } from 'basic-ftp';
import type { z } from 'zod';
import { DockhandError } from '../../../shared/errors.js';
import { ftpLoginUser, type ftpTransportSchema } from '../../../shared/schemas/wms.js';
import type { Logger } from '../platform/ports.js';
import { activeModeStrategy } from './ftp-active-mode.js';
import { controlTlsOptions, UntrustedCertificateError, verifyControlCertificate } from './ftp-certificate.js';
import { isConnectionError, mapFtpError, type FtpErrorContext } from './ftp-errors.js';
import { baseName, cleanRelative, isTempName, joinRelative, oldestFirst, tempNameFor } from './remote-path.js';
import type { AtomicWriteOptions, RemoteFile, Transport } from './transport.js';

export type FtpTransportSettings = z.infer<typeof ftpTransportSchema>;

export interface FtpTransportContext {
  log: Logger;
  signal: AbortSignal;
  /** Control and data socket timeout; basic-ftp's default is 30 s. */
  timeoutMs?: number;
}

/**
 * FTP / explicit FTPS transport over basic-ftp.
 *
 * - One control connection, opened on first use and reopened by the next operation after a drop.
 *   Read-only operations (list, read, exists, test) retry once on a fresh connection when a reused
 *   one turns out dead (servers close idle sessions); uploads and moves never retry inside: a drop
 *   mid-upload fails the call, so the caller marks nothing delivered and resends the same file later.
 * - Passive mode (EPSV/PASV, basic-ftp's own) by default; active mode (EPRT/PORT, the server connects
 *   back) when the settings ask for it, through our own strategy (ftp-active-mode.ts) since basic-ftp
 *   has none. Old settings' `passive` flag is ignored (see the schema).
 * - FTPS: a certificate the system does not trust is accepted only when it is the pinned one
 *   (ftp-certificate.ts), checked before the password is sent.
 * - Operations are queued: an FTP control connection runs one command at a time.
 */
export function createFtpTransport(settings: FtpTransportSettings, password: string, ctx: FtpTransportContext): Transport {
  return new FtpTransport(settings, password, ctx);
}

type Refusal = FtpErrorContext['refusal'];

class FtpTransport implements Transport {
  private client: Client | undefined;
  /** Absolute server folder that relative paths hang off (the settings' root, resolved after login). */
  private base = '/';
  /** Folders known to exist, so uploads do not repeat MKD/CWD for every file. */
  private readonly knownDirs = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly log: Logger;

  constructor(
    private readonly settings: FtpTransportSettings,
    private readonly password: string,
    private readonly ctx: FtpTransportContext,
  ) {
    this.log = ctx.log.child({ transport: 'ftp', host: settings.host, port: settings.port });
    ctx.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Cancelling closes the sockets, which ends a running transfer at once. */
  private readonly onAbort = () => this.client?.close();

  test(folders: string[]): Promise<void> {
    return this.run('connecting', { retry: true }, async (client) => {
      for (const folder of folders) {
        await this.ensureDir(client, folder);
        await this.listAbs(client, this.abs(folder));
      }
    });
  }

  list(dir: string): Promise<RemoteFile[]> {
    return this.run('listing', { retry: true }, async (client) => {
      const absDir = this.abs(dir);
      const entries = await this.listAbs(client, absDir);
      const files: RemoteFile[] = [];
      for (const entry of entries) {
        if (!entry.isFile || isTempName(entry.name)) continue;
        const absPath = posix.join(absDir, entry.name);
        let modifiedAt = entry.modifiedAt?.toISOString();
        // Plain LIST gives minute-precision local times without a year; MDTM is exact and in UTC.
        if (!modifiedAt) modifiedAt = await client.lastMod(absPath).then((d) => (Number.isNaN(d.getTime()) ? undefined : d.toISOString()), () => undefined);
        files.push({ path: joinRelative(dir, entry.name), name: entry.name, size: entry.size, modifiedAt });
      }
      return oldestFirst(files);
    });
  }

  read(path: string): Promise<Buffer> {
    return this.run('downloading', { retry: true, path, refusal: 'file-data' }, async (client) => {
      const chunks: Buffer[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
      });
      const absPath = this.abs(path);
      try {
        await client.downloadTo(sink, absPath);
      } catch (err) {
        // A warehouse that deletes files once imported can take one between our listing and this read.
        if (err instanceof FTPError && err.code >= 500 && !(await this.existsAbs(client, absPath))) {
          throw new DockhandError(
            'data',
            `File "${absPath}" is no longer on FTP server ${this.settings.host}:${this.settings.port}: it was removed (perhaps taken by the warehouse) after it was listed`,
            { cause: err },
          );
        }
        throw err;
      }
      return Buffer.concat(chunks);
    });
  }

  /**
   * The file as it downloads, through a small buffer (basic-ftp's downloadTo a Writable, with its
   * backpressure). basic-ftp ends the stream also when the transfer fails, so the outcome of the
   * download is awaited after the last chunk: a cut transfer throws instead of passing for a short file.
   */
  async *readStream(path: string): AsyncGenerator<Buffer> {
    // The download itself is not retried (bytes may have been used), so a control connection the server
    // dropped while idle is found and replaced first, as read() would on its retry.
    await this.run('downloading', { retry: true, path, refusal: 'file-data' }, (client) => client.send('NOOP'));
    const pass = new PassThrough({ highWaterMark: 256 * 1024 });
    const done = this.run('downloading', { retry: false, path, refusal: 'file-data' }, (client) => client.downloadTo(pass, this.abs(path)));
    yield* downloadStream(pass, done);
  }

  async writeAtomic(dir: string, name: string, content: Buffer, options?: AtomicWriteOptions): Promise<void> {
    await this.prepareFolder(dir);
    return this.run('uploading', { retry: false, path: `${dir}/${name}`, refusal: 'file-config' }, async (client) => {
      const finalPath = this.abs(joinRelative(dir, name));
      const tempPath = this.abs(joinRelative(dir, tempNameFor(name)));
      await client.uploadFrom(Readable.from([content]), tempPath);
      await options?.beforeRename?.();
      this.ctx.signal.throwIfAborted();
      await this.renameOver(client, tempPath, finalPath);
      this.log.log('info', 'Uploaded file', { file: finalPath, bytes: content.length });
    });
  }

  async move(path: string, toDir: string): Promise<void> {
    await this.prepareFolder(toDir);
    return this.run('moving', { retry: false, path, refusal: 'file-config' }, async (client) => {
      const from = this.abs(path);
      const to = this.abs(joinRelative(toDir, baseName(path)));
      await this.renameOver(client, from, to);
      this.log.log('info', 'Moved file', { from, to });
    });
  }

  exists(path: string): Promise<boolean> {
    return this.run('checking', { retry: true, path }, (client) => this.existsAbs(client, this.abs(path)));
  }

  remove(path: string): Promise<void> {
    return this.run('deleting', { retry: false, path, refusal: 'file-config' }, async (client) => {
      await client.remove(this.abs(path));
    });
  }

  async close(): Promise<void> {
    this.ctx.signal.removeEventListener('abort', this.onAbort);
    await this.queue.catch(() => {});
    this.client?.close();
    this.client = undefined;
  }

  // ---- internals ----

  /**
   * Before a change (upload, move) that is not retried: prove the connection is alive with a NOOP
   * (reconnecting if the server dropped it while idle) and make sure the target folder exists.
   */
  private prepareFolder(dir: string): Promise<void> {
    return this.run('connecting', { retry: true, path: dir }, async (client) => {
      await client.send('NOOP');
      await this.ensureDir(client, dir);
    });
  }

  private abs(relative: string): string {
    return posix.join(this.base, cleanRelative(relative)) || '/';
  }

  private errorContext(action: string, path?: string, refusal?: Refusal): FtpErrorContext {
    return { host: this.settings.host, port: this.settings.port, user: ftpLoginUser(this.settings), action, path, refusal };
  }

  /** Serialise on the one control connection; map every failure to a DockhandError. */
  private run<T>(
    action: string,
    options: { retry: boolean; path?: string; refusal?: Refusal },
    operation: (client: Client) => Promise<T>,
  ): Promise<T> {
    const attempt = async (): Promise<T> => {
      this.ctx.signal.throwIfAborted();
      const reused = this.client !== undefined && !this.client.closed;
      try {
        return await operation(await this.connected());
      } catch (err) {
        if (this.ctx.signal.aborted) throw this.ctx.signal.reason;
        if (options.retry && reused && isConnectionError(err)) {
          this.log.log('info', 'FTP connection was dropped; reconnecting', { action });
          this.dropClient();
          try {
            return await operation(await this.connected());
          } catch (retryErr) {
            throw this.fail(retryErr, action, options);
          }
        }
        throw this.fail(err, action, options);
      }
    };
    const result = this.queue.then(attempt, attempt);
    this.queue = result.catch(() => {});
    return result;
  }

  /** `options.path` is relative; shown as the server path, which is what a person can look for. */
  private fail(err: unknown, action: string, options: { path?: string; refusal?: Refusal }): DockhandError {
    // A refused certificate on a data connection ends that session too: the next call checks afresh.
    if (isConnectionError(err) || err instanceof UntrustedCertificateError) this.dropClient();
    // A refusal may mean a folder was removed behind our back: look again next time.
    if (err instanceof FTPError) this.knownDirs.clear();
    let shown = options.path;
    try {
      if (shown !== undefined) shown = this.abs(shown);
    } catch {
      // an invalid path is reported as given
    }
    return mapFtpError(err, this.errorContext(action, shown, options.refusal));
  }

  private dropClient(): void {
    this.client?.close();
    this.client = undefined;
  }

  private async connected(): Promise<Client> {
    if (this.client && !this.client.closed) return this.client;
    this.client = undefined;
    const { host, port, security, root } = this.settings;
    const client = new Client(this.ctx.timeoutMs ?? 30_000);
    try {
      await client.connect(host, port);
      if (security === 'explicit') {
        try {
          await client.useTLS(controlTlsOptions(host));
        } catch (err) {
          if (err instanceof FTPError) {
            throw new DockhandError(
              'config',
              `FTP server ${host}:${port} does not offer explicit FTPS (AUTH TLS was refused: ${err.message.trim()}); choose plain FTP or check the server`,
              { cause: err },
            );
          }
          throw err;
        }
        verifyControlCertificate(client, {
          host,
          port,
          pinned: this.settings.pinnedCertificate,
          legacyAllowSelfSigned: this.settings.allowSelfSigned,
        });
      }
      await client.sendIgnoringError('OPTS UTF8 ON');
      // Anonymous: USER anonymous, and the customary address as password should the server ask for one.
      await client.login(ftpLoginUser(this.settings), this.settings.anonymous ? 'anonymous@' : this.password);
      await client.useDefaultSettings();
      if (this.settings.dataConnection === 'active') {
        client.prepareTransfer = activeModeStrategy({ where: `${host}:${port}`, timeoutMs: this.ctx.timeoutMs ?? 30_000 });
      }
      this.base = root.startsWith('/') ? posix.normalize(root) : posix.join(await client.pwd(), root);
    } catch (err) {
      client.close();
      throw mapFtpError(err, this.errorContext('connecting'));
    }
    this.log.log('info', 'Connected to FTP server', { user: ftpLoginUser(this.settings), secure: security === 'explicit' });
    this.client = client;
    return client;
  }

  private async ensureDir(client: Client, dir: string): Promise<void> {
    const absDir = this.abs(dir);
    if (this.knownDirs.has(absDir)) return;
    try {
      // MKD each level (errors ignored: it may exist), then CWD proves it is there.
      await client.ensureDir(absDir);
    } catch (err) {
      const refused = err instanceof FTPError && err.code >= 500;
      throw mapFtpError(err, this.errorContext('opening folder', absDir, refused ? 'folder' : undefined));
    }
    this.knownDirs.add(absDir);
  }

  private async listAbs(client: Client, absDir: string) {
    try {
      return await client.list(absDir);
    } catch (err) {
      if (!(err instanceof FTPError)) throw err;
      // LIST's error codes vary by server (ftp-srv says 451 for a missing folder); CWD is unambiguous.
      const missing = await client.cd(absDir).then(
        () => false,
        (cdErr: unknown) => cdErr instanceof FTPError && cdErr.code >= 500,
      );
      this.knownDirs.delete(absDir);
      throw mapFtpError(err, this.errorContext('listing folder', absDir, missing ? 'folder' : undefined));
    }
  }

  /**
   * SIZE answers 213 for a file and 550 for none. Absence decides whether an order file was taken by the
   * WMS (deliver-orders.ts), so only a clear "no such file" counts as absent: a temporary refusal (4xx)
   * throws, and where SIZE is not offered the folder listing decides (a missing folder: absent).
   */
  private async existsAbs(client: Client, absPath: string): Promise<boolean> {
    try {
      await client.size(absPath);
      return true;
    } catch (err) {
      if (!(err instanceof FTPError)) throw err;
      if (err.code === 550) return false;
      if (err.code < 500) throw err;
    }
    const parent = posix.dirname(absPath);
    let entries;
    try {
      // basic-ftp lists with MLSD or LIST -a, which include hidden (temporary) names.
      entries = await client.list(parent);
    } catch (err) {
      if (!(err instanceof FTPError)) throw err;
      const folderMissing = await client.cd(parent).then(
        () => false,
        (cdErr: unknown) => cdErr instanceof FTPError && cdErr.code >= 500,
      );
      if (folderMissing) return false;
      throw err;
    }
    return entries.some((e) => e.isFile && e.name === posix.basename(absPath));
  }

  /** Rename that replaces the target, also on servers that refuse to rename onto an existing file. */
  private async renameOver(client: Client, from: string, to: string): Promise<void> {
    try {
      await client.rename(from, to);
    } catch (err) {
      if (!(err instanceof FTPError) || !(await this.existsAbs(client, to))) throw err;
      await client.remove(to);
      await client.rename(from, to);
    }
  }
}
