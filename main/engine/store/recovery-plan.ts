import { join } from 'node:path';
import type initSqlJs from 'sql.js';
import { readWatermark, type AckWatermark } from './ack-watermark.js';
import { readWholeFile } from './chunked-read.js';
import { decodePayload, type JournalRecord } from './journal-record.js';
import { scanSegment } from './journal-scan.js';
import { readSnapshot } from './snapshot-files.js';
import { SqlSession } from './sql-session.js';
import { cannotRebuildError } from './storage-errors.js';
import { ACK_FILE, asideName, listStoreDir, sidecarName, snapshotName, type SegmentFile, type StoreListing } from './store-files.js';

/** What the store tells about damage it found, for the alert a person sees. */
export interface StoreAlertInfo {
  /** Alerts keyed alike replace each other ("store:..."). */
  key: string;
  /**
   * Commits that were acknowledged are missing from the rebuilt state: whatever Dockhand told a cart or
   * the warehouse after them may be done again from the older state, so a person must look first.
   */
  lostAcknowledged: boolean;
}

export interface PlannedAlert {
  message: string;
  info: StoreAlertInfo;
}

/** A change to the store folder that recovery needs before writing resumes; none is made while planning. */
export type Repair =
  | { kind: 'delete-temp'; name: string }
  | { kind: 'set-aside'; name: string; aside: string }
  | { kind: 'copy-aside'; name: string; aside: string }
  | { kind: 'truncate'; name: string; size: number };

export interface RecoveryPlan {
  session: SqlSession;
  /** Seq of the last transaction applied: the next commit gets appliedSeq + 1. */
  appliedSeq: number;
  /** Seq of the snapshot the state was built from (0: none, built from an empty database). */
  baseSnapshotSeq: number;
  /** Seqs of the usable snapshots, ascending (damaged ones are set aside by the repairs). */
  snapshots: number[];
  repairs: Repair[];
  /** Journal segments that stay in play, with the size of their valid prefix. */
  kept: Array<{ firstSeq: number; name: string; size: number }>;
  /** The last kept segment ends exactly at appliedSeq, so appending continues in it. */
  continueLast: boolean;
  journalBytes: number;
  /** Journal bytes replayed over the base snapshot: what the next open would replay again without a snapshot. */
  replayedBytes: number;
  /** When the base snapshot was written (ms since the epoch); undefined when built without one. */
  unsnapshottedSinceMs: number | undefined;
  alerts: PlannedAlert[];
}

