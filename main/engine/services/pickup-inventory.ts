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
        continue;
      }
      const { levels, notices } = sumInventoryRows(item.fileName, item.rows);
      await rc.store.write((db) => {
        const now = rc.nowIso();
        for (const level of levels) upsertInventory(db, merchantId, level, now, item.fileName);
        recordInboundFile(db, merchantId, 'inventory', item.fileName, levels.length, [...item.rowErrors, ...notices], now);
        settleFileAlerts(db, 'inventory', merchantId, item.fileName, item.rowErrors, now);
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
    }
  } finally {
    await wms.close().catch(() => {});
  }
}
