import type { NotArchived, RowError, UnreadableFile } from '../connectors/wms/wms-connector.js';
import { clearAlert, raiseAlert } from '../store/repositories/alerts-repo.js';
import type { SqlRunner } from '../store/sql.js';

/**
 * The alerts of inbound WMS files, one per file (keyed by merchant and file name), so a file's problem
 * is raised once however often it is seen. An alert clears when the person dismisses it, or when a file
 * of the same name is read cleanly later (the warehouse fixed it and dropped it again): then the
 * problem it named is gone.
 */

export type InboundKind = 'confirmations' | 'inventory';

const LABEL: Record<InboundKind, string> = { confirmations: 'Confirmation file', inventory: 'Inventory file' };
const RUN: Record<InboundKind, string> = { confirmations: 'Shipping Confirmations', inventory: 'Inventory' };

/** Bad lines an alert names (the rest are in the run's errors on the Activity screen). */
export const ALERT_LINES = 5;

const rowsKey = (kind: InboundKind, merchantId: number, fileName: string) =>
  `${kind === 'confirmations' ? 'confirmation' : 'inventory'}-rows:${merchantId}:${fileName}`;
const unreadableKey = (merchantId: number, fileName: string) => `unreadable:${merchantId}:${fileName}`;
const notArchivedKey = (merchantId: number, fileName: string) => `not-archived:${merchantId}:${fileName}`;

/** A file that could not be read at all: where it went, and why. */
export function raiseUnreadableFile(db: SqlRunner, kind: InboundKind, merchantId: number, file: UnreadableFile, now: string): void {
  const where = file.movedTo ? `the error folder ${file.movedTo}` : 'the error folder';
  raiseAlert(
    db,
    { key: unreadableKey(merchantId, file.fileName), severity: 'error', targetType: 'merchant', targetId: merchantId, message: `${LABEL[kind]} ${file.fileName} could not be read and was moved to ${where}: ${file.reason}. Nothing in it was applied.` },
    now,
  );
}

/**
 * A file read and applied: its bad rows raise an alert naming the file and its first bad lines (line
 * number and reason); a clean file clears what an earlier file of that name raised.
 */
export function settleFileAlerts(db: SqlRunner, kind: InboundKind, merchantId: number, fileName: string, errors: RowError[], now: string): void {
  clearAlert(db, unreadableKey(merchantId, fileName), now);
  if (errors.length === 0) {
    clearAlert(db, rowsKey(kind, merchantId, fileName), now);
    return;
  }
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  const shown = sorted.slice(0, ALERT_LINES).map((e, k) => `${k === 0 ? 'Line' : 'line'} ${e.line}: ${e.reason}`);
  const more = sorted.length > ALERT_LINES ? `; and ${sorted.length - ALERT_LINES} more (see the ${RUN[kind]} run on the Activity screen)` : '';
  raiseAlert(
    db,
    {
      key: rowsKey(kind, merchantId, fileName),
      severity: 'warning',
      targetType: 'merchant',
      targetId: merchantId,
      message: `${LABEL[kind]} ${fileName}: ${errors.length} row${errors.length === 1 ? ' was' : 's were'} not applied. ${shown.join('; ')}${more}`,
    },
    now,
  );
}

/** An applied file the server would not let us archive: it is not applied again, but a person must move it. */
export function raiseNotArchived(db: SqlRunner, kind: InboundKind, merchantId: number, fileName: string, kept: NotArchived, now: string): void {
  raiseAlert(db, { key: notArchivedKey(merchantId, fileName), severity: 'warning', targetType: 'merchant', targetId: merchantId, message: `${LABEL[kind]} ${kept.notArchived}` }, now);
}

/** The file held as applied but not archived was archived at last, or is gone: a person need not move it. */
export function clearNotArchived(db: SqlRunner, merchantId: number, fileName: string, now: string): void {
  clearAlert(db, notArchivedKey(merchantId, fileName), now);
}
