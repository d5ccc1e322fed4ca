import type { OrderLine } from '../../../shared/domain.js';
import type { ConfirmationRow } from '../connectors/wms/wms-connector.js';
import { raiseAlert } from '../store/repositories/alerts-repo.js';
import { recordInboundFile } from '../store/repositories/inventory-repo.js';
import { findOrdersByNumber, getOrderLines, setStatus } from '../store/repositories/orders-repo.js';
import { insertShipmentOnce } from '../store/repositories/shipments-repo.js';
import type { SqlRunner } from '../store/sql.js';
import { throwIfAborted, type RunContext } from './run-context.js';

/**
 * Shipping Confirmations (per merchant): every confirmation file in the merchant's folder is parsed;
 * its shipments are saved (idempotent on order + tracking number), and only then is the file archived.
 * Bad rows are reported with file, line and reason while the good rows apply.
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
        await rc.store.write((db) =>
          raiseAlert(db, { key: `unreadable:${merchantId}:${item.unreadable.fileName}`, severity: 'error', targetType: 'merchant', targetId: merchantId, message: `Confirmation file ${item.unreadable.fileName} could not be read and was moved to the error folder: ${item.unreadable.reason}` }, rc.nowIso()),
        );
        continue;
      }
      const fileErrors = item.rowErrors.map((e) => ({ ...e }));
      // Saved in chunks so a file of 100k rows never becomes one giant transaction; a crash between
      // chunks re-reads the (not yet archived) file and the saved shipments are skipped as duplicates.
      const groups = groupByShipment(item.rows);
      let applied = 0;
      for (let i = 0; i < groups.length; i += GROUPS_PER_COMMIT) {
        throwIfAborted(rc.signal);
        const slice = groups.slice(i, i + GROUPS_PER_COMMIT);
        const last = i + GROUPS_PER_COMMIT >= groups.length;
        applied += await rc.store.write((db) => {
          const now = rc.nowIso();
          const { saved, errors } = saveConfirmations(db, merchantId, item.fileName, slice, now);
          fileErrors.push(...errors);
          if (last) recordInboundFile(db, merchantId, 'confirmations', item.fileName, applied + saved, fileErrors, now);
          return saved;
        });
        rc.progress(applied);
      }
      if (groups.length === 0) {
        await rc.store.write((db) => recordInboundFile(db, merchantId, 'confirmations', item.fileName, 0, fileErrors, rc.nowIso()));
      }
      for (const e of fileErrors) rc.report.error(`line ${e.line}: ${e.reason}`, e.file);
      rc.report.add('rowErrors', fileErrors.length);
      rc.report.add('shipments', applied);
      await item.ack();
      rc.report.add('files');
    }
  } finally {
    await wms.close().catch(() => {});
  }
}

/**
 * The shipment item for a SKU. A SKU can sit on several lines of one order (the same variant added
 * twice): then no single cart line is named, and the cart connector fills that SKU's lines from what the
 * cart says each still has to ship (naming the first line would ask it for more than it holds).
 */
export function shipmentItem(lines: readonly OrderLine[], sku: string, quantity: number): { sku: string; quantity: number; cartLineId?: string } {
  const onSku = lines.filter((l) => l.sku === sku);
  return onSku.length === 1 ? { sku, quantity, cartLineId: onSku[0].cartLineId } : { sku, quantity };
}

/**
 * Shipments (groups of rows) saved per write transaction: small enough that a transaction holds the
 * engine thread for tens of milliseconds and its journal record stays ~200 KB (2,000 made ~1 MB records,
 * the slowest commits of a 100k run), large enough that commits stay few.
 */
const GROUPS_PER_COMMIT = 500;

/** Rows of one shipment: same order and tracking number. */
function groupByShipment(rows: ConfirmationRow[]): ConfirmationRow[][] {
  const groups = new Map<string, ConfirmationRow[]>();
  for (const row of rows) {
    const key = `${row.orderNumber}\u0000${row.trackingNumber}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

/** Save shipments (idempotent on order + tracking number) and move their orders to Shipped. */
function saveConfirmations(
  db: SqlRunner,
  merchantId: number,
  fileName: string,
  groups: ConfirmationRow[][],
  now: string,
): { saved: number; errors: { file: string; line: number; reason: string }[] } {
  const errors: { file: string; line: number; reason: string }[] = [];
  let saved = 0;
  for (const group of groups) {
    const first = group[0];
    const candidates = findOrdersByNumber(db, merchantId, first.orderNumber).filter((o) => o.status !== 'skipped');
    const order = candidates.find((o) => o.status !== 'canceled') ?? candidates[0];
    if (!order) {
      for (const r of group) errors.push({ file: fileName, line: r.line, reason: `No order ${first.orderNumber} for this merchant` });
      continue;
    }
    const lines = getOrderLines(db, order.id);
    // Quantities per SKU in row order; rows for the same SKU add up.
    const shipped = new Map<string, number>();
    let bad = false;
    for (const r of group) {
      if (!lines?.some((l) => l.sku === r.sku)) {
        errors.push({ file: fileName, line: r.line, reason: `Order ${first.orderNumber} has no line with SKU ${r.sku}` });
        bad = true;
        continue;
      }
      shipped.set(r.sku, (shipped.get(r.sku) ?? 0) + r.quantity);
    }
    const items = [...shipped].map(([sku, quantity]) => shipmentItem(lines ?? [], sku, quantity));
    if (bad && items.length === 0) continue;
    const inserted = insertShipmentOnce(
      db,
      {
        orderId: order.id,
        cartId: order.cartId,
        trackingNumber: first.trackingNumber,
        carrier: first.carrier,
        service: first.service ?? null,
        trackingUrl: null,
        shipDate: first.shipDate,
        items,
        cost: first.cost,
        weight: first.weight,
        sourceFile: fileName,
      },
      now,
    );
    if (!inserted) continue;
    saved++;
    if (order.status === 'at_wms' || order.status === 'new' || order.status === 'error' || order.status === 'on_hold' || order.status === 'confirmed') {
      setStatus(db, order.id, order.status, 'shipped', `Tracking ${first.trackingNumber} (${first.carrier}) from ${fileName}`, now);
    }
  }
  return { saved, errors };
}
