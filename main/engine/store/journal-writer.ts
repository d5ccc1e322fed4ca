import { close as closeFd, openSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { JOURNAL_THREAD_SOURCE } from './journal-thread-source.js';
import { segmentName, STORE_FILE_MODE } from './store-files.js';

interface Waiter {
  seq: number;
  resolve(): void;
  reject(err: Error): void;
}

interface PendingRotation {
  /** Closes the segment this rotation left, once the thread is done with it. */
  resolve(): void;
  reject(err: Error): void;
}

interface PendingCommit {
  seq: number;
  /** When its statements finished, on the monotonic clock of monotonicMs(). */
  committedAt: number;
  bytes: number;
}

type ThreadMessage =
  | { type: 'ready' }
  | { type: 'synced'; seq: number; doneAt: number; fsyncMs: number; bytes: number }
  | { type: 'rotated'; oldFd: number }
  | { type: 'failed'; message: string; code?: string; segmentFirstSeq: number; durableEnd: number };

/**
 * Why the journal stopped. Records after `durableSeq` were never acknowledged; when the thread could
 * say, the bytes of segment `segmentFirstSeq` past `durableEnd` are not known to be on disk.
 */
export class JournalFailure extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly durableSeq: number,
    readonly durableAt?: { segmentFirstSeq: number; end: number },
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = 'JournalFailure';
  }
}

/** Testing only: make the journal behave as on a disk that is full while `diskFull()` says so. */
export interface SimulatedDisk {
  diskFull(): boolean;
}

export interface OpenSegment {
  firstSeq: number;
  fh: FileHandle;
  /** Where the next record goes (the end of the valid prefix). */
  size: number;
}

/** Records at most this small are copied to the thread; larger ones are transferred (their buffer moves). */
const COPY_BELOW_BYTES = 64 * 1024;
const MAX_SAMPLES = 200_000;

/** Milliseconds on the process-wide monotonic clock, comparable between threads (unlike performance.now). */
export function monotonicMs(): number {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
}

function pushSample(list: number[], value: number): void {
  list.push(value);
  if (list.length > MAX_SAMPLES) list.splice(0, list.length - MAX_SAMPLES / 2);
}

/**
 * Appends committed transactions to the current journal segment, on a thread of its own with group
 * commit (see journal-thread-source.ts). Appending never blocks the engine thread, and a commit's
 * latency is measured from the end of its statements to the end of the fdatasync that covered it, as
 * seen by the journal thread, so it does not include time the engine thread is busy elsewhere.
 * A failed write or fsync poisons the writer: the in-memory state may be ahead of the disk, so nothing
 * after it may be acknowledged; the store rebuilds its state from disk and starts a new writer later.
 */
export class JournalWriter {
  private readonly thread: Worker;
  private waiters: Waiter[] = [];
  private commits: PendingCommit[] = [];
  private commitsHead = 0;
  private rotations: PendingRotation[] = [];
  private idle: Array<() => void> = [];
  private failure: JournalFailure | undefined;
  private segmentFirstSeq: number;
  /** Closes the descriptor of the segment being written (a FileHandle for the first, a raw fd later). */
  private closeCurrent: () => Promise<void>;
  private threadRef = false;
  private faultSeq: number | undefined;
  /** Set before terminating the thread on purpose, so its exit is not taken for a crash. */
  private closedThread = false;
  private closing: Promise<void> | undefined;
  /** Highest seq known to be on disk. */
  durableSeq: number;
  /** Bytes appended since open; the fdatasync durations (ms) of each flush. */
  appendedBytes = 0;
  readonly fsyncMs: number[] = [];
  /** Per durable commit: ms from the end of its statements to the end of its fdatasync, and its bytes. */
  readonly commitMs: number[] = [];
  readonly commitBytes: number[] = [];
  /**
   * Resolves once the journal thread runs (starting one takes tens of ms; awaited on open so the first
   * commit does not pay for it). Rejects if it cannot start.
   */
  readonly ready: Promise<void>;
  private markReady: () => void = () => {};

  private readonly simulated: SimulatedDisk | undefined;
  private simulatedFullPosted = false;

  constructor(
    private readonly dir: string,
    segment: OpenSegment,
    durableSeq: number,
    /** `journal.ack`, open; the thread overwrites the watermark in it after each fdatasync. */
    private readonly ack: FileHandle,
    private readonly onFailure: (err: JournalFailure) => void,
    options: { failSyncAtSeq?: number; simulatedDisk?: SimulatedDisk } = {},
  ) {
    this.durableSeq = durableSeq;
    this.simulated = options.simulatedDisk;
    this.segmentFirstSeq = segment.firstSeq;
    this.closeCurrent = () => segment.fh.close();
    this.faultSeq = options.failSyncAtSeq;
    let failStart: (err: Error) => void = () => {};
    this.ready = new Promise<void>((resolve, reject) => {
      this.markReady = resolve;
      failStart = reject;
    });
    this.ready.catch(() => {});
    this.thread = new Worker(JOURNAL_THREAD_SOURCE, {
      eval: true,
      workerData: { fd: segment.fh.fd, size: segment.size, firstSeq: segment.firstSeq, ackFd: ack.fd, dir },
      // Not the engine's loader hooks or flags: the thread runs plain JavaScript.
      execArgv: [],
      name: 'dockhand-journal',
    });
    // Held (kept from letting the process exit) only while starting or while work is outstanding.
    this.threadRef = true;
    this.thread.on('message', (m: ThreadMessage) => this.onMessage(m));
    this.thread.on('error', (err) => {
      failStart(err);
      this.fail(err);
    });
    this.thread.on('exit', (code) => {
      if (!this.closedThread) this.fail(new Error(`the journal thread exited (code ${code})`));
    });
    if (this.faultSeq !== undefined) this.thread.postMessage({ type: 'fail-sync-at', seq: this.faultSeq });
  }

