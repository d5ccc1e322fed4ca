/**
 * A place files are exchanged with the WMS: an FTP/FTPS server or a local/shared folder.
 * Paths are POSIX-style and relative to the transport's root ("acme/orders/file.csv").
 * Implementations: ftp-transport.ts (basic-ftp), folder-transport.ts (fs).
 * Appended: readStream (optional, for streamed inbound files); remove (the Test's write probe).
 */

export interface RemoteFile {
  /** Path relative to the transport root. */
  path: string;
  name: string;
  size: number;
  modifiedAt?: string;
}

export interface AtomicWriteOptions {
  beforeRename?: () => Promise<void>;
  /**
   * Told what a person should know about a write that still counts as done (e-mail: the SMTP server
   * refused some of the WMS addresses but took the file for the others), in words for the run and alert.
   */
  onWarning?: (message: string) => void;
}

export interface Transport {
  /** Connect and check the folders can be listed; throws DockhandError (auth/config/transient). */
  test(folders: string[]): Promise<void>;
  /** Regular files directly in `dir` (not recursive; subfolders like archive/ are skipped). */
  list(dir: string): Promise<RemoteFile[]>;
  read(path: string): Promise<Buffer>;
  /**
   * Optional: the file's bytes as they arrive, so a big inbound file (100,000 rows) is never held whole.
   * Consumed once, front to back; failures are DockhandErrors as read()'s are, and a transfer cut short
   * throws at the end rather than passing for a shorter file. Not retried (bytes may have been used).
   * A transport without it is read with read().
   */
  readStream?(path: string): AsyncIterable<Buffer>;
  /**
   * Write `content` as `dir/name` so a reader never sees half a file: upload under a temporary
   * name in the same folder (`tempNameFor(name)`), then rename. Overwrites an existing file of that
   * name. `beforeRename` runs once the temporary file is complete, right before the rename (the
   * moment a reader may see the file); if it throws, nothing is renamed.
   */
  writeAtomic(dir: string, name: string, content: Buffer, options?: AtomicWriteOptions): Promise<void>;
  /** Move a file into `toDir` (created if missing), keeping its name; replaces a same-named file there. */
  move(path: string, toDir: string): Promise<void>;
  /**
   * Whether a regular file is at `path` (temporary names included). Only a clear "no such file"
   * answers false; a failure to find out throws, so absence is never guessed.
   */
  exists(path: string): Promise<boolean>;
  /** Delete the file at `path`; used by the connection test to take its write probe away again. */
  remove(path: string): Promise<void>;
  close(): Promise<void>;
}
