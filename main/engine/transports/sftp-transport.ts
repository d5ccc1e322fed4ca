import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { posix } from 'node:path';
import { PassThrough } from 'node:stream';
import { downloadStream } from './download-stream.js';
import SftpClient from 'ssh2-sftp-client';
import { DockhandError } from '../../../shared/errors.js';
import type { TransportSecrets } from '../../../shared/transports/index.js';
import type { SftpTransportSettings } from '../../../shared/transports/sftp.js';
import type { Logger } from '../platform/ports.js';
import type { TransportContext } from './registry.js';
import { baseName, cleanRelative, isTempName, joinRelative, oldestFirst, tempNameFor } from './remote-path.js';
import { mapSftpConnectError, mapSftpError, SFTP_STATUS, sftpStatus, type SftpPlace, type SftpRefusal } from './sftp-errors.js';
import { hostKeyFingerprint } from './sftp-host-key.js';
import { readAhead, type ReadAheadOptions, type ReadAt } from './sftp-read-ahead.js';
import type { AtomicWriteOptions, RemoteFile, Transport } from './transport.js';

export interface SftpTransportOptions {
  /**
   * Use OpenSSH's posix-rename extension (an atomic rename that replaces the target) where the server
   * offers it. Default true; false forces the plain SFTP rename, which many servers (OpenSSH among them)
   * refuse onto an existing file, so tests can prove the delete-then-rename path on a real server.
   */
  posixRename?: boolean;
}

/**
 * SFTP transport over ssh2-sftp-client (ssh2).
 *
 * - The server is known by its host key: the settings' `hostKeyFingerprint`, confirmed by a person after
 *   a Test. ssh2 asks `hostVerifier` during the key exchange, before any password or key is sent, so a
 *   server showing another key never sees a credential. Without a confirmed key only a Test connects
 *   (ctx.identity), to show the key.
 * - One connection, opened on first use and reopened by the next operation after a drop. Read-only
 *   operations retry once on a fresh connection when a reused one turns out dead; uploads and moves
 *   never retry inside (the caller resends the same file later), as for FTP.
 * - Operations are queued one at a time, so a failing one never leaves another half-done beside it.
 */
export function createSftpTransport(settings: SftpTransportSettings, secrets: TransportSecrets, ctx: TransportContext, options: SftpTransportOptions = {}): Transport {
  return new SftpTransport(settings, secrets, ctx, options);
}

interface RunOptions {
  retry: boolean;
  /** Relative path the action is about, for the message. */
  path?: string;
  refusal?: SftpRefusal;
}

class SftpTransport implements Transport {
  private client: SftpClient | undefined;
  /** Absolute server folder that relative paths hang off (the root, resolved after login). */
  private base = '/';
  private readonly knownDirs = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  private posixRenameOffered: boolean;
  private readonly log: Logger;
  private readonly place: SftpPlace;

