import { keepRunFile } from '../kept-files/keep-run-file.js';
import { raiseNotArchived, raiseUnreadableFile, settleFileAlerts } from './inbound-file-alerts.js';
import { recordInboundFile, upsertInventoryLevels } from '../store/repositories/inventory-repo.js';
import { commitInChunks, nextTurn } from './chunked-commits.js';
import { InventoryTotals } from './inventory-totals.js';
import { throwIfAborted, type RunContext } from './run-context.js';

/**
 * Inventory (per merchant): each inventory file from the WMS is a snapshot of the quantities it lists,
 * taken when we read it; saved, then archived. Bad rows are reported; the good ones apply. A SKU on
 * several rows (bins, locations) counts their sum, and the repetition is reported.
 */
export async function pickupInventory(rc: RunContext, merchantId: number): Promise<void> {
  const wms = await rc.connectors.wms(rc.signal);
  try {
    const target = await rc.connectors.merchantTarget(merchantId);
    for await (const item of wms.pickupInventory(target)) {
      throwIfAborted(rc.signal);
      if ('unreadable' in item) {
        rc.report.add('unreadableFiles');
        rc.report.error(item.unreadable.reason, item.unreadable.fileName);
        await rc.store.write((db) => raiseUnreadableFile(db, 'inventory', merchantId, item.unreadable, rc.nowIso()));
        const { fileName: name, content, remotePath, reason } = item.unreadable;
        await keepRunFile(rc, 'received', { content, remotePath, merchantId, kind: 'inventory', name, rows: 0, problems: [{ reason }] });
        continue;
      }
      // Summed a slice at a time with a turn between slices, then saved in chunks with a turn between
      // transactions, so a 100k-SKU file never holds the engine thread (and the screens) for long: summing
      // it whole was one stretch of 150-250 ms. Each level is the file's own value under one snapshot
      // time, so a crash between chunks re-reads the file (not archived yet) and writes the same values
      // again; the last chunk records the file, and it is archived only once every chunk is durable.
      const totals = new InventoryTotals(item.fileName);
      for (let i = 0; i < item.rows.length; i += ROWS_SUMMED_PER_TURN) {
        throwIfAborted(rc.signal);
        totals.add(item.rows, i, Math.min(item.rows.length, i + ROWS_SUMMED_PER_TURN));
        await nextTurn();
      }
      const { levels, notices } = totals.finish();
      const snapshotAt = rc.nowIso();
      await commitInChunks(rc, levels, LEVELS_PER_COMMIT, (db, slice, last) => {
        upsertInventoryLevels(db, merchantId, slice, snapshotAt, item.fileName);
        if (last) {
          recordInboundFile(db, merchantId, 'inventory', item.fileName, levels.length, [...item.rowErrors, ...notices], rc.nowIso());
          settleFileAlerts(db, 'inventory', merchantId, item.fileName, item.rowErrors, rc.nowIso());
        }
      });
      // Repeated SKUs are row problems to see, not errors of the file: its rows were applied, summed.
      for (const e of [...item.rowErrors, ...notices]) rc.report.error(`line ${e.line}: ${e.reason}`, e.file);
      rc.report.add('rowErrors', item.rowErrors.length);
      if (notices.length > 0) rc.report.add('repeatedSkus', notices.length);
      rc.report.add('skus', levels.length);
      const kept = await item.ack();
      if (kept) {
        rc.report.error(kept.notArchived, item.fileName);
        await rc.store.write((db) => raiseNotArchived(db, 'inventory', merchantId, item.fileName, kept, rc.nowIso()));
      }
      rc.report.add('files');
      const { content, remotePath } = item;
      await keepRunFile(rc, 'received', { content, remotePath, merchantId, kind: 'inventory', name: item.fileName, rows: item.rows.length, problems: [...item.rowErrors, ...notices] });
    }
  } finally {
    await wms.close().catch(() => {});
  }
}

/**
 * SKU levels saved per write transaction. Saved several per statement, 2,000 levels hold the engine
 * thread about 4-6 ms (100,000 levels took ~200 ms of statements in 50 chunks); the commits overlap
 * their fsyncs (commitInChunks), so small chunks cost little speed. A screen waits at most one chunk.
 */
export const LEVELS_PER_COMMIT = 2000;

/** Rows of a file added to its totals between two turns of the event loop (a few milliseconds). */
const ROWS_SUMMED_PER_TURN = 10_000;
