import { chmod, mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DockhandError, isDockhandError } from '../../../shared/errors.js';
import { silentLogger, type Logger } from '../platform/ports.js';
import { beginTransactionWork, dropTransactionWork, finishTransactionWork } from './before-commit.js';
import { probeDisk } from './disk-probe.js';
import { startJournal, truncateFile, type ReadOnly, type StoreIo } from './store-io.js';
import { StatementEncoder } from './journal-record.js';
import { JournalFailure, JournalWriter, monotonicMs, type SimulatedDisk } from './journal-writer.js';
import { applyMigration, assertKnownVersion, checkMigrations, schemaVersion } from './migrate.js';
import type { Migration } from './migration.js';
import { recoverStore, type RecoveredStore, type StoreAlertInfo } from './recover.js';
import { planRecovery } from './recovery-plan.js';
import { deleteSnapshot, writeSnapshot } from './snapshot-files.js';
import { snapshotDueAfterOpen, type SnapshotPolicy } from './snapshot-policy.js';
import type { SqlSession } from './sql-session.js';
import type { SqlReader, SqlRunner, Store, StoreHealth, StoreMetrics } from './sql.js';
import { loadSqlJs } from './sqljs-loader.js';
import { cannotSaveError } from './storage-errors.js';
import { acquireStoreLock } from './store-lock.js';
import { fsyncDir, listStoreDir, segmentName, STORE_DIR_MODE } from './store-files.js';

export type { StoreAlertInfo } from './recover.js';

export interface OpenStoreOptions {
  /** Directory holding the lock, journal segments and snapshots (created if missing). */
  dir: string;
  migrations: readonly Migration[];
  log?: Logger;
  /**
   * Told about damage a person should know of (a fallback snapshot, a lost journal tail, a failed
   * background snapshot), with a key to raise it under and whether acknowledged commits were lost.
   */
  onAlert?: (message: string, info: StoreAlertInfo) => void;
  /** Told when the store stops being able to save (disk full or failing) and when it can again. */
  onHealthChange?: (health: StoreHealth) => void;
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
  /** While the store cannot save, the disk is probed this often (default 5 s)... */
  diskProbeEveryMs?: number;
  /** ...and on a write attempt, when the last probe is at least this old (default 1 s). */
  diskProbeOnWriteAfterMs?: number;
  /** Testing only: read snapshots and segments in chunks this small, to exercise the chunked path. */
  readChunkBytes?: number;
  /** Testing only: the journal's fdatasync fails (as with EIO) when it would make this seq durable. */
  failJournalSyncAtSeq?: number;
  /** Testing only: the journal and the disk probe behave as on a full disk while this says so. */
  simulatedDisk?: SimulatedDisk;
}

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
 *
 * When the journal cannot be written (disk full, EIO), the in-memory state is ahead of the disk (sql.js
 * already committed): the store rebuilds it from disk, so reads serve exactly what is durable, refuses
 * writes with a `storage` error, probes the disk and starts a new journal once it takes writes again.
 */