  get failed(): JournalFailure | undefined {
    return this.failure;
  }

  get currentSegmentFirstSeq(): number {
    return this.segmentFirstSeq;
  }

  /**
   * Queues commit `seq` for the journal. `committedAt` (monotonicMs) is when its statements finished.
   * Takes ownership of `bytes`: a large record's memory is moved to the journal thread.
   */
  append(seq: number, bytes: Buffer, committedAt: number = monotonicMs()): void {
    if (this.failure) throw this.failure;
    const length = bytes.byteLength;
    let payload: Uint8Array;
    const transfer: ArrayBuffer[] = [];
    if (length < COPY_BELOW_BYTES || !(bytes.buffer instanceof ArrayBuffer) || bytes.buffer.byteLength > 2 * length + 4096) {
      payload = new Uint8Array(length);
      payload.set(bytes);
    } else {
      payload = bytes;
    }
    transfer.push(payload.buffer as ArrayBuffer);
    this.commits.push({ seq, committedAt, bytes: length });
    this.holdThread();
    if (this.simulated?.diskFull() && !this.simulatedFullPosted) {
      this.simulatedFullPosted = true;
      this.thread.postMessage({ type: 'fail-writes', code: 'ENOSPC' });
    }
    this.thread.postMessage({ type: 'append', seq, bytes: payload }, transfer);
  }

  /** Records with seq >= firstSeq go to a new segment `journal-<firstSeq>.log`. Resolves once it exists. */
  rotate(firstSeq: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (firstSeq === this.segmentFirstSeq) return Promise.resolve();
    let fd: number;
    try {
      // Synchronous (one small syscall) so that every append after this call lands in the new segment.
      fd = openSync(join(this.dir, segmentName(firstSeq)), 'w', STORE_FILE_MODE);
    } catch (err) {
      return Promise.reject(err as Error);
    }
    const closeOld = this.closeCurrent;
    this.closeCurrent = () => new Promise((resolve) => closeFd(fd, () => resolve()));
    this.segmentFirstSeq = firstSeq;
    return new Promise((resolve, reject) => {
      this.rotations.push({
        resolve: () => {
          closeOld().then(resolve, resolve);
        },
        reject,
      });
      this.holdThread();
      this.thread.postMessage({ type: 'rotate', fd, firstSeq });
    });
  }

  /** Resolves once every record up to `seq` is on disk. */
  durable(seq: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (seq <= this.durableSeq) return Promise.resolve();
    return new Promise((resolve, reject) => {
      // Kept sorted by seq so a flush releases a prefix; callers almost always append at the end.
      let i = this.waiters.length;
      while (i > 0 && this.waiters[i - 1].seq > seq) i--;
      this.waiters.splice(i, 0, { seq, resolve, reject });
    });
  }

  /** Resolves when nothing is queued or in flight. */
  drained(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Ends the thread and closes the files, once (later calls wait for the first). */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.drained();
      this.closedThread = true;
      await this.thread.terminate();
      await this.closeCurrent().catch(() => {});
      await this.ack.close().catch(() => {});
    })();
    return this.closing;
  }

  private isIdle(): boolean {
    return this.commitsHead === this.commits.length && this.rotations.length === 0;
  }

  /** The thread keeps the process alive only while it has work the process is waiting for. */
  private holdThread(): void {
    if (this.threadRef) return;
    this.threadRef = true;
    this.thread.ref();
  }

  private settleIfIdle(): void {
    if (!this.isIdle()) return;
    this.commits = [];
    this.commitsHead = 0;
    if (this.threadRef) {
      this.threadRef = false;
      this.thread.unref();
    }
    const idle = this.idle;
    this.idle = [];
    for (const resolve of idle) resolve();
  }

  private onMessage(m: ThreadMessage): void {
    if (this.failure) return;
    if (m.type === 'ready') {
      this.markReady();
      this.settleIfIdle();
      return;
    }
    if (m.type === 'failed') {
      this.fail(Object.assign(new Error(m.message), m.code ? { code: m.code } : {}), {
        segmentFirstSeq: m.segmentFirstSeq,
        end: m.durableEnd,
      });
      return;
    }
    if (m.type === 'rotated') {
      this.rotations.shift()?.resolve();
      this.settleIfIdle();
      return;
    }
    pushSample(this.fsyncMs, m.fsyncMs);
    this.appendedBytes += m.bytes;
    while (this.commitsHead < this.commits.length && this.commits[this.commitsHead].seq <= m.seq) {
      const c = this.commits[this.commitsHead++];
      pushSample(this.commitMs, Math.max(0, m.doneAt - c.committedAt));
      pushSample(this.commitBytes, c.bytes);
    }
    this.durableSeq = Math.max(this.durableSeq, m.seq);
    let i = 0;
    while (i < this.waiters.length && this.waiters[i].seq <= this.durableSeq) this.waiters[i++].resolve();
    if (i > 0) this.waiters.splice(0, i);
    this.settleIfIdle();
  }

  private fail(err: Error, durableAt?: { segmentFirstSeq: number; end: number }): void {
    if (this.failure) return;
    const code = (err as NodeJS.ErrnoException).code;
    this.failure = new JournalFailure(`journal write failed: ${err.message}`, code, this.durableSeq, durableAt, err);
    for (const w of this.waiters) w.reject(this.failure);
    this.waiters = [];
    for (const r of this.rotations) r.reject(this.failure);
    this.rotations = [];
    this.commits = [];
    this.commitsHead = 0;
    this.onFailure(this.failure);
    this.settleIfIdle();
  }
}
