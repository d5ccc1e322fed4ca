import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** File names in a store directory. Seqs are zero-padded so a plain `ls` lists them in order. */
export const LOCK_FILE = 'store.lock';
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
  /** Leftovers of an interrupted write (`*.tmp`), safe to delete. */
  temps: string[];
}

export async function listStoreDir(dir: string): Promise<StoreListing> {
  const names = await readdir(dir);
  const segments: SegmentFile[] = [];
  const snapshots: number[] = [];
  const temps: string[] = [];
  for (const name of names) {
    let m: RegExpExecArray | null;
    if (name.endsWith('.tmp')) temps.push(name);
    else if ((m = /^journal-(\d+)\.log$/.exec(name))) {
      const size = (await stat(join(dir, name))).size;
      segments.push({ firstSeq: Number(m[1]), name, size });
    } else if ((m = /^snapshot-(\d+)\.sqlite$/.exec(name))) snapshots.push(Number(m[1]));
  }
  segments.sort((a, b) => a.firstSeq - b.firstSeq);
  snapshots.sort((a, b) => a - b);
  return { segments, snapshots, temps };
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
