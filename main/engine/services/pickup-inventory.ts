import { keepRunFile } from '../kept-files/keep-run-file.js';
import { raiseNotArchived, raiseUnreadableFile, settleFileAlerts } from './inbound-file-alerts.js';
import { recordInboundFile, upsertInventory } from '../store/repositories/inventory-repo.js';
import { sumInventoryRows } from './inventory-totals.js';
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
      const { levels, notices } = sumInventoryRows(item.fileName, item.rows);
      // One snapshot time for the whole file. Saved in chunks so a 100k-SKU file never holds the engine
      // thread (and the screens) for a second in one transaction; each level is the file's own value, so a
      // crash between chunks re-reads the file (not archived yet) and writes the same values again.
      const snapshotAt = rc.nowIso();
      for (let i = 0; i < levels.length || i === 0; i += LEVELS_PER_COMMIT) {
        throwIfAborted(rc.signal);
        const slice = levels.slice(i, i + LEVELS_PER_COMMIT);
        const last = i + LEVELS_PER_COMMIT >= levels.length;
        await rc.store.write((db) => {
          for (const level of slice) upsertInventory(db, merchantId, level, snapshotAt, item.fileName);
          if (last) {
            recordInboundFile(db, merchantId, 'inventory', item.fileName, levels.length, [...item.rowErrors, ...notices], rc.nowIso());
            settleFileAlerts(db, 'inventory', merchantId, item.fileName, item.rowErrors, rc.nowIso());
          }
        });
        rc.progress(Math.min(levels.length, i + LEVELS_PER_COMMIT));
      }
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

/** SKU levels saved per write transaction (an upsert each: a few tens of milliseconds of engine thread). */
const LEVELS_PER_COMMIT = 5000;
