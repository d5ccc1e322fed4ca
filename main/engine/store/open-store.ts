import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DockhandError } from '../../../shared/errors.js';
import { silentLogger, type Logger } from '../platform/ports.js';
import { StatementEncoder } from './journal-record.js';
import { JournalWriter, monotonicMs } from './journal-writer.js';
import { applyMigration, assertKnownVersion, checkMigrations, schemaVersion } from './migrate.js';
import type { Migration } from './migration.js';
import { recoverStore } from './recover.js';
import { deleteSnapshot, writeSnapshot } from './snapshot-files.js';
import type { SqlSession } from './sql-session.js';
import type { SqlReader, SqlRunner, Store, StoreMetrics } from './sql.js';
import { loadSqlJs } from './sqljs-loader.js';
import { acquireStoreLock } from './store-lock.js';
import { fsyncDir, listStoreDir } from './store-files.js';

export interface OpenStoreOptions {
  /** Directory holding the lock, journal segments and snapshots (created if missing). */
  dir: string;
  migrations: readonly Migration[];
  log?: Logger;
  /** Told about damage a person should know of (a fallback snapshot, a lost journal tail, a failed fsync). */
  onAlert?: (message: string) => void;
  /**
   * A background snapshot is due once this much journal was written since the last (default 256 MiB).
   * Larger means fewer snapshots (each blocks the engine thread for the export, ~1 s per 200 MB of
   * database) but a longer replay on open after a crash: up to snapshotMaxJournalBytes of journal,
   * measured at ~16 MB/s for order inserts (bench/store-commit.ts), so ~25 s at the defaults.
   */
  snapshotEveryBytes?: number;
  /** ...or once this much time passed with new commits (default 10 min). */
  snapshotEveryMs?: number;
  /**
   * A due snapshot waits until no commit came for this long (default 500 ms), so the blocking export
   * does not land in the middle of a burst of commits...
   */
  snapshotIdleMs?: number;
  /** ...unless the journal since the last snapshot grew past this (default 1.5 x snapshotEveryBytes). */
  snapshotMaxJournalBytes?: number;
  /** Snapshots kept, with the journal needed to roll forward from the oldest (default 3). */
  keepSnapshots?: number;
  /** Clock for `schema_migrations.applied_at` (default: the system clock). */
  now?: () => Date;
  /** Testing only: the journal's fdatasync fails (as with EIO) when it would make this seq durable. */
  failJournalSyncAtSeq?: number;
}

type SnapshotPolicy = Required<
  Pick<OpenStoreOptions, 'snapshotEveryBytes' | 'snapshotEveryMs' | 'snapshotIdleMs' | 'snapshotMaxJournalBytes' | 'keepSnapshots'>
>;

export interface OpenedStore extends Store {
  /** Schema version after migrations ran. */
  readonly schemaVersion: number;
  readonly dir: string;
}

