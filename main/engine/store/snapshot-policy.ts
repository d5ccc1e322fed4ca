/** When the store folds its journal into a snapshot (open-store.ts applies it). */
export interface SnapshotPolicy {
  snapshotEveryBytes: number;
  snapshotEveryMs: number;
  snapshotIdleMs: number;
  snapshotMaxJournalBytes: number;
  keepSnapshots: number;
}

/**
 * Below this much replayed journal an open never snapshots for the journal-versus-database rule: for a
 * tiny database the replay costs nothing either way.
 */
export const REPLAY_WORTH_A_SNAPSHOT_BYTES = 1 << 20;

/**
 * Whether a snapshot is due right after open. A host restarted every few minutes never reaches the
 * running thresholds (they count from zero at each open and the timer never fires), and its journal
 * grew to 78 MB on a 4 MB database. So an open that replayed journal also snapshots, in the background
 * once idle, when what it replayed:
 * - reached the size threshold, counted across restarts;
 * - is larger than the database itself (loading a snapshot is then cheaper than the replay);
 * - or sits on a snapshot older than the time threshold (by the snapshot file's mtime).
 */
export function snapshotDueAfterOpen(
  policy: SnapshotPolicy,
  opened: { replayedBytes: number; databaseBytes: number; unsnapshottedSinceMs: number | undefined; nowMs: number },
): boolean {
  const { replayedBytes } = opened;
  if (replayedBytes <= 0) return false;
  if (replayedBytes >= policy.snapshotEveryBytes) return true;
  if (replayedBytes > Math.max(opened.databaseBytes, REPLAY_WORTH_A_SNAPSHOT_BYTES)) return true;
  return (
    opened.unsnapshottedSinceMs !== undefined &&
    Number.isFinite(policy.snapshotEveryMs) &&
    opened.nowMs - opened.unsnapshottedSinceMs >= policy.snapshotEveryMs
  );
}