class JournaledStore implements OpenedStore {
  schemaVersion = 0;
  private closed = false;
  private closing: Promise<void> | undefined;
  private inCall = false;
  private bytesSinceSnapshot!: number;
  private snapshotChain: Promise<void> = Promise.resolve();
  private backgroundSnapshot = false;
  private timer: NodeJS.Timeout | undefined;
  /** Pending re-check of a due snapshot that is waiting for the store to go idle. */
  private idleTimer: NodeJS.Timeout | undefined;
  private snapshotDue = false;
  /** Idle is counted from open too, so a snapshot due at open waits for startup writes to settle. */
  private lastCommitAt = monotonicMs();
  private snapshotCount = 0;
  private lastSnapshotMs: number | undefined;
  private session!: SqlSession;
  private reader!: SqlReader;
  private journal!: JournalWriter;
  private appliedSeq!: number;
  private snapshots!: number[];
  private journalBytes!: number;
  private readOnly: ReadOnly | undefined;
  /** Rebuilding the in-memory state from disk after a journal failure; reads wait for it. */
  private rebuilding: Promise<void> | undefined;
  /** The rebuild itself failed (the disk cannot be read either): nothing can be served. */
  private unreadable: DockhandError | undefined;
  private resuming: Promise<boolean> | undefined;
  private lastProbeAt = 0;
  private probeTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly dir: string,
    recovered: RecoveredStore,
    journal: JournalWriter,
    private readonly opts: SnapshotPolicy,
    private readonly io: StoreIo,
  ) {
    this.adopt(recovered, journal);
    if (opts.snapshotEveryMs > 0 && Number.isFinite(opts.snapshotEveryMs)) {
      this.timer = setInterval(() => {
        if (this.appliedSeq > this.latestSnapshotSeq) this.snapshotWhenIdle();
      }, opts.snapshotEveryMs);
      this.timer.unref();
    }
  }

  /** Takes on a state recovered from disk and the journal writer that continues it. */
  private adopt(recovered: RecoveredStore, journal: JournalWriter): void {
    this.session = recovered.session;
    this.reader = this.session.reader();
    this.journal = journal;
    this.appliedSeq = recovered.appliedSeq;
    this.snapshots = recovered.snapshots;
    this.journalBytes = recovered.journalBytes;
    // What was replayed counts toward the next snapshot: a store restarted often must still take one.
    this.bytesSinceSnapshot = recovered.replayedBytes;
  }

  /** The journal's failure handler for the writer it is given. */
  readonly onJournalFailure = (failure: JournalFailure): void => this.enterReadOnly(failure);

  private get latestSnapshotSeq(): number {
    return this.snapshots.at(-1) ?? 0;
  }

  /** Called once migrations ran: a snapshot after an open that replayed a lot (snapshot-policy.ts). */
  snapshotIfDueAfterOpen(recovered: Pick<RecoveredStore, 'replayedBytes' | 'unsnapshottedSinceMs'>): void {
    const due = snapshotDueAfterOpen(this.opts, {
      replayedBytes: recovered.replayedBytes,
      databaseBytes: this.sizeBytes(),
      unsnapshottedSinceMs: recovered.unsnapshottedSinceMs,
      nowMs: Date.now(),
    });
    if (due) this.snapshotWhenIdle();
  }

  private unusable(): Error | undefined {
    if (this.closed) return new DockhandError('internal', 'the store is closed');
    if (this.unreadable) return this.unreadable;
    if (this.inCall)
      return new DockhandError('internal', 'store.read/write called from inside another read or write function');
    return undefined;
  }

  health(): StoreHealth {
    const r = this.readOnly;
    return r ? { writable: false, code: r.code, dir: this.dir, message: r.error.message, since: r.since } : { writable: true };
  }

  read<T>(fn: (db: SqlReader) => T): Promise<T> {
    const bad = this.unusable();
    if (bad) return Promise.reject(bad);
    if (this.rebuilding) return this.rebuilding.then(() => this.read(fn));
    let result: T;
    this.inCall = true;
    this.session.exec('PRAGMA query_only = 1');
    try {
      result = fn(this.reader);
      if (isThenable(result)) throw new DockhandError('internal', 'store.read needs a synchronous function');
    } catch (err) {
      if (this.readOnly) return Promise.reject(err);
      return this.journal.durable(this.appliedSeq).then(
        () => Promise.reject(err),
        () => Promise.reject(err),
      );
    } finally {
      this.session.exec('PRAGMA query_only = 0');
      this.inCall = false;
    }
    // Read-only: the state was rebuilt from disk, so all of it is durable.
    if (this.readOnly) return Promise.resolve(result);
    // The function saw every commit applied so far; release its result only once they are all on disk.
    // If the journal fails meanwhile, what it saw may never reach the disk: read again once rebuilt.
    return this.journal.durable(this.appliedSeq).then(
      () => result,
      (err) => (this.readOnly ? this.read(fn) : Promise.reject(err)),
    );
  }

  write<T>(fn: (db: SqlRunner) => T): Promise<T> {
    const bad = this.unusable();
    if (bad) return Promise.reject(bad);
    if (this.rebuilding || this.readOnly) return this.writeOnceWritable(fn);
    const encoder = new StatementEncoder();
    let result: T;
    this.inCall = true;
    try {
      this.session.exec('BEGIN');
      beginTransactionWork();
      let work: 'open' | 'finished' = 'open';
      try {
        result = fn(this.session.recordingRunner(encoder));
        if (isThenable(result))
          throw new DockhandError('internal', 'store.write needs a synchronous function; nothing was applied');
        work = 'finished';
        finishTransactionWork();
        this.session.exec('COMMIT');
      } catch (err) {
        dropTransactionWork(work);
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
    const notSaved = (err: unknown) => Promise.reject(this.readOnly?.error ?? err);
    if (encoder.count === 0) return this.journal.durable(this.appliedSeq).then(() => result, notSaved);

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
    // A failed journal rejects this with the storage error; the rebuild from disk undoes the commit.
    return this.journal.durable(seq).then(() => result, notSaved);
  }

  /** A write while the store cannot save: probe the disk (with a back-off) and write if it works again. */
  private async writeOnceWritable<T>(fn: (db: SqlRunner) => T): Promise<T> {
    if (this.rebuilding) await this.rebuilding;
    if (this.readOnly && !(await this.tryResume('write'))) throw this.readOnly?.error ?? new DockhandError('storage', 'the store cannot save');
    return this.write(fn);
  }

  /**
   * The journal failed: refuse writes from now on, tell the host, rebuild the in-memory state from what
   * is durable (reads wait for it), and probe the disk until it takes writes again.
   */
  private enterReadOnly(failure: JournalFailure): void {
    if (this.closed || this.readOnly) return;
    this.readOnly = {
      code: failure.code,
      error: cannotSaveError(this.dir, failure.code, failure.message),
      since: new Date().toISOString(),
      durableAt: failure.durableAt,
    };
    this.snapshotDue = false;
    this.io.log.log('error', 'store: the journal cannot be written; serving what is on disk and refusing writes until it can', {
      dir: this.dir,
      code: failure.code,
      error: failure.message,
    });
    this.rebuilding = this.rebuildFromDisk(failure).finally(() => {
      this.rebuilding = undefined;
    });
    this.io.onHealthChange(this.health());
    this.probeTimer = setInterval(() => void this.tryResume('timer'), this.io.diskProbeEveryMs);
    this.probeTimer.unref();
  }

  private async rebuildFromDisk(failure: JournalFailure): Promise<void> {
    await this.journal.close().catch(() => {});
    const at = failure.durableAt;
    // Bytes past the last fdatasync were never acknowledged and, on a failing disk, may live only in the
    // page cache: cut them now so a crash while read-only cannot bring them back.
    if (at) await truncateFile(join(this.dir, segmentName(at.segmentFirstSeq)), at.end).catch(() => {});
    this.session.close();
    try {
      const plan = await planRecovery({ SQL: this.io.SQL, dir: this.dir, chunkBytes: this.io.readChunkBytes, durableCap: at });
      this.session = plan.session;
      this.reader = this.session.reader();
      this.appliedSeq = plan.appliedSeq;
    } catch (err) {
      this.unreadable = isDockhandError(err) ? err : new DockhandError('storage', `The store in ${this.dir} cannot be read: ${(err as Error).message}`);
      this.io.log.log('error', 'store: rebuilding from disk failed', { dir: this.dir, error: err });
    }
  }

  /** Probes the disk and, if it takes writes, recovers from disk and starts a new journal. */
  private tryResume(trigger: 'write' | 'timer'): Promise<boolean> {
    if (!this.readOnly || this.closed) return Promise.resolve(!this.readOnly);
    if (this.resuming) return this.resuming;
    if (trigger === 'write' && monotonicMs() - this.lastProbeAt < this.io.diskProbeOnWriteAfterMs) return Promise.resolve(false);
    this.lastProbeAt = monotonicMs();
    this.resuming = (async () => {
      try {
        await probeDisk(this.dir, this.io.simulatedDisk);
        await this.resume();
        return true;
      } catch (err) {
        this.io.log.log('info', 'store: the disk does not take writes yet', { dir: this.dir, error: (err as Error).message });
        return false;
      }
    })().finally(() => {
      this.resuming = undefined;
    });
    return this.resuming;
  }

  private async resume(): Promise<void> {
    if (this.rebuilding) await this.rebuilding;
    if (this.closed) throw new DockhandError('internal', 'the store is closed');
    const recovered = await recoverStore({
      SQL: this.io.SQL,
      dir: this.dir,
      log: this.io.log,
      alert: this.io.alert,
      chunkBytes: this.io.readChunkBytes,
      durableCap: this.readOnly?.durableAt,
    });
    let journal: JournalWriter;
    try {
      journal = await startJournal(this.dir, recovered, this.io, this.onJournalFailure);
    } catch (err) {
      recovered.session.close();
      throw err;
    }
    if (!this.unreadable) this.session.close();
    this.adopt(recovered, journal);
    this.readOnly = undefined;
    this.unreadable = undefined;
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = undefined;
    this.io.log.log('info', 'store: the disk takes writes again; saving resumed', { dir: this.dir, appliedSeq: this.appliedSeq });
    this.io.onHealthChange(this.health());
  }

  /**
   * Marks a snapshot due and takes it once no commit came for snapshotIdleMs, or at once when the
   * journal outgrew snapshotMaxJournalBytes. The export blocks this thread, so a commit arriving during
   * it waits; idling first keeps that out of the middle of bursts.
   */
  private snapshotWhenIdle(): void {
    if (this.closed || this.readOnly) return;
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
    if (this.readOnly) return Promise.reject(this.readOnly.error);
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
      .catch((err: Error) => {
        // Read-only already says why (the disk); the journal holds every acknowledged commit either way.
        if (this.readOnly) return;
        this.io.alert(`Background snapshot failed (the journal still holds every commit): ${err.message}`, {
          key: 'store:snapshot-failed',
          lostAcknowledged: false,
        });
      })
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
    if (this.readOnly || this.rebuilding) return;
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
    this.io.log.log('info', 'store: snapshot written', { seq, bytes, ms: Math.round(this.lastSnapshotMs) });
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
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.snapshotDue = false;
    await this.snapshotChain.catch(() => {});
    await this.resuming;
    await this.rebuilding;
    await this.journal.drained();
    this.closed = true;
    try {
      if (finalSnapshot && !this.readOnly) await this.takeSnapshot();
    } catch (err) {
      this.io.alert(`Final snapshot on close failed (the journal still holds every commit): ${(err as Error).message}`, {
        key: 'store:snapshot-failed',
        lostAcknowledged: false,
      });
    }
    await this.journal.close().catch(() => {});
    if (!this.unreadable) this.session.close();
    await this.io.releaseLock();
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
  const alert = (message: string, info: StoreAlertInfo) => {
    log.log('error', `store alert: ${message}`, { dir: options.dir, key: info.key });
    options.onAlert?.(message, info);
  };
  const migrations = checkMigrations(options.migrations);
  await mkdir(options.dir, { recursive: true, mode: STORE_DIR_MODE });
  // A folder made by an older Dockhand, or under a loose umask, is closed to other users too.
  await chmod(options.dir, STORE_DIR_MODE);
  const releaseLock = await acquireStoreLock(options.dir);
  let store: JournaledStore | undefined;
  try {
    const snapshotEveryBytes = options.snapshotEveryBytes ?? 256 * 1024 * 1024;
    const io: StoreIo = {
      SQL: await loadSqlJs(),
      log,
      alert,
      onHealthChange: (health) => options.onHealthChange?.(health),
      releaseLock,
      readChunkBytes: options.readChunkBytes,
      failJournalSyncAtSeq: options.failJournalSyncAtSeq,
      simulatedDisk: options.simulatedDisk,
      diskProbeEveryMs: options.diskProbeEveryMs ?? 5_000,
      diskProbeOnWriteAfterMs: options.diskProbeOnWriteAfterMs ?? 1_000,
    };
    const recovered = await recoverStore({ SQL: io.SQL, dir: options.dir, log, alert, chunkBytes: options.readChunkBytes });
    let failedEarly: JournalFailure | undefined;
    let onFailure: (err: JournalFailure) => void = (err) => (failedEarly = err);
    let journal: JournalWriter;
    try {
      journal = await startJournal(options.dir, recovered, io, (err) => onFailure(err));
    } catch (err) {
      recovered.session.close();
      throw err;
    }
    store = new JournaledStore(
      options.dir,
      recovered,
      journal,
      {
        snapshotEveryBytes,
        snapshotEveryMs: options.snapshotEveryMs ?? 10 * 60 * 1000,
        snapshotIdleMs: options.snapshotIdleMs ?? 500,
        snapshotMaxJournalBytes: Math.max(snapshotEveryBytes, options.snapshotMaxJournalBytes ?? 1.5 * snapshotEveryBytes),
        keepSnapshots: options.keepSnapshots ?? 3,
      },
      io,
    );
    onFailure = store.onJournalFailure;
    if (failedEarly) store.onJournalFailure(failedEarly);
    const current = await store.read(schemaVersion);
    assertKnownVersion(current, migrations);
    const now = options.now ?? (() => new Date());
    for (const m of migrations) {
      if (m.version <= current) continue;
      await store.write((db) => applyMigration(db, m, now().toISOString()));
      log.log('info', 'store: migration applied', { version: m.version, name: m.name });
    }
    store.schemaVersion = migrations.at(-1)?.version ?? current;
    store.snapshotIfDueAfterOpen(recovered);
    return store;
  } catch (err) {
    if (store) await store.abandon().catch(() => {});
    else await releaseLock();
    throw err;
  }
}