function isThenable(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * sql.js database made durable by a journal of committed transactions (DESIGN.md "The store"): each
 * write appends one record and resolves after fdatasync; snapshots fold the journal away in the
 * background. One instance per directory (lock file).
 */
class JournaledStore implements OpenedStore {
  schemaVersion = 0;
  private closed = false;
  private closing: Promise<void> | undefined;
  private inCall = false;
  private bytesSinceSnapshot = 0;
  private snapshotChain: Promise<void> = Promise.resolve();
  private backgroundSnapshot = false;
  private timer: NodeJS.Timeout | undefined;
  /** Pending re-check of a due snapshot that is waiting for the store to go idle. */
  private idleTimer: NodeJS.Timeout | undefined;
  private snapshotDue = false;
  private lastCommitAt = 0;
  private snapshotCount = 0;
  private lastSnapshotMs: number | undefined;
  private readonly reader: SqlReader;

  constructor(
    readonly dir: string,
    private readonly session: SqlSession,
    private readonly journal: JournalWriter,
    private appliedSeq: number,
    private snapshots: number[],
    private journalBytes: number,
    private readonly opts: SnapshotPolicy,
    private readonly log: Logger,
    private readonly alert: (message: string) => void,
    private readonly releaseLock: () => Promise<void>,
  ) {
    this.reader = session.reader();
    if (opts.snapshotEveryMs > 0 && Number.isFinite(opts.snapshotEveryMs)) {
      this.timer = setInterval(() => {
        if (this.appliedSeq > this.latestSnapshotSeq) this.snapshotWhenIdle();
      }, opts.snapshotEveryMs);
      this.timer.unref();
    }
  }

  private get latestSnapshotSeq(): number {
    return this.snapshots.at(-1) ?? 0;
  }

  private unusable(): Error | undefined {
    if (this.closed) return new DockhandError('internal', 'the store is closed');
    if (this.journal.failed) return new DockhandError('internal', this.journal.failed.message, { cause: this.journal.failed });
    if (this.inCall)
      return new DockhandError('internal', 'store.read/write called from inside another read or write function');
    return undefined;
  }

  read<T>(fn: (db: SqlReader) => T): Promise<T> {
    const bad = this.unusable();
    if (bad) return Promise.reject(bad);
    let result: T;
    this.inCall = true;
    this.session.exec('PRAGMA query_only = 1');
    try {
      result = fn(this.reader);
      if (isThenable(result)) throw new DockhandError('internal', 'store.read needs a synchronous function');
    } catch (err) {
      return this.journal.durable(this.appliedSeq).then(() => Promise.reject(err));
    } finally {
      this.session.exec('PRAGMA query_only = 0');
      this.inCall = false;
    }
    // The function saw every commit applied so far; release its result only once they are all on disk.
    return this.journal.durable(this.appliedSeq).then(() => result);
  }

  write<T>(fn: (db: SqlRunner) => T): Promise<T> {
    const bad = this.unusable();
    if (bad) return Promise.reject(bad);
    const encoder = new StatementEncoder();
    let result: T;
    this.inCall = true;
    try {
      this.session.exec('BEGIN');
      try {
        result = fn(this.session.recordingRunner(encoder));
        if (isThenable(result))
          throw new DockhandError('internal', 'store.write needs a synchronous function; nothing was applied');
        this.session.exec('COMMIT');
      } catch (err) {
        try {
          this.session.exec('ROLLBACK');
        } catch {
          /* the transaction already ended */
        }
        throw err;
      }
    } catch (err) {
      return Promise.reject(err);
    } finally {
      this.inCall = false;
    }
    if (encoder.count === 0) return this.journal.durable(this.appliedSeq).then(() => result);

    // Commit latency (metrics().commitMs) runs from here to the end of the fdatasync that covers it.
    const committedAt = monotonicMs();
    this.lastCommitAt = committedAt;
    const seq = ++this.appliedSeq;
    const record = encoder.finish(seq);
    const length = record.length;
    this.journal.append(seq, record, committedAt);
    this.journalBytes += length;
    this.bytesSinceSnapshot += length;
    if (this.bytesSinceSnapshot >= this.opts.snapshotEveryBytes) this.snapshotWhenIdle();
    return this.journal.durable(seq).then(() => result);
  }

  /**
   * Marks a snapshot due and takes it once no commit came for snapshotIdleMs, or at once when the
   * journal outgrew snapshotMaxJournalBytes. The export blocks this thread, so a commit arriving during
   * it waits; idling first keeps that out of the middle of bursts.
   */
  private snapshotWhenIdle(): void {
    if (this.closed || this.journal.failed) return;
    this.snapshotDue = true;
    if (this.bytesSinceSnapshot >= this.opts.snapshotMaxJournalBytes) {
      this.startBackgroundSnapshot();
      return;
    }
    // A running snapshot re-checks when it ends; a pending timer re-checks when it fires.
    if (this.idleTimer || this.backgroundSnapshot) return;
    const wait = Math.max(0, this.lastCommitAt + this.opts.snapshotIdleMs - monotonicMs());
    if (wait === 0) {
      this.startBackgroundSnapshot();
      return;
    }
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.snapshotDue) this.snapshotWhenIdle();
    }, Math.max(wait, 1));
    this.idleTimer.unref();
  }

  snapshot(): Promise<void> {
    const bad = this.unusable();
    if (bad) return Promise.reject(bad);
    return this.queueSnapshot();
  }

  private queueSnapshot(): Promise<void> {
    const next = this.snapshotChain.catch(() => {}).then(() => this.takeSnapshot());
    this.snapshotChain = next;
    return next;
  }

  private startBackgroundSnapshot(): void {
    if (this.backgroundSnapshot || this.closed) return;
    this.backgroundSnapshot = true;
    this.snapshotDue = false;
    this.queueSnapshot()
      .catch((err: Error) => this.alert(`Background snapshot failed (the journal still holds every commit): ${err.message}`))
      .finally(() => {
        this.backgroundSnapshot = false;
        if (this.snapshotDue) this.snapshotWhenIdle();
      });
  }

  /**
   * Rotates the journal and exports the database in one synchronous step (no commit can slip between),
   * then writes the image while new commits go to the new segment.
   */
  private async takeSnapshot(): Promise<void> {
    if (this.journal.failed) return;
    const seq = this.appliedSeq;
    if (seq === this.latestSnapshotSeq) return;
    this.bytesSinceSnapshot = 0;
    this.snapshotDue = false;
    const t0 = performance.now();
    const rotated = this.journal.rotate(seq + 1);
    const bytes = await this.exportAndWrite(seq, rotated);
    this.snapshots.push(seq);
    this.snapshotCount++;
    this.lastSnapshotMs = performance.now() - t0;
    this.log.log('info', 'store: snapshot written', { seq, bytes, ms: Math.round(this.lastSnapshotMs) });
    await this.prune();
  }

  /**
   * The export happens in the same synchronous step as the rotation (no commit can slip between). The
   * image (as big as the database) is referenced only inside this call, so it is garbage as soon as
   * it is on disk rather than living on through pruning.
   */
  private async exportAndWrite(seq: number, rotated: Promise<void>): Promise<number> {
    const image = this.session.export();
    await rotated;
    // Never let a snapshot be ahead of the journal it is meant to shorten.
    await this.journal.durable(seq);
    await writeSnapshot(this.dir, seq, image);
    return image.length;
  }

  /** Keeps the newest snapshots and the segments needed to roll forward from the oldest kept one. */
  private async prune(): Promise<void> {
    const keep = Math.max(1, this.opts.keepSnapshots);
    const drop = this.snapshots.slice(0, Math.max(0, this.snapshots.length - keep));
    for (const seq of drop) await deleteSnapshot(this.dir, seq);
    this.snapshots = this.snapshots.slice(drop.length);
    const oldest = this.snapshots[0];
    if (oldest === undefined) return;
    const { segments } = await listStoreDir(this.dir);
    let removed = 0;
    for (let i = 0; i + 1 < segments.length; i++) {
      if (segments[i + 1].firstSeq > oldest + 1) break;
      if (segments[i].firstSeq >= this.journal.currentSegmentFirstSeq) break;
      await unlink(join(this.dir, segments[i].name));
      this.journalBytes -= segments[i].size;
      removed++;
    }
    if (drop.length > 0 || removed > 0) await fsyncDir(this.dir);
  }

  sizeBytes(): number {
    if (this.closed) return 0;
    const row = this.session.get<{ n: number }>(
      'SELECT (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size()) AS n',
      [],
    );
    return row?.n ?? 0;
  }

  metrics(): StoreMetrics {
    return {
      commitMs: [...this.journal.commitMs],
      commitBytes: [...this.journal.commitBytes],
      fsyncMs: [...this.journal.fsyncMs],
      snapshots: this.snapshotCount,
      ...(this.lastSnapshotMs === undefined ? {} : { lastSnapshotMs: this.lastSnapshotMs }),
      journalBytes: this.journalBytes,
    };
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown(true);
    return this.closing;
  }

  /** Closes without the final snapshot: used when opening failed, so a refused database is left as found. */
  abandon(): Promise<void> {
    this.closing ??= this.shutDown(false);
    return this.closing;
  }

  private async shutDown(finalSnapshot: boolean): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.snapshotDue = false;
    await this.snapshotChain.catch(() => {});
    await this.journal.drained();
    this.closed = true;
    try {
      if (finalSnapshot) await this.takeSnapshot();
    } catch (err) {
      this.alert(`Final snapshot on close failed (the journal still holds every commit): ${(err as Error).message}`);
    }
    await this.journal.close().catch(() => {});
    this.session.close();
    await this.releaseLock();
  }
}

