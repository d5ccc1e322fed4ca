import { copyFile, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type initSqlJs from 'sql.js';
import type { Logger } from '../platform/ports.js';
import { decodePayload, type JournalRecord } from './journal-record.js';
import { scanSegment } from './journal-scan.js';
import type { OpenSegment } from './journal-writer.js';
import { readSnapshot } from './snapshot-files.js';
import { SqlSession } from './sql-session.js';
import {
  asideName,
  fsyncDir,
  listStoreDir,
  segmentName,
  sidecarName,
  snapshotName,
  type SegmentFile,
} from './store-files.js';

export interface RecoveredStore {
  session: SqlSession;
  /** Seq of the last transaction applied: the next commit gets appliedSeq + 1. */
  appliedSeq: number;
  /** Seq of the snapshot the state was built from (0: none, built from an empty database). */
  baseSnapshotSeq: number;
  /** Seqs of the snapshots on disk that are usable, ascending. */
  snapshots: number[];
  /** Segment the journal writer continues in. */
  segment: OpenSegment;
  journalBytes: number;
}

interface Ctx {
  SQL: initSqlJs.SqlJsStatic;
  dir: string;
  log: Logger;
  alert(message: string): void;
}

/** Applies one journaled transaction exactly as it ran live. */
export function applyRecord(session: SqlSession, record: JournalRecord): void {
  session.exec('BEGIN');
  try {
    for (const s of record.statements) session.execute(s.mode, s.sql, s.params);
    session.exec('COMMIT');
  } catch (err) {
    try {
      session.exec('ROLLBACK');
    } catch {
      /* already rolled back */
    }
    throw err;
  }
}

async function loadSnapshot(ctx: Ctx, seq: number): Promise<SqlSession | string> {
  const read = await readSnapshot(ctx.dir, seq);
  if ('problem' in read) return read.problem;
  let db: initSqlJs.Database;
  try {
    db = new ctx.SQL.Database(read.image);
  } catch (err) {
    return `it cannot be opened as a database (${(err as Error).message})`;
  }
  let result: string;
  try {
    const rows = db.exec('PRAGMA integrity_check');
    result = rows[0]?.values.map((v) => String(v[0])).join('; ') ?? '';
  } catch (err) {
    result = `error: ${(err as Error).message}`;
  }
  if (result !== 'ok') {
    db.close();
    return `PRAGMA integrity_check says: ${result.slice(0, 500)}`;
  }
  return new SqlSession(db);
}

async function setAside(dir: string, name: string, why: 'corrupt' | 'damaged'): Promise<string> {
  const aside = asideName(name, why);
  await rename(join(dir, name), join(dir, aside)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  return aside;
}

async function truncateDurably(path: string, size: number): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    await fh.truncate(size);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Rebuilds the in-memory database: the newest snapshot that verifies (falling back, with an alert, past
 * damaged ones), then every journal record after it in seq order. A torn last record is cut off quietly;
 * damage anywhere else stops replay there with an alert, and the damaged journal is kept aside so new
 * commits never land behind a hole.
 */
export async function recoverStore(ctx: Ctx): Promise<RecoveredStore> {
  const { dir, log } = ctx;
  const listing = await listStoreDir(dir);
  for (const t of listing.temps) await unlink(join(dir, t)).catch(() => {});

  let session: SqlSession | undefined;
  let baseSnapshotSeq = 0;
  const snapshots = [...listing.snapshots];
  for (let i = snapshots.length - 1; i >= 0 && !session; i--) {
    const seq = snapshots[i];
    const loaded = await loadSnapshot(ctx, seq);
    if (typeof loaded === 'string') {
      ctx.alert(
        `Snapshot ${snapshotName(seq)} is damaged (${loaded}); falling back to ` +
          (i > 0 ? `the previous snapshot ${snapshotName(snapshots[i - 1])}` : 'the journal alone') +
          '. The damaged file is kept aside.',
      );
      await setAside(dir, snapshotName(seq), 'damaged');
      await setAside(dir, sidecarName(seq), 'damaged');
      snapshots.splice(i, 1);
      continue;
    }
    session = loaded;
    baseSnapshotSeq = seq;
  }
  session ??= new SqlSession(new ctx.SQL.Database());

  let applied = baseSnapshotSeq;
  const segments: SegmentFile[] = listing.segments;
  const validEnd = new Map<number, number>();
  /** Seq of the last good record of each scanned segment. */
  const tailSeq = new Map<number, number>();
  let problem: { index: number; offset: number; reason: string } | undefined;
  let start = -1;
  for (let i = 0; i < segments.length; i++) if (segments[i].firstSeq <= applied + 1) start = i;
  if (segments.length > 0 && start === -1) {
    problem = {
      index: 0,
      offset: 0,
      reason: `the journal starts at seq ${segments[0].firstSeq} but the state is at seq ${applied}`,
    };
  }
  for (let i = Math.max(start, 0); i < segments.length && !problem; i++) {
    const seg = segments[i];
    const buf = await readFile(join(dir, seg.name));
    const scan = scanSegment(buf, seg.firstSeq - 1);
    tailSeq.set(i, seg.firstSeq - 1);
    for (const rec of scan.records) {
      if (rec.seq <= applied) {
        tailSeq.set(i, rec.seq);
        continue;
      }
      if (rec.seq !== applied + 1) {
        problem = { index: i, offset: rec.offset, reason: `expected seq ${applied + 1}, found ${rec.seq}` };
        break;
      }
      try {
        applyRecord(session, decodePayload(rec.payload));
      } catch (err) {
        problem = { index: i, offset: rec.offset, reason: `replaying seq ${rec.seq} failed: ${(err as Error).message}` };
        break;
      }
      applied = rec.seq;
      tailSeq.set(i, rec.seq);
    }
    if (problem) break;
    if (scan.stop.kind === 'corrupt') {
      problem = { index: i, offset: scan.stop.offset, reason: scan.stop.reason };
    } else if (scan.stop.kind === 'torn') {
      const laterData = segments.slice(i + 1).some((s) => s.size > 0);
      if (laterData) {
        problem = { index: i, offset: scan.stop.offset, reason: 'bad bytes before later journal segments' };
      } else {
        log.log('warn', 'store: cutting off an incomplete journal record left by a crash', {
          segment: seg.name,
          offset: scan.stop.offset,
          bytes: buf.length - scan.stop.offset,
        });
        await truncateDurably(join(dir, seg.name), scan.stop.offset);
        validEnd.set(i, scan.stop.offset);
      }
    }
  }

  let kept = segments;
  if (problem) {
    const bad = segments[problem.index];
    const keptAside: string[] = [];
    if (problem.offset > 0) {
      const aside = asideName(bad.name, 'corrupt');
      await copyFile(join(dir, bad.name), join(dir, aside));
      await truncateDurably(join(dir, bad.name), problem.offset);
      validEnd.set(problem.index, problem.offset);
      keptAside.push(aside);
      kept = segments.slice(0, problem.index + 1);
    } else {
      keptAside.push(await setAside(dir, bad.name, 'corrupt'));
      kept = segments.slice(0, problem.index);
    }
    for (const later of segments.slice(problem.index + 1)) keptAside.push(await setAside(dir, later.name, 'corrupt'));
    await fsyncDir(dir);
    ctx.alert(
      `The store journal is damaged in ${bad.name} at byte ${problem.offset} (${problem.reason}). ` +
        `Replay stopped at seq ${applied}; later commits are lost. Damaged files kept as: ${keptAside.join(', ')}.`,
    );
  }

  const sizes = kept.map((s, i) => validEnd.get(i) ?? s.size);
  const journalBytes = sizes.reduce((a, b) => a + b, 0);
  const last = kept.at(-1);
  let segment: OpenSegment;
  // Continue the last segment only when it ends exactly at the applied state; otherwise start afresh so
  // a segment never holds a hole.
  const lastEndsAtApplied = last !== undefined && tailSeq.get(kept.length - 1) === applied;
  if (last && lastEndsAtApplied) {
    segment = { firstSeq: last.firstSeq, fh: await open(join(dir, last.name), 'r+'), size: sizes.at(-1)! };
  } else {
    const firstSeq = applied + 1;
    segment = { firstSeq, fh: await open(join(dir, segmentName(firstSeq)), 'w'), size: 0 };
    await fsyncDir(dir);
  }
  log.log('info', 'store: recovered', { baseSnapshotSeq, appliedSeq: applied, segments: kept.length });
  return { session, appliedSeq: applied, baseSnapshotSeq, snapshots, segment, journalBytes };
}