  constructor(
    private readonly settings: SftpTransportSettings,
    private readonly secrets: TransportSecrets,
    private readonly ctx: TransportContext,
    options: SftpTransportOptions,
  ) {
    this.posixRenameOffered = options.posixRename ?? true;
    this.place = { host: settings.host, port: settings.port, user: settings.user, auth: settings.auth };
    this.log = ctx.log.child({ transport: 'sftp', host: settings.host, port: settings.port });
    ctx.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Cancelling closes the connection, which ends a running transfer at once. */
  private readonly onAbort = () => this.dropClient();

  test(folders: string[]): Promise<void> {
    return this.run('connecting', { retry: true }, async (client) => {
      for (const folder of folders) {
        await this.ensureDir(client, folder);
        await this.listAbs(client, this.abs(folder));
        await this.proveWritable(client, folder);
      }
    });
  }

  list(dir: string): Promise<RemoteFile[]> {
    return this.run('listing', { retry: true, path: dir, refusal: 'folder' }, async (client) => {
      const entries = await this.listAbs(client, this.abs(dir));
      const files = entries
        .filter((e) => e.type === '-' && !isTempName(e.name))
        .map((e) => ({ path: joinRelative(dir, e.name), name: e.name, size: e.size, modifiedAt: new Date(e.modifyTime).toISOString() }));
      return oldestFirst(files);
    });
  }

  /**
   * The whole file, read with several reads in flight like readStream (a CSV order source's file can be
   * large). Retried once on a fresh connection when a reused one turns out dead: nothing is handed out
   * before the end. A file ending before the size it had when opened throws, as in readStream.
   */
  read(path: string): Promise<Buffer> {
    return this.run('downloading', { retry: true, path, refusal: 'file' }, async (client) => {
      const absPath = this.abs(path);
      const sftp = rawSftp(client);
      const { handle, size } = await openForReading(sftp, absPath);
      const gone = connectionGone(client, this.ctx.signal);
      try {
        const parts: Buffer[] = [];
        let position = 0;
        for await (const data of readAhead(readAtOf(sftp, handle, gone.lost), size, readAheadOptions(sftp))) {
          parts.push(data);
          position += data.length;
        }
        if (position < size) throw this.changedWhileRead(absPath, position, size);
        return Buffer.concat(parts, position);
      } finally {
        gone.stop();
        if (!gone.happened()) await sftpCall((cb) => sftp.close(handle, cb)).catch(() => {});
      }
    });
  }

  /**
   * The file's bytes as they arrive, never the whole file in memory: up to READ_WINDOW reads of
   * READ_CHUNK bytes in flight, handed on in order as the consumer takes them (sftp-read-ahead.ts).
   * Opening is retried once on a fresh connection like read() (nothing has been handed out yet); the
   * reads are not. A dropped connection fails the pending reads, so a cut transfer throws after the last
   * chunk; a file ending before the size it had when opened throws too (it was rewritten while read). A
   * consumer that stops early closes the handle once the reads in flight are answered, and the
   * connection stays usable.
   */
  async *readStream(path: string): AsyncGenerator<Buffer> {
    // Resolved once connected: the root hangs off the login folder.
    let absPath = path;
    const opened = await this.run('downloading', { retry: true, path, refusal: 'file' }, async (client) => {
      absPath = this.abs(path);
      return { client, ...(await openForReading(rawSftp(client), absPath)) };
    });
    const pass = new PassThrough({ highWaterMark: 256 * 1024 });
    const done = this.run('downloading', { retry: false, path, refusal: 'file' }, async (client) => {
      // Another operation queued in between may have replaced a dropped connection: the handle died with it.
      if (client !== opened.client) throw new Error(`The connection was lost before ${absPath} could be read`);
      const sftp = rawSftp(client);
      // A closed connection does not always fail the pending reads in ssh2: watch the connection itself.
      const gone = connectionGone(client, this.ctx.signal);
      try {
        let position = 0;
        for await (const data of readAhead(readAtOf(sftp, opened.handle, gone.lost), opened.size, readAheadOptions(sftp))) {
          if (pass.destroyed) return; // the consumer stopped early
          position += data.length;
          if (!pass.write(data)) await drainedOrClosed(pass);
          if (pass.destroyed) return;
        }
        if (position < opened.size) throw this.changedWhileRead(absPath, position, opened.size);
        pass.end();
      } finally {
        gone.stop();
        if (!gone.happened()) await sftpCall((cb) => sftp.close(opened.handle, cb)).catch(() => {});
      }
    });
    yield* downloadStream(pass, done);
  }

  async writeAtomic(dir: string, name: string, content: Buffer, options?: AtomicWriteOptions): Promise<void> {
    await this.run('opening folder', { retry: true, path: dir, refusal: 'folder' }, (client) => this.ensureDir(client, dir));
    return this.run('uploading', { retry: false, path: joinRelative(dir, name), refusal: 'write' }, async (client) => {
      const finalPath = this.abs(joinRelative(dir, name));
      const tempPath = this.abs(joinRelative(dir, tempNameFor(name)));
      await client.put(content, tempPath);
      await options?.beforeRename?.();
      this.ctx.signal.throwIfAborted();
      await this.renameOver(client, tempPath, finalPath);
      this.log.log('info', 'Uploaded file', { file: finalPath, bytes: content.length });
    });
  }

  async move(path: string, toDir: string): Promise<void> {
    await this.run('opening folder', { retry: true, path: toDir, refusal: 'folder' }, (client) => this.ensureDir(client, toDir));
    return this.run('moving', { retry: false, path, refusal: 'write' }, async (client) => {
      const from = this.abs(path);
      const to = this.abs(joinRelative(toDir, baseName(path)));
      await this.renameOver(client, from, to);
      this.log.log('info', 'Moved file', { from, to });
    });
  }

  exists(path: string): Promise<boolean> {
    return this.run('checking', { retry: true, path, refusal: 'folder' }, (client) => this.existsAbs(client, this.abs(path)));
  }

  remove(path: string): Promise<void> {
    return this.run('deleting', { retry: false, path, refusal: 'write' }, async (client) => {
      await client.delete(this.abs(path));
    });
  }

  async close(): Promise<void> {
    this.ctx.signal.removeEventListener('abort', this.onAbort);
    await this.queue.catch(() => {});
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  // ---- internals ----

  private abs(relative: string): string {
    return posix.join(this.base, cleanRelative(relative)) || '/';
  }

  /** One operation at a time; a read-only one is tried once more on a fresh connection after a drop. */
  private run<T>(action: string, options: RunOptions, work: (client: SftpClient) => Promise<T>): Promise<T> {
    const attempt = async (): Promise<T> => {
      this.ctx.signal.throwIfAborted();
      const reused = this.client !== undefined;
      let client = await this.connected();
      try {
        return await work(client);
      } catch (err) {
        if (sftpStatus(err) !== undefined || err instanceof DockhandError || this.ctx.signal.aborted) throw this.fail(err, action, options);
        // No SFTP status: the connection went away. A reused one may simply have been closed while idle.
        this.dropClient();
        if (!options.retry || !reused) throw this.fail(err, action, options);
        client = await this.connected();
        try {
          return await work(client);
        } catch (again) {
          if (sftpStatus(again) === undefined) this.dropClient();
          throw this.fail(again, action, options);
        }
      }
    };
    const result = this.queue.then(attempt, attempt);
    this.queue = result.catch(() => {});
    return result;
  }

  private fail(err: unknown, action: string, options: RunOptions): DockhandError {
    // A refusal may mean a folder was removed behind our back: look again next time.
    this.knownDirs.clear();
    let shown = options.path ?? '';
    try {
      shown = this.abs(shown);
    } catch {
      // an invalid path is reported as given
    }
    return mapSftpError(err, this.place, action, shown, options.refusal ?? 'folder');
  }

  private changedWhileRead(absPath: string, position: number, size: number): DockhandError {
    return new DockhandError(
      'transient',
      `${absPath} on SFTP server ${this.place.host}:${this.place.port} ended after ${position} of its ${size} bytes: it was changed while being read; it will be read again`,
    );
  }

  private dropClient(): void {
    const client = this.client;
    this.client = undefined;
    void client?.end().catch(() => {});
  }

  private async connected(): Promise<SftpClient> {
    if (this.client) return this.client;
    const { host, port, user, auth, root } = this.settings;
    const pinned = this.settings.hostKeyFingerprint;
    const witness = this.ctx.identity;
    if (!pinned && !witness?.allowUnconfirmed) {
      throw new DockhandError(
        'config',
        `The key of SFTP server ${host}:${port} is not confirmed yet: press Test connection where it is set up (the WMS setup, or the order source's connection), check the key it shows, trust it and save`,
      );
    }
    const password = auth === 'password' ? this.secrets.password : undefined;
    const privateKey = auth === 'key' ? this.secrets.privateKey : undefined;
    if (auth === 'password' && !password) {
      throw new DockhandError('config', `No password is saved for SFTP user ${user} at ${host}:${port}: enter it in the setup`);
    }
    if (auth === 'key' && !privateKey) {
      throw new DockhandError('config', `No private key is saved for SFTP user ${user} at ${host}:${port}: paste it in the setup`);
    }

    let shown: string | undefined;
    const client: SftpClient = new SftpClient('dockhand', {
      // The defaults print to the console; a drop between operations only means "reconnect next time".
      error: () => {
        if (this.client === client) this.client = undefined;
      },
      end: () => {
        if (this.client === client) this.client = undefined;
      },
      close: () => {
        if (this.client === client) this.client = undefined;
      },
    });
    if (password) {
      // Servers that take passwords only through keyboard-interactive (PAM) ask for it as a prompt.
      client.on('keyboard-interactive', (_name: string, _instructions: string, _lang: string, prompts: unknown[], finish: (answers: string[]) => void) =>
        finish(prompts.map(() => password)),
      );
    }
    try {
      await client.connect({
        host,
        port,
        username: user,
        ...(password ? { password, tryKeyboard: true } : {}),
        ...(privateKey ? { privateKey, ...(this.secrets.passphrase ? { passphrase: this.secrets.passphrase } : {}) } : {}),
        // Called during the key exchange, before any credential goes out: a refused key ends it there.
        hostVerifier: (key: Buffer) => {
          shown = hostKeyFingerprint(key);
          witness?.seen(shown);
          return pinned === undefined || shown === pinned;
        },
        readyTimeout: this.ctx.timeoutMs ?? 20_000,
        keepaliveInterval: 10_000,
        keepaliveCountMax: 3,
      });
      this.base = root.startsWith('/') ? posix.normalize(root) : posix.join(await client.realPath('.'), root);
    } catch (err) {
      await client.end().catch(() => {});
      if (pinned !== undefined && shown !== undefined && shown !== pinned) throw identityChanged(host, port, pinned, shown);
      throw mapSftpConnectError(err, this.place);
    }
    this.log.log('info', 'Connected to SFTP server', { user, auth, hostKey: shown });
    this.client = client;
    return client;
  }

  private async ensureDir(client: SftpClient, dir: string): Promise<void> {
    const absDir = this.abs(dir);
    if (this.knownDirs.has(absDir)) return;
    const kind = await client.exists(absDir).catch((err: unknown) => {
      throw mapSftpError(err, this.place, 'opening folder', absDir, 'folder');
    });
    if (kind !== 'd') {
      if (kind !== false) throw new DockhandError('config', `"${absDir}" on SFTP server ${this.place.host}:${this.place.port} is a file, not a folder`);
      await client.mkdir(absDir, true).catch((err: unknown) => {
        throw mapSftpError(err, this.place, 'creating folder', absDir, 'write');
      });
    }
    this.knownDirs.add(absDir);
  }

  private async listAbs(client: SftpClient, absDir: string) {
    try {
      return await client.list(absDir);
    } catch (err) {
      this.knownDirs.delete(absDir);
      throw err;
    }
  }

  /** A Test proves write permission: a hidden file written and removed in the folder. */
  private async proveWritable(client: SftpClient, folder: string): Promise<void> {
    const probe = this.abs(joinRelative(folder, tempNameFor(`dockhand-write-test-${randomBytes(4).toString('hex')}`)));
    await client.put(Buffer.from('Dockhand checks it may write here; this file is removed at once.\n'), probe).catch((err: unknown) => {
      throw mapSftpError(err, this.place, 'writing a test file to', this.abs(folder), 'write');
    });
    await client.delete(probe, true);
  }

  /**
   * Only a clear "no such file" answers false (a missing folder too); any other refusal throws, as
   * absence decides whether the WMS took an order file. ssh2-sftp-client's own exists() would count a
   * generic failure as absence, so the status is read here.
   */
  private async existsAbs(client: SftpClient, absPath: string): Promise<boolean> {
    try {
      const info = await this.lstat(client, absPath);
      return info.isFile();
    } catch (err) {
      if (sftpStatus(err) === SFTP_STATUS.noSuchFile) return false;
      throw err;
    }
  }

  private lstat(client: SftpClient, absPath: string): Promise<{ isFile(): boolean }> {
    const sftp = (client as unknown as { sftp?: import('ssh2').SFTPWrapper }).sftp;
    if (!sftp) return Promise.reject(new Error('The SFTP connection is closed'));
    return new Promise((resolve, reject) => sftp.lstat(absPath, (err, stats) => (err ? reject(err) : resolve(stats))));
  }

  /**
   * Rename that replaces the target. OpenSSH's posix-rename does it atomically; a plain SFTP rename is
   * refused onto an existing file by many servers, so there the target is deleted first (a reader can
   * then see neither file for a moment, never half of one).
   */
  private async renameOver(client: SftpClient, from: string, to: string): Promise<void> {
    if (this.posixRenameOffered) {
      try {
        await client.posixRename(from, to);
        return;
      } catch (err) {
        if (!/does not support/i.test(err instanceof Error ? err.message : '')) throw err;
        this.posixRenameOffered = false;
      }
    }
    try {
      await client.rename(from, to);
    } catch (err) {
      if (sftpStatus(err) === undefined || !(await this.existsAbs(client, to))) throw err;
      await client.delete(to);
      await client.rename(from, to);
    }
  }
}

function identityChanged(host: string, port: number, saved: string, shown: string): DockhandError {
  return new DockhandError(
    'config',
    `The SFTP server's identity changed: ${host}:${port} showed the key ${shown}, but the key saved for it is ${saved}. ` +
      'Dockhand sent no password or key. If your IT changed the server, clear the saved key where the server is set up (Forget), then test and save again; ' +
      'if not, someone may be posing as the server: tell your IT before going on.',
  );
}

/**
 * Bytes asked for per SFTP read, and reads kept in flight: 1 MiB outstanding, half of ssh2's channel
 * window, so the server never waits for the window to reopen. OpenSSH serves up to 256 KiB a read;
 * a server that answers less is asked less from then on (sftp-read-ahead.ts).
 */
const READ_CHUNK = 64 * 1024;
const READ_WINDOW = 16;

/**
 * ssh2 splits a read larger than what it knows the server takes (its private _maxReadLen: about 31 KiB
 * for servers other than OpenSSH unless they announce their limits) into parts sent one after another;
 * asking no more than that keeps every part of the window in flight.
 */
function readAheadOptions(sftp: import('ssh2').SFTPWrapper): ReadAheadOptions {
  const known = (sftp as unknown as { _maxReadLen?: unknown })._maxReadLen;
  const chunkSize = typeof known === 'number' && known > 0 ? Math.min(READ_CHUNK, known) : READ_CHUNK;
  return { chunkSize, window: READ_WINDOW };
}

/**
 * Opens `absPath` for reading and learns its size; the handle is closed again if that fails. A server
 * may leave the size out of its answer: then it counts as 0, and the file is read one read at a time to
 * its end (nothing to plan the reads by, nothing to find it shorter than).
 */
async function openForReading(sftp: import('ssh2').SFTPWrapper, absPath: string): Promise<{ handle: Buffer; size: number }> {
  const handle = await sftpCall<Buffer>((cb) => sftp.open(absPath, 'r', cb));
  const stats = await sftpCall<{ size?: number }>((cb) => sftp.fstat(handle, cb)).catch(async (err: unknown) => {
    await sftpCall((cb) => sftp.close(handle, cb)).catch(() => {});
    throw err;
  });
  const size = typeof stats.size === 'number' && Number.isSafeInteger(stats.size) && stats.size > 0 ? stats.size : 0;
  return { handle, size };
}

/** Positional reads of an open handle, each into a buffer of its own (the chunks are handed on as is). */
function readAtOf(sftp: import('ssh2').SFTPWrapper, handle: Buffer, lost: Promise<never>): ReadAt {
  return (offset, length) => {
    const buffer = Buffer.allocUnsafe(length);
    const read = sftpCall<number>((cb) => sftp.read(handle, buffer, 0, length, offset, cb));
    return Promise.race([read, lost]).then((got) => buffer.subarray(0, got));
  };
}

function rawSftp(client: SftpClient): import('ssh2').SFTPWrapper {
  const sftp = (client as unknown as { sftp?: import('ssh2').SFTPWrapper }).sftp;
  if (!sftp) throw new Error('The SFTP connection is closed');
  return sftp;
}

function sftpCall<T = void>(start: (cb: (err: Error | null | undefined, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value))));
}

/** Rejects once the SSH connection under `client` closes or the work is cancelled; stop() forgets it. */
function connectionGone(client: SftpClient, signal: AbortSignal): { lost: Promise<never>; happened(): boolean; stop(): void } {
  const ssh = (client as unknown as { client?: import('node:events').EventEmitter }).client;
  let happened = false;
  let fail: (err: Error) => void = () => {};
  const lost = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  lost.catch(() => {});
  const onGone = () => {
    happened = true;
    fail(new Error('The connection closed during the transfer'));
  };
  ssh?.once('close', onGone);
  signal.addEventListener('abort', onGone, { once: true });
  if (signal.aborted) onGone();
  return {
    lost,
    happened: () => happened,
    stop: () => {
      ssh?.removeListener('close', onGone);
      signal.removeEventListener('abort', onGone);
    },
  };
}

/** Waits for room in the stream, or for the consumer to have gone (then the read loop stops). */
async function drainedOrClosed(pass: PassThrough): Promise<void> {
  if (pass.destroyed || !pass.writableNeedDrain) return;
  const abort = new AbortController();
  await Promise.race([once(pass, 'drain', { signal: abort.signal }), once(pass, 'close', { signal: abort.signal })]).catch(() => {});
  abort.abort();
}