/**
 * Opens (or creates) the store in `dir`: takes the lock, rebuilds the database from the newest good
 * snapshot plus the journal, then runs pending migrations, each in its own durable transaction.
 *
 * Determinism: the journal records statements and parameters, not results, and replays them on open.
 * Callers must pass times and generated ids as parameters and never use random(), datetime('now'),
 * CURRENT_TIMESTAMP or similar in SQL, or a replayed database will differ from the one acknowledged.
 */
export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const log = options.log ?? silentLogger;
  const alert = (message: string) => {
    log.log('error', `store alert: ${message}`, { dir: options.dir });
    options.onAlert?.(message);
  };
  const migrations = checkMigrations(options.migrations);
  await mkdir(options.dir, { recursive: true });
  const releaseLock = await acquireStoreLock(options.dir);
  let store: JournaledStore | undefined;
  try {
    const snapshotEveryBytes = options.snapshotEveryBytes ?? 256 * 1024 * 1024;
    const SQL = await loadSqlJs();
    const recovered = await recoverStore({ SQL, dir: options.dir, log, alert });
    let journalFailed = false;
    const journal = new JournalWriter(options.dir, recovered.segment, recovered.appliedSeq, (err) => {
      if (journalFailed) return;
      journalFailed = true;
      alert(`The store can no longer write its journal; restart Dockhand. ${err.message}`);
    }, { failSyncAtSeq: options.failJournalSyncAtSeq });
    try {
      await journal.ready;
    } catch (err) {
      await journal.close().catch(() => {});
      throw err;
    }
    store = new JournaledStore(
      options.dir,
      recovered.session,
      journal,
      recovered.appliedSeq,
      recovered.snapshots,
      recovered.journalBytes,
      {
        snapshotEveryBytes,
        snapshotEveryMs: options.snapshotEveryMs ?? 10 * 60 * 1000,
        snapshotIdleMs: options.snapshotIdleMs ?? 500,
        snapshotMaxJournalBytes: Math.max(snapshotEveryBytes, options.snapshotMaxJournalBytes ?? 1.5 * snapshotEveryBytes),
        keepSnapshots: options.keepSnapshots ?? 3,
      },
      log,
      alert,
      releaseLock,
    );
    const current = await store.read(schemaVersion);
    assertKnownVersion(current, migrations);
    const now = options.now ?? (() => new Date());
    for (const m of migrations) {
      if (m.version <= current) continue;
      await store.write((db) => applyMigration(db, m, now().toISOString()));
      log.log('info', 'store: migration applied', { version: m.version, name: m.name });
    }
    store.schemaVersion = migrations.at(-1)?.version ?? current;
    return store;
  } catch (err) {
    if (store) await store.abandon().catch(() => {});
    else await releaseLock();
    throw err;
  }
}
