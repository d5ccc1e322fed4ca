/**
 * The journal thread's code, as plain JavaScript run with `eval: true`: it needs no TypeScript loader
 * (tests, tsx and bundles all start it the same way) and only Node built-ins.
 *
 * It owns appending and fdatasync: everything posted while one write+fdatasync runs is drained with
 * receiveMessageOnPort and goes out in the next one (group commit). It reports when each flush became
 * durable on the process-wide monotonic clock, so commit latency excludes the time the engine thread,
 * busy with other work, takes to notice. File descriptors are opened and closed by the engine thread.
 * After each fdatasync it overwrites the acknowledged-up-to watermark (ack-watermark.ts has the layout)
 * with one small pwrite and no fsync of its own, before the commits it covers are acknowledged.
 *
 * Messages in: {type:'append', seq, bytes} | {type:'rotate', fd, firstSeq} | {type:'fail-sync-at', seq}
 * and {type:'fail-writes', code} (tests).
 * Messages out: {type:'ready'} once started | {type:'synced', seq, doneAt, fsyncMs, bytes} | {type:'rotated', oldFd} |
 * {type:'failed', message, code, segmentFirstSeq, durableEnd} (where the fsynced bytes of that segment end).
 */
export const JOURNAL_THREAD_SOURCE = String.raw`
const { parentPort, workerData, receiveMessageOnPort } = require('node:worker_threads');
const fs = require('node:fs');
const { crc32 } = require('node:zlib');

/** Flush at least every this many bytes, so one huge burst does not sit unwritten in memory. */
const MAX_BATCH_BYTES = 64 * 1024 * 1024;
let fd = workerData.fd;
let size = workerData.size;
let segmentFirstSeq = workerData.firstSeq;
const ackFd = workerData.ackFd;
const dir = workerData.dir;
let failSyncAt = -1;
let failWrites = null;
let failed = false;
const mark = Buffer.alloc(32);

/** The watermark: "DKA1", seq, segment first seq, segment end, crc32 of those 28 bytes. */
function markAcknowledged(seq) {
  mark.write('DKA1', 0, 'latin1');
  mark.writeBigUInt64LE(BigInt(seq), 4);
  mark.writeBigUInt64LE(BigInt(segmentFirstSeq), 12);
  mark.writeBigUInt64LE(BigInt(size), 20);
  mark.writeUInt32LE(crc32(mark.subarray(0, 28)), 28);
  try {
    fs.writeSync(ackFd, mark, 0, 32, 0);
  } catch {
    // A watermark that lags only makes a later damaged tail look torn (the state before this watermark).
  }
}

function nowMs() {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
}

function writeAll(bufs, total) {
  if (failWrites) {
    const err = new Error(failWrites + ': injected by a test, write');
    err.code = failWrites;
    throw err;
  }
  let written = 0;
  while (written < total) {
    const n = fs.writevSync(fd, bufs, size + written);
    written += n;
    if (written < total) {
      // Short write: continue after the bytes that made it.
      const rest = [];
      let skip = n;
      for (const b of bufs) {
        if (skip >= b.byteLength) { skip -= b.byteLength; continue; }
        rest.push(skip > 0 ? b.subarray(skip) : b);
        skip = 0;
      }
      bufs = rest;
    }
  }
}

function flush(bufs, total, lastSeq) {
  if (bufs.length === 0) return;
  writeAll(bufs, total);
  const t0 = nowMs();
  if (failSyncAt >= 0 && lastSeq >= failSyncAt) {
    failSyncAt = -1;
    const err = new Error('EIO: i/o error, fdatasync (injected by a test)');
    err.code = 'EIO';
    throw err;
  }
  fs.fdatasyncSync(fd);
  const t1 = nowMs();
  size += total;
  markAcknowledged(lastSeq);
  parentPort.postMessage({ type: 'synced', seq: lastSeq, doneAt: t1, fsyncMs: t1 - t0, bytes: total });
}

function handle(batch) {
  let bufs = [];
  let total = 0;
  let lastSeq = -1;
  for (const m of batch) {
    if (m.type === 'append') {
      bufs.push(m.bytes);
      total += m.bytes.byteLength;
      lastSeq = m.seq;
      if (total >= MAX_BATCH_BYTES) {
        flush(bufs, total, lastSeq);
        bufs = [];
        total = 0;
      }
    } else if (m.type === 'rotate') {
      flush(bufs, total, lastSeq);
      bufs = [];
      total = 0;
      const dfd = fs.openSync(dir, 'r');
      try { fs.fsyncSync(dfd); } finally { fs.closeSync(dfd); }
      const oldFd = fd;
      fd = m.fd;
      size = 0;
      segmentFirstSeq = m.firstSeq;
      parentPort.postMessage({ type: 'rotated', oldFd });
    } else if (m.type === 'fail-sync-at') {
      failSyncAt = m.seq;
    } else if (m.type === 'fail-writes') {
      failWrites = m.code;
    }
  }
  flush(bufs, total, lastSeq);
}

parentPort.on('message', (first) => {
  if (failed) return;
  const batch = [first];
  for (let m = receiveMessageOnPort(parentPort); m !== undefined; m = receiveMessageOnPort(parentPort)) batch.push(m.message);
  try {
    handle(batch);
  } catch (err) {
    failed = true;
    parentPort.postMessage({ type: 'failed', message: String((err && err.message) || err), code: err && err.code, segmentFirstSeq, durableEnd: size });
  }
});
parentPort.postMessage({ type: 'ready' });
`;
