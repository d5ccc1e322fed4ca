import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fsyncDir, segmentName } from './store-files.js';

interface RecordItem {
  kind: 'record';
  seq: number;
  bytes: Buffer;
}

interface RotateItem {
  kind: 'rotate';
  firstSeq: number;
  resolve(): void;
  reject(err: Error): void;
}

interface Waiter {
  seq: number;
  resolve(): void;
  reject(err: Error): void;
}

export interface OpenSegment {
  firstSeq: number;
  fh: FileHandle;
  /** Where the next record goes (the end of the valid prefix). */
  size: number;
}

/**
 * Appends committed transactions to the current journal segment with group commit: while one
 * write+fdatasync is in flight, later records queue and go out together in the next one, and every
 * waiter whose seq they cover is released after that fdatasync.
 * A failed write or fsync poisons the writer: the in-memory state may be ahead of the disk, so nothing
 * after it may be acknowledged (the store must be reopened).
 */
export class JournalWriter {
  private queue: Array<RecordItem | RotateItem> = [];
  private waiters: Waiter[] = [];
  private running = false;
  private idle: Array<() => void> = [];
  private failure: Error | undefined;
  /** Highest seq known to be on disk. */
  durableSeq: number;
  /** Bytes appended since open, and the fdatasync durations (ms) of each flush. */
  appendedBytes = 0;
  readonly fsyncMs: number[] = [];

  constructor(
    private readonly dir: string,
    private segment: OpenSegment,
    durableSeq: number,
    private readonly onFailure: (err: Error) => void,
  ) {
    this.durableSeq = durableSeq;
  }

  get failed(): Error | undefined {
    return this.failure;
  }

  get currentSegmentFirstSeq(): number {
    return this.segment.firstSeq;
  }

  append(seq: number, bytes: Buffer): void {
    if (this.failure) throw this.failure;
    this.queue.push({ kind: 'record', seq, bytes });
    this.kick();
  }

  /** Records with seq >= firstSeq go to a new segment `journal-<firstSeq>.log`. Resolves once it exists. */
  rotate(firstSeq: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'rotate', firstSeq, resolve, reject });
      this.kick();
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
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  async close(): Promise<void> {
    await this.drained();
    await this.segment.fh.close();
  }

  private kick(): void {
    if (this.running || this.failure) return;
    this.running = true;
    void this.loop();
  }

  private async loop(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const items = this.queue;
        this.queue = [];
        let batch: Buffer[] = [];
        let batchSeq = -1;
        for (const item of items) {
          if (item.kind === 'record') {
            batch.push(item.bytes);
            batchSeq = item.seq;
            continue;
          }
          if (batch.length > 0) await this.flush(batch, batchSeq);
          batch = [];
          try {
            await this.switchSegment(item.firstSeq);
            item.resolve();
          } catch (err) {
            item.reject(err as Error);
            throw err;
          }
        }
        if (batch.length > 0) await this.flush(batch, batchSeq);
      }
    } catch (err) {
      this.fail(err as Error);
    } finally {
      this.running = false;
      const idle = this.idle;
      this.idle = [];
      for (const resolve of idle) resolve();
    }
  }

  private async flush(batch: Buffer[], lastSeq: number): Promise<void> {
    const data = batch.length === 1 ? batch[0] : Buffer.concat(batch);
    const { fh } = this.segment;
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await fh.write(data, written, data.length - written, this.segment.size + written);
      written += bytesWritten;
    }
    const t0 = performance.now();
    await fh.datasync();
    this.fsyncMs.push(performance.now() - t0);
    if (this.fsyncMs.length > 100_000) this.fsyncMs.splice(0, this.fsyncMs.length - 50_000);
    this.segment.size += data.length;
    this.appendedBytes += data.length;
    this.durableSeq = lastSeq;
    let i = 0;
    while (i < this.waiters.length && this.waiters[i].seq <= lastSeq) this.waiters[i++].resolve();
    if (i > 0) this.waiters.splice(0, i);
  }

  private async switchSegment(firstSeq: number): Promise<void> {
    if (firstSeq === this.segment.firstSeq) return;
    const fh = await open(join(this.dir, segmentName(firstSeq)), 'w');
    await fsyncDir(this.dir);
    const old = this.segment.fh;
    this.segment = { firstSeq, fh, size: 0 };
    await old.close();
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = new Error(`journal write failed; the store must be reopened: ${err.message}`, { cause: err });
    for (const w of this.waiters) w.reject(this.failure);
    this.waiters = [];
    for (const item of this.queue) if (item.kind === 'rotate') item.reject(this.failure);
    this.queue = [];
    this.onFailure(this.failure);
  }
}
