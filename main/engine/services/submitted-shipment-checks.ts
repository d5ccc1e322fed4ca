import { DockhandError } from '../../../shared/errors.js';
import type { CartConnector } from '../connectors/carts/cart-connector.js';
import { submittedShipments } from '../store/repositories/shipments-repo.js';
import { throwIfAborted, type RunContext } from './run-context.js';
import { saveOutcomes, toUpload, type Outcome, type PendingItem } from './shipment-outcomes.js';

/** Submitted shipments asked about per call. */
const CHECK_BATCH = 50;

/**
 * The first step of a Shipment Upload: shipments the cart took as 'submitted' on earlier runs (an
 * Amazon feed) are checked through the connector's checkSubmittedShipments and saved as accepted or
 * refused once the cart processed them; still processing, they wait for the next run. Shipments
 * submitted in this run are not checked until the next one: the cart needs time anyway.
 */
export async function checkSubmittedShipments(rc: RunContext, cartId: number, cartName: string, connector: CartConnector): Promise<void> {
  const check = connector.checkSubmittedShipments?.bind(connector);
  let afterId = 0;
  for (;;) {
    throwIfAborted(rc.signal);
    const rows = await rc.store.read((db) => submittedShipments(db, cartId, CHECK_BATCH, afterId));
    if (rows.length === 0) return;
    afterId = rows[rows.length - 1].shipment.id;
    if (!check) {
      rc.report.error(`Shipments submitted to ${cartName} wait for it to process them, and its connector cannot check them (no checkSubmittedShipments)`);
      return;
    }
    // A shipment whose order is gone has nothing to be confirmed for: it stays as it is.
    const items = rows.filter((r) => r.order !== null).map((r) => ({ item: { shipment: r.shipment, order: r.order! } as PendingItem, remoteId: r.remoteId, submittedAt: r.submittedAt }));
    if (items.length === 0) continue;
    const results = await check(items.map((i) => ({ ...toUpload(i.item), remoteId: i.remoteId, submittedAt: i.submittedAt })));
    if (results.length !== items.length) {
      throw new DockhandError('internal', `${cartName}: checkSubmittedShipments answered ${results.length} results for ${items.length} shipments`);
    }
    const outcomes: Outcome[] = items.map((i, k) => ({ item: i.item, result: results[k] }));
    await saveOutcomes(rc, cartName, outcomes, 'check');
  }
}
