import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** File names in a store directory. Seqs are zero-padded so a plain `ls` lists them in order. */
export const LOCK_FILE = 'store.lock';
/** The journal thread's "acknowledged up to" watermark (ack-watermark.ts). */
export const ACK_FILE = 'journal.ack';

/**
 * Customer data: everything the store writes is readable by its owner only, in a folder only its owner
 * can enter (a data folder that pre-exists, or a umask of 022, must not make it readable to every local user).
 */
export const STORE_DIR_MODE = 0o700;
export const STORE_FILE_MODE = 0o600;
const PAD = 12;

export function segmentName(firstSeq: number): string {
  return `journal-${String(firstSeq).padStart(PAD, '0')}.log`;
}

export function snapshotName(seq: number): string {
  return `snapshot-${String(seq).padStart(PAD, '0')}.sqlite`;
}

/** Checksum and size of a snapshot, written before the snapshot itself is renamed into place. */
export function sidecarName(seq: number): string {
  return `snapshot-${String(seq).padStart(PAD, '0')}.json`;
}

export interface SegmentFile {
  firstSeq: number;
  name: string;
  size: number;
}

export interface StoreListing {
  segments: SegmentFile[];
  /** Seqs of snapshot data files, ascending. */
  snapshots: number[];
  /** Last modified (ms since the epoch) of each snapshot data file, by seq. */
  snapshotMtimeMs: Map<number, number>;
  /** Leftovers of an interrupted write (`*.tmp`), safe to delete. */
  temps: string[];
}

export async function listStoreDir(dir: string): Promise<StoreListing> {
  const names = await readdir(dir);
  const segments: SegmentFile[] = [];
  const snapshots: number[] = [];
  const snapshotMtimeMs = new Map<number, number>();
  const temps: string[] = [];
  for (const name of names) {
    let m: RegExpExecArray | null;
    if (name.endsWith('.tmp')) temps.push(name);
    else if ((m = /^journal-(\d+)\.log$/.exec(name))) {
      segments.push({ firstSeq: Number(m[1]), name, size: (await stat(join(dir, name))).size });
    } else if ((m = /^snapshot-(\d+)\.sqlite$/.exec(name))) {
      snapshots.push(Number(m[1]));
      snapshotMtimeMs.set(Number(m[1]), (await stat(join(dir, name))).mtimeMs);
    }
  }
  segments.sort((a, b) => a.firstSeq - b.firstSeq);
  snapshots.sort((a, b) => a - b);
  return { segments, snapshots, snapshotMtimeMs, temps };
}

/** Makes renames, creations and deletions in `dir` durable. */
export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Suffix that takes a damaged file out of play while keeping it for inspection. */
export function asideName(name: string, why: 'corrupt' | 'damaged', now = Date.now()): string {
  return `${name}.${why}-${now}`;
}
