import { copyFile, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type initSqlJs from 'sql.js';
import { DockhandError, isDockhandError } from '../../../shared/errors.js';
import type { Logger } from '../platform/ports.js';
import { openWatermark } from './ack-watermark.js';
import type { OpenSegment } from './journal-writer.js';
import { planRecovery, type Repair, type StoreAlertInfo } from './recovery-plan.js';
import type { SqlSession } from './sql-session.js';
import { fsyncDir, segmentName, STORE_FILE_MODE } from './store-files.js';

export { applyRecord, type StoreAlertInfo } from './recovery-plan.js';

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
  /** `journal.ack`, open for the journal thread (reset to the recovered state unless acknowledged commits were lost). */
  ack: FileHandle;
  journalBytes: number;
  /** Journal bytes replayed over the base snapshot. */
  replayedBytes: number;
  /** When the base snapshot was written (ms since the epoch); undefined when built without one. */
  unsnapshottedSinceMs: number | undefined;
  /** Acknowledged commits were missing and are lost (an alert said so). */
  lostAcknowledged: boolean;
}

interface Ctx {
  SQL: initSqlJs.SqlJsStatic;
  dir: string;
  log: Logger;
  alert(message: string, info: StoreAlertInfo): void;
  chunkBytes?: number;
  /** After a journal failure: where the durable bytes of the segment being written end. */
  durableCap?: { segmentFirstSeq: number; end: number };
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

async function makeRepair(dir: string, r: Repair, log: Logger): Promise<void> {
  switch (r.kind) {
    case 'delete-temp':
      await unlink(join(dir, r.name)).catch(() => {});
      return;
    case 'set-aside':
      await rename(join(dir, r.name), join(dir, r.aside)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      return;
    case 'copy-aside':
      await copyFile(join(dir, r.name), join(dir, r.aside));
      return;
    case 'truncate':
      log.log('warn', 'store: cutting the journal after its last good record', { segment: r.name, offset: r.size });
      await truncateDurably(join(dir, r.name), r.size);
      return;
  }
}

/**
 * Rebuilds the in-memory database (recovery-plan.ts works out how, touching nothing, and refuses when
 * the files cannot rebuild the acknowledged state), then makes the folder ready for new commits: cuts a
 * torn tail, sets damaged files aside, opens the segment to continue and resets the watermark. Only
 * then are the alerts raised, so a refused open leaves the folder exactly as it was.
 */
export async function recoverStore(ctx: Ctx): Promise<RecoveredStore> {
  const { dir, log } = ctx;
  const plan = await planRecovery({ SQL: ctx.SQL, dir, chunkBytes: ctx.chunkBytes, durableCap: ctx.durableCap });
  let segment: OpenSegment | undefined;
  try {
    for (const r of plan.repairs) await makeRepair(dir, r, log);
    // Continue the last segment only when it ends exactly at the applied state; otherwise start afresh so
    // a segment never holds a hole.
    const last = plan.kept.at(-1);
    if (last && plan.continueLast) {
      segment = { firstSeq: last.firstSeq, fh: await open(join(dir, last.name), 'r+'), size: last.size };
    } else {
      const firstSeq = plan.appliedSeq + 1;
      segment = { firstSeq, fh: await open(join(dir, segmentName(firstSeq)), 'w', STORE_FILE_MODE), size: 0 };
    }
    const lostAcknowledged = plan.alerts.some((a) => a.info.lostAcknowledged);
    const ack = await openWatermark(
      dir,
      lostAcknowledged ? undefined : { seq: plan.appliedSeq, segmentFirstSeq: segment.firstSeq, segmentEnd: segment.size },
    );
    await fsyncDir(dir);
    for (const a of plan.alerts) ctx.alert(a.message, a.info);
    log.log('info', 'store: recovered', {
      baseSnapshotSeq: plan.baseSnapshotSeq,
      appliedSeq: plan.appliedSeq,
      segments: plan.kept.length,
      replayedBytes: plan.replayedBytes,
    });
    return {
      session: plan.session,
      appliedSeq: plan.appliedSeq,
      baseSnapshotSeq: plan.baseSnapshotSeq,
      snapshots: plan.snapshots,
      segment,
      ack,
      journalBytes: plan.journalBytes,
      replayedBytes: plan.replayedBytes,
      unsnapshottedSinceMs: plan.unsnapshottedSinceMs,
      lostAcknowledged,
    };
  } catch (err) {
    await segment?.fh.close().catch(() => {});
    plan.session.close();
    if (isDockhandError(err)) throw err;
    throw new DockhandError(
      'storage',
      `Dockhand cannot prepare its database folder ${dir} for new changes: ${(err as Error).message}. ` +
        'Free space on that disk (or fix what keeps the folder from being written), then start Dockhand again.',
      { cause: err },
    );
  }
}
