import { createHash } from 'node:crypto';
import type { ConfirmationRow, RowError } from '../connectors/wms/wms-connector.js';
import { keepRunFile } from '../kept-files/keep-run-file.js';
import { raiseNotArchived, raiseUnreadableFile, settleFileAlerts } from './inbound-file-alerts.js';
import { recordInboundFile } from '../store/repositories/inventory-repo.js';
import type { SqlRunner } from '../store/sql.js';
import { ChunkOrders, groupByShipment, saveShipment } from './confirmation-shipments.js';
import { commitInChunks } from './chunked-commits.js';
import { throwIfAborted, type RunContext } from './run-context.js';

/**
 * Shipping Confirmations (per merchant): every confirmation file in the merchant's folder is parsed;
 * its shipments are saved (idempotent on order + tracking number), and only then is the file archived.
 * Bad rows are reported with file, line and reason (and an alert per file) while the good rows apply.
 */
export async function pickupShipments(rc: RunContext, merchantId: number): Promise<void> {
  const wms = await rc.connectors.wms(rc.signal);
  try {
    const target = await rc.connectors.merchantTarget(merchantId);
    for await (const item of wms.pickupConfirmations(target)) {
      throwIfAborted(rc.signal);
      if ('unreadable' in item) {
        rc.report.add('unreadableFiles');
        rc.report.error(item.unreadable.reason, item.unreadable.fileName);
        await rc.store.write((db) => raiseUnreadableFile(db, 'confirmations', merchantId, item.unreadable, rc.nowIso()));
        const { fileName: name, content, remotePath, reason } = item.unreadable;
        await keepRunFile(rc, 'received', { content, remotePath, merchantId, kind: 'confirmation', name, rows: 0, problems: [{ reason }] });
        continue;
      }
      const fileErrors: RowError[] = item.rowErrors.map((e) => ({ ...e }));
      // Saved in chunks (commitInChunks) so a file of 100k rows never becomes one giant transaction and
      // the screens are answered while it applies; a crash between chunks re-reads the (not yet archived)
      // file and the saved shipments are skipped as duplicates. The last chunk records the file as done,
      // and the file is acknowledged below only once every chunk is durable. A header-only file (nothing
      // shipped) or one of only bad rows is recorded by one empty chunk.
      const groups = groupByShipment(item.rows);
      const fileKey = item.content ? createHash('sha256').update(item.content).digest('hex') : item.fileName;
      let applied = 0;
      await commitInChunks(rc, groups, GROUPS_PER_COMMIT, (db, slice, last) => {
        const now = rc.nowIso();
        const { saved, errors } = slice.length > 0 ? saveConfirmations(db, merchantId, item.fileName, slice, now, fileKey) : { saved: 0, errors: [] };
        fileErrors.push(...errors);
        applied += saved;
        if (last) finishFile(db, merchantId, item.fileName, applied, fileErrors, now);
        return saved;
      });
      for (const e of fileErrors) rc.report.error(`line ${e.line}: ${e.reason}`, e.file);
      rc.report.add('rowErrors', fileErrors.length);
      rc.report.add('shipments', applied);
      const kept = await item.ack();
      if (kept) {
        rc.report.error(kept.notArchived, item.fileName);
        await rc.store.write((db) => raiseNotArchived(db, 'confirmations', merchantId, item.fileName, kept, rc.nowIso()));
      }
      rc.report.add('files');
      const { content, remotePath } = item;
      await keepRunFile(rc, 'received', { content, remotePath, merchantId, kind: 'confirmation', name: item.fileName, rows: item.rows.length, problems: fileErrors });
    }
  } finally {
    await wms.close().catch(() => {});
  }
}

/**
 * Shipments (groups of rows) saved per write transaction: small enough that a transaction holds the
 * engine thread for tens of milliseconds and its journal record stays ~200 KB (2,000 made ~1 MB records,
 * the slowest commits of a 100k run), large enough that commits stay few (250 cost a tenth more CPU).
 */
const GROUPS_PER_COMMIT = 500;

/** Saves shipments (idempotent on order + tracking number); see saveShipment for what each row must pass. */
function saveConfirmations(
  db: SqlRunner,
  merchantId: number,
  fileName: string,
  groups: readonly ConfirmationRow[][],
  now: string,
  fileKey: string,
): { saved: number; errors: RowError[] } {
  const errors: RowError[] = [];
  let saved = 0;
  const orders = new ChunkOrders(db, merchantId, groups);
  for (const group of groups) {
    const result = saveShipment(db, orders, fileName, group, now, fileKey);
    errors.push(...result.errors);
    if (result.saved) saved++;
  }
  orders.write(db, now);
  return { saved, errors };
}

/**
 * The file is done: recorded with its problems, and bad rows raise an alert (a person must tell the
 * warehouse, or fix the order), naming the file and its first bad lines.
 */
function finishFile(db: SqlRunner, merchantId: number, fileName: string, applied: number, errors: RowError[], now: string): void {
  recordInboundFile(db, merchantId, 'confirmations', fileName, applied, errors, now);
  settleFileAlerts(db, 'confirmations', merchantId, fileName, errors, now);
}