export interface PlanContext {
  SQL: initSqlJs.SqlJsStatic;
  dir: string;
  /** Read size for snapshots and segments (tests use small ones to exercise the chunked path). */
  chunkBytes?: number;
  /**
   * Only this many bytes of this segment count (the journal failed and the rest was never made durable):
   * used to rebuild the state that is on disk while the store is read-only.
   */
  durableCap?: { segmentFirstSeq: number; end: number };
  now?: number;
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

async function loadSnapshot(
  ctx: PlanContext,
  seq: number,
): Promise<SqlSession | { problem: string; unreadable: boolean }> {
  const read = await readSnapshot(ctx.dir, seq, { chunkBytes: ctx.chunkBytes });
  if ('problem' in read) return read;
  let db: initSqlJs.Database;
  try {
    db = new ctx.SQL.Database(read.image);
  } catch (err) {
    return { problem: `it cannot be opened as a database (${(err as Error).message})`, unreadable: false };
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
    return { problem: `PRAGMA integrity_check says: ${result.slice(0, 500)}`, unreadable: false };
  }
  return new SqlSession(db);
}

const errorText = (err: unknown) => (err as Error)?.message ?? String(err);

/**
 * Finds the base of the rebuild: the newest snapshot that verifies and that the journal continues,
 * falling back past damaged ones. Refuses (throws) when none is left and the journal does not start at
 * seq 1, when a snapshot cannot be read at all (an fs error, not bad bytes: the file may be sound), and
 * when the folder shows it held data (a watermark) but has neither snapshots nor journal.
 */
async function findBase(
  ctx: PlanContext,
  listing: StoreListing,
  watermark: AckWatermark | undefined,
  alerts: PlannedAlert[],
  repairs: Repair[],
  now: number,
): Promise<{ session: SqlSession; seq: number; snapshots: number[] }> {
  const { segments } = listing;
  const snapshots = [...listing.snapshots];
  const damaged: string[] = [];
  const journalStart = segments[0]?.firstSeq;
  for (let i = snapshots.length - 1; i >= 0; i--) {
    const seq = snapshots[i];
    const loaded = await loadSnapshot(ctx, seq);
    if (loaded instanceof SqlSession) {
      if (journalStart !== undefined && journalStart > seq + 1) {
        loaded.close();
        throw cannotRebuildError(ctx.dir, [
          ...damaged,
          `${segments[0].name}: the journal starts at seq ${journalStart}, but the newest usable snapshot ` +
            `${snapshotName(seq)} ends at seq ${seq}; the journal files in between are missing.`,
        ]);
      }
      if (damaged.length > 0) {
        alerts.push({
          message:
            `${damaged.join(' ')} Falling back to the previous snapshot ${snapshotName(seq)} and the journal; ` +
            'nothing acknowledged was lost. The damaged files are kept aside.',
          info: { key: 'store:snapshot-damaged', lostAcknowledged: false },
        });
      }
      return { session: loaded, seq, snapshots };
    }
    const finding = `${snapshotName(seq)}: ${loaded.problem}.`;
    if (loaded.unreadable) throw cannotRebuildError(ctx.dir, [...damaged, finding]);
    damaged.push(`Snapshot ${snapshotName(seq)} is damaged (${loaded.problem}).`);
    repairs.push({ kind: 'set-aside', name: snapshotName(seq), aside: asideName(snapshotName(seq), 'damaged', now) });
    repairs.push({ kind: 'set-aside', name: sidecarName(seq), aside: asideName(sidecarName(seq), 'damaged', now) });
    snapshots.splice(i, 1);
  }
  // No usable snapshot: only a journal that starts at the very first commit rebuilds the state.
  if (journalStart !== undefined && journalStart !== 1) {
    throw cannotRebuildError(ctx.dir, [
      ...damaged,
      ...(listing.snapshots.length === 0 ? ['No snapshot (snapshot-<seq>.sqlite) is left in the folder.'] : []),
      `${segments[0].name}: the journal starts at seq ${journalStart}, so without a snapshot up to seq ` +
        `${journalStart - 1} the commits before it cannot be rebuilt.`,
    ]);
  }
  if (journalStart === undefined && (damaged.length > 0 || (watermark && watermark.seq > 0))) {
    throw cannotRebuildError(ctx.dir, [
      ...damaged,
      `No journal file (journal-<seq>.log) is left, although ${
        damaged.length > 0 ? 'snapshots were taken' : `${ACK_FILE} shows commits up to seq ${watermark?.seq} were saved`
      }.`,
    ]);
  }
  if (damaged.length > 0) {
    alerts.push({
      message: `${damaged.join(' ')} Falling back to the journal alone (it starts at the first commit); nothing acknowledged was lost. The damaged files are kept aside.`,
      info: { key: 'store:snapshot-damaged', lostAcknowledged: false },
    });
  }
  return { session: new SqlSession(new ctx.SQL.Database()), seq: 0, snapshots };
}

interface ReplayProblem {
  index: number;
  offset: number;
  reason: string;
}

/**
 * Works out how to rebuild the in-memory database from `dir` and does so in memory, without changing
 * a byte of the folder: the newest good snapshot, then every journal record after it in seq order. The
 * changes the folder needs before writing resumes (cutting a torn tail, setting damaged files aside) are
 * listed in `repairs`, for recover.ts to make. Throws a `storage` DockhandError, having changed nothing,
 * when the files cannot rebuild the acknowledged state (see findBase) or cannot be read.
 *
 * A bad journal tail is told apart by the acknowledged-up-to watermark (ack-watermark.ts): beyond it, a
 * write torn by a crash, cut quietly; before it, damage to commits a caller was told were saved, cut
 * with an alert that says acknowledged changes were lost. Damage followed by later records is always the
 * latter.
 */
export async function planRecovery(ctx: PlanContext): Promise<RecoveryPlan> {
  const { dir } = ctx;
  const now = ctx.now ?? Date.now();
  let listing: StoreListing;
  try {
    listing = await listStoreDir(dir);
  } catch (err) {
    throw cannotRebuildError(dir, [`The folder cannot be read: ${errorText(err)}.`]);
  }
  const watermark = await readWatermark(dir);
  const alerts: PlannedAlert[] = [];
  const repairs: Repair[] = listing.temps.map((name) => ({ kind: 'delete-temp', name }) as const);
  const base = await findBase(ctx, listing, watermark, alerts, repairs, now);
  const session = base.session;

  let applied = base.seq;
  let replayedBytes = 0;
  const segments: SegmentFile[] = listing.segments;
  const validEnd = new Map<number, number>();
  /** Seq of the last good record of each scanned segment. */
  const tailSeq = new Map<number, number>();
  let problem: ReplayProblem | undefined;
  let torn: { index: number; offset: number; bytes: number } | undefined;
  let start = 0;
  for (let i = 0; i < segments.length; i++) if (segments[i].firstSeq <= applied + 1) start = i;
  try {
    for (let i = start; i < segments.length && !problem; i++) {
      const seg = segments[i];
      let buf: Buffer;
      try {
        buf = (await readWholeFile(join(dir, seg.name), { chunkBytes: ctx.chunkBytes })).bytes;
      } catch (err) {
        throw cannotRebuildError(dir, [`${seg.name} cannot be read: ${errorText(err)}.`]);
      }
      const cap = ctx.durableCap;
      if (cap && cap.segmentFirstSeq === seg.firstSeq && buf.length > cap.end) {
        // Never acknowledged, and maybe never on disk: cut before writing resumes, or it would come back.
        buf = buf.subarray(0, cap.end);
        repairs.push({ kind: 'truncate', name: seg.name, size: cap.end });
      }
      const scan = scanSegment(buf, seg.firstSeq - 1);
      tailSeq.set(i, seg.firstSeq - 1);
      for (const rec of scan.records) {
        if (rec.seq <= applied) {
          tailSeq.set(i, rec.seq);
          continue;
        }
        if (rec.offset === 0 && rec.seq > applied + 1) {
          // A whole file's worth of commits is missing between two journal files: they can be put back.
          throw cannotRebuildError(dir, [
            `${seg.name} starts at seq ${rec.seq}, but the journal before it ends at seq ${applied}: the commits ` +
              `${applied + 1} to ${rec.seq - 1} are missing (a journal file was removed or cut short).`,
          ]);
        }
        if (rec.seq !== applied + 1) {
          problem = { index: i, offset: rec.offset, reason: `expected seq ${applied + 1}, found ${rec.seq}` };
          break;
        }
        try {
          applyRecord(session, decodePayload(rec.payload));
        } catch (err) {
          problem = { index: i, offset: rec.offset, reason: `replaying seq ${rec.seq} failed: ${errorText(err)}` };
          break;
        }
        applied = rec.seq;
        replayedBytes += rec.end - rec.offset;
        tailSeq.set(i, rec.seq);
      }
      if (problem) break;
      if (scan.stop.kind === 'corrupt') {
        problem = { index: i, offset: scan.stop.offset, reason: scan.stop.reason };
      } else if (scan.stop.kind === 'torn') {
        const laterData = segments.slice(i + 1).some((s) => s.size > 0);
        if (laterData) problem = { index: i, offset: scan.stop.offset, reason: 'bad bytes before later journal segments' };
        else {
          torn = { index: i, offset: scan.stop.offset, bytes: buf.length - scan.stop.offset };
          validEnd.set(i, scan.stop.offset);
        }
      }
    }
  } catch (err) {
    session.close();
    throw err;
  }

  // Acknowledged commits the rebuilt state lacks: the journal was damaged, cut or partly removed.
  const lostAck = watermark !== undefined && watermark.seq > applied;
  const ackNote = lostAck
    ? ` Commits up to seq ${watermark.seq} had been acknowledged, so saved changes are missing.`
    : '';
  let kept: SegmentFile[] = segments;
  if (problem) {
    const bad = segments[problem.index];
    const keptAside: string[] = [];
    if (problem.offset > 0) {
      const aside = asideName(bad.name, 'corrupt', now);
      repairs.push({ kind: 'copy-aside', name: bad.name, aside }, { kind: 'truncate', name: bad.name, size: problem.offset });
      validEnd.set(problem.index, problem.offset);
      keptAside.push(aside);
      kept = segments.slice(0, problem.index + 1);
    } else {
      const aside = asideName(bad.name, 'corrupt', now);
      repairs.push({ kind: 'set-aside', name: bad.name, aside });
      keptAside.push(aside);
      kept = segments.slice(0, problem.index);
    }
    for (const later of segments.slice(problem.index + 1)) {
      const aside = asideName(later.name, 'corrupt', now);
      repairs.push({ kind: 'set-aside', name: later.name, aside });
      keptAside.push(aside);
    }
    alerts.push({
      message:
        `The store journal is damaged in ${bad.name} at byte ${problem.offset} (${problem.reason}). ` +
        `Replay stopped at seq ${applied}; later commits are lost.${ackNote} Damaged files kept as: ${keptAside.join(', ')}.`,
      info: { key: 'store:journal-damaged', lostAcknowledged: true },
    });
  } else if (torn && lostAck) {
    const seg = segments[torn.index];
    const aside = asideName(seg.name, 'corrupt', now);
    repairs.push({ kind: 'copy-aside', name: seg.name, aside }, { kind: 'truncate', name: seg.name, size: torn.offset });
    alerts.push({
      message:
        `The last ${torn.bytes} bytes of the store journal ${seg.name} (from byte ${torn.offset}) are damaged, and they ` +
        `held acknowledged commits: the state was rebuilt up to seq ${applied}.${ackNote} The damaged file is kept as ${aside}.`,
      info: { key: 'store:journal-damaged', lostAcknowledged: true },
    });
  } else if (torn) {
    // Never acknowledged: a crash in the middle of an append. Cut quietly.
    repairs.push({ kind: 'truncate', name: segments[torn.index].name, size: torn.offset });
  } else if (lostAck) {
    alerts.push({
      message:
        `The store journal ends at seq ${applied} (${segments.at(-1)?.name ?? 'no journal file'}), but ${ACK_FILE} shows ` +
        `commits up to seq ${watermark.seq} were acknowledged: journal files were cut or removed.${ackNote}`,
      info: { key: 'store:journal-damaged', lostAcknowledged: true },
    });
  }

  const sizes = kept.map((s, i) => validEnd.get(i) ?? s.size);
  const capped = ctx.durableCap;
  const keptFiles = kept.map((s, i) => ({
    firstSeq: s.firstSeq,
    name: s.name,
    size: capped && capped.segmentFirstSeq === s.firstSeq ? Math.min(sizes[i], capped.end) : sizes[i],
  }));
  // Without a snapshot there is no time to measure from (a segment's mtime moves with every append).
  const baseMtime = base.seq > 0 ? listing.snapshotMtimeMs.get(base.seq) : undefined;
  return {
    session,
    appliedSeq: applied,
    baseSnapshotSeq: base.seq,
    snapshots: base.snapshots,
    repairs,
    kept: keptFiles,
    continueLast: kept.length > 0 && tailSeq.get(kept.length - 1) === applied,
    journalBytes: keptFiles.reduce((a, s) => a + s.size, 0),
    replayedBytes,
    unsnapshottedSinceMs: baseMtime,
    alerts,
  };
}
