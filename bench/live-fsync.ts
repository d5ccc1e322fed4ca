import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The disk's own floor for a durable commit, measured while the benchmark runs: a thread of its own
 * appends the same number of bytes as (every STRIDE-th of) the store's commits to a growing file and
 * fdatasyncs each one, as the journal does. Measured at the same time as the commits, it sees the same
 * CPU and disk contention, so "commit p99 within 3x of the bare fsync p99" compares what the journal
 * adds, not a loaded machine with an idle one (the idle figure is reported too).
 *
 * Plain JavaScript in the thread (no loader), like the journal thread.
 */
const PROBE_THREAD_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const fd = fs.openSync(workerData.path, 'w');
let offset = 0;
const samples = [];
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
parentPort.on('message', (m) => {
  if (m.type === 'stop') {
    fs.closeSync(fd);
    parentPort.postMessage({ type: 'samples', samples });
    return;
  }
  for (const size of m.sizes) {
    const data = Buffer.alloc(size, 7);
    const t0 = nowMs();
    let written = 0;
    while (written < size) written += fs.writeSync(fd, data, written, size - written, offset + written);
    fs.fdatasyncSync(fd);
    samples.push(nowMs() - t0);
    offset += size;
  }
});
`;

/** One probe per this many commits (about 600 probes in a 100k run: a sixth of the journal's fsyncs). */
const STRIDE = 8;

export class LiveFsyncProbe {
  private readonly thread: Worker;
  private readonly path: string;
  private seen = 0;
  private stopped: Promise<number[]> | undefined;

  constructor(dir: string) {
    this.path = join(dir, `live-fsync-${process.pid}.tmp`);
    this.thread = new Worker(PROBE_THREAD_SOURCE, { eval: true, workerData: { path: this.path }, execArgv: [] });
    this.thread.unref(); // never what keeps the benchmark alive
  }

  /** Probes the commits made since the last call; `commitBytes` is the store's full list of commit sizes. */
  follow(commitBytes: readonly number[]): void {
    const sizes: number[] = [];
    for (let i = this.seen; i < commitBytes.length; i++) if (i % STRIDE === 0) sizes.push(commitBytes[i]);
    this.seen = Math.max(this.seen, commitBytes.length);
    if (sizes.length > 0) this.thread.postMessage({ type: 'sizes', sizes });
  }

  /** Waits for the probes still queued, then returns every duration (ms) and removes the scratch file. */
  stop(): Promise<number[]> {
    this.stopped ??= this.finish();
    return this.stopped;
  }

  private async finish(): Promise<number[]> {
    const samples = new Promise<number[]>((resolve, reject) => {
      this.thread.once('message', (m: { samples: number[] }) => resolve(m.samples));
      this.thread.once('error', reject);
    });
    this.thread.postMessage({ type: 'stop' });
    const result = await samples;
    await this.thread.terminate();
    await unlink(this.path).catch(() => {});
    return result;
  }
}
