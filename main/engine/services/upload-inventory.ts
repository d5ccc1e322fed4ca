import { DockhandError } from '../../../shared/errors.js';
import { getCart } from '../store/repositories/carts-repo.js';
import { inventoryToPush, recordPushed } from '../store/repositories/inventory-repo.js';
import type { RunContext } from './run-context.js';

/**
 * Inventory Upload (per cart connection): pushes quantities the WMS sent since the last push (or that
 * orders since changed), the same quantity per SKU to every cart of the merchant; below the cart's
 * minimum level it pushes 0. SKUs the cart does not know are reported, not fatal.
 */
export async function uploadInventory(rc: RunContext, cartId: number): Promise<void> {
  const cart = await rc.store.read((db) => getCart(db, cartId));
  if (!cart) throw new DockhandError('not_found', `Cart connection ${cartId} does not exist`);
  const { connector, manifest } = rc.connectors.cart(cart, {
    signal: rc.signal,
    onThrottle: (ms) => (rc.report.throttleWaitMs += ms),
  });
  if (!manifest.capabilities.inventory || !connector.pushInventory) {
    throw new DockhandError('config', `${manifest.displayName} does not accept inventory`);
  }
  const levels = await rc.store.read((db) => inventoryToPush(db, cart.id, cart.merchantId, cart.minInventoryLevel));
  if (levels.length === 0) {
    rc.report.message = 'No new inventory from the WMS';
    return;
  }
  const result = await connector.pushInventory(levels);
  const unknown = new Set(result.unknownSkus);
  const failed = new Set(result.failed.map((f) => f.sku));
  await rc.store.write((db) => {
    const now = rc.nowIso();
    // Unknown SKUs are recorded as pushed too, so they are not retried until the WMS sends them again.
    for (const l of levels) if (!failed.has(l.sku)) recordPushed(db, cart.id, l.sku, l.quantity, now);
  });
  rc.report.add('checked', levels.length);
  rc.report.add('updated', result.updated);
  rc.report.add('unknownSkus', unknown.size);
  rc.report.add('failed', failed.size);
  if (unknown.size) rc.report.error(`SKUs not found in ${cart.name}: ${[...unknown].slice(0, 50).join(', ')}${unknown.size > 50 ? ', ...' : ''}`, 'inventory');
  for (const f of result.failed) rc.report.error(f.reason, f.sku);
}
