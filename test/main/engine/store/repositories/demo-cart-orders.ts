import type { CanonicalOrder } from '../../../../../shared/domain.js';
import { applyDownloadedOrder, pageLookup } from '../../../../../main/engine/services/download-orders.js';
import { RunReport, type RunContext } from '../../../../../main/engine/services/run-context.js';
import type { OpenedStore } from '../../../../../main/engine/store/index.js';
import { getCart, insertCart, type CartRow } from '../../../../../main/engine/store/repositories/carts-repo.js';
import { insertMerchant } from '../../../../../main/engine/store/repositories/merchants-repo.js';

/** Store fixtures for the orders list's tests: a merchant with one demo cart, and orders downloaded into it. */

export interface DemoCartSpec {
  merchant: string;
  code: string;
  cartName: string;
  rejectUnmapped: boolean;
  now: string;
}

/** A new merchant and its demo cart, as the carts API would save them. */
export function addDemoCart(store: OpenedStore, spec: DemoCartSpec): Promise<CartRow> {
  return store.write((db) => {
    const merchantId = insertMerchant(db, { name: spec.merchant, code: spec.code, folders: null, errorContacts: [] }, spec.now);
    const id = insertCart(
      db,
      { merchantId, platform: 'demo', name: spec.cartName, orderSource: 'shop', settings: {}, credentialsSealed: null, earliestOrderDate: '2026-11-01', rejectUnmapped: spec.rejectUnmapped, minInventoryLevel: 0 },
      spec.now,
    );
    return getCart(db, id)!;
  });
}

/** Orders stored as the order download stores a page of them. */
export function downloadInto(store: OpenedStore, cart: CartRow, orders: CanonicalOrder[], now: string): Promise<void> {
  return store.write((db) => {
    const rc = { report: new RunReport() } as unknown as RunContext;
    const lookup = pageLookup(db, cart, orders, now);
    for (const order of orders) applyDownloadedOrder(db, rc, cart, order, now, lookup);
  });
}
