import { createEngine } from '../../main/engine/engine.js';
import { createMemoryLogger } from '../../main/engine/log/index.js';
import { openKeyFileCipher } from '../../main/host/secret-cipher.js';
import type { FakeOrder, FakeShopify } from '../fakes/shopify/index.js';
import type { TestFtpServer } from '../support/ftp-server.js';
import { ftpWms } from '../support/world.js';

/** The world of the crash test around the host: the account it is set up with, and a shop that moves on. */

export const MERCHANT_CODE = 'ACME';

/** The four services of the order loop: what the callers press Run now for. */
export const LOOP_SERVICES = ['order_download', 'order_delivery', 'shipment_pickup', 'shipment_upload'] as const;
export type LoopService = (typeof LOOP_SERVICES)[number];

export interface WorldIds {
  merchantId: number;
  cartId: number;
}

/** The target of a loop service: the cart for the cart services, the merchant for the warehouse ones. */
export const targetOf = (service: LoopService, ids: WorldIds) =>
  service === 'order_download' || service === 'shipment_upload' ? ids.cartId : ids.merchantId;

/** The orders the loop must confirm: what the cart's filters accept (open, paid, unfulfilled). */
export function passesFilters(order: FakeOrder): boolean {
  return (
    order.cancelledMs === null &&
    order.closedMs === null &&
    (order.financialStatus === 'PAID' || order.financialStatus === 'PARTIALLY_REFUNDED') &&
    order.fulfillmentStatus === 'UNFULFILLED'
  );
}

/**
 * Sets the data dir up through the engine's API (as the screens would), with every loop service
 * scheduled at its shortest allowed frequency: the host runs them on its own, as in production, while
 * the callers press Run now on top.
 */
export async function setUpDataDir(dataDir: string, shop: FakeShopify, ftp: TestFtpServer, earliest: string): Promise<WorldIds> {
  const engine = await createEngine({
    dataDir,
    secrets: openKeyFileCipher(dataDir),
    log: createMemoryLogger({ level: 'warn' }),
    startScheduler: false,
  });
  try {
    await engine.call('account.setup', { mode: 'fulfillment' });
    const merchant = (await engine.call('merchants.create', {
      name: 'Acme Outfitters',
      code: MERCHANT_CODE,
      schedules: { order_delivery: 5, shipment_pickup: 15, inventory_pickup: null },
    })) as { id: number };
    const cart = (await engine.call('carts.create', {
      platform: 'shopify',
      merchantId: merchant.id,
      name: 'Acme Shopify',
      earliestOrderDate: earliest,
      rejectUnmappedShipCodes: false,
      schedules: { order_download: 5, shipment_upload: 15, inventory_upload: null },
      settings: {
        shopDomain: shop.shopDomain,
        baseUrl: shop.url,
        filters: { orderStatus: 'open', financialStatuses: ['PAID', 'PARTIALLY_REFUNDED'], fulfillmentStatuses: ['UNFULFILLED'] },
      },
      credentials: { accessToken: shop.token },
    })) as { id: number };
    await engine.call('wms.save', ftpWms(ftp));
    return { merchantId: merchant.id, cartId: cart.id };
  } finally {
    await engine.close();
  }
}

/**
 * While a host lives, orders keep coming in (about one every 0.8 s), so there are order files to
 * deliver, and to kill the host in the middle of, in most lives. Returns how to stop it.
 */
export function trickleOrders(shop: FakeShopify, random: () => number, mustConfirm: Set<string>): () => void {
  const timer = setInterval(() => {
    if (random() >= 0.5) return;
    mustConfirm.add(shop.state.addOrder({ financialStatus: 'PAID', fulfillmentStatus: 'UNFULFILLED' }).id);
  }, 400);
  return () => clearInterval(timer);
}

/** Between restarts the shop moves on: a few new orders, a few edits of existing ones. */
export function moveShopOn(shop: FakeShopify, random: () => number, mustConfirm: Set<string>): void {
  const added = Math.floor(random() * 3);
  for (let i = 0; i < added; i++) {
    const order = shop.state.addOrder({ financialStatus: 'PAID', fulfillmentStatus: 'UNFULFILLED' });
    mustConfirm.add(order.id);
  }
  if (random() < 0.5) {
    const index = Math.floor(random() * shop.state.orderCount);
    shop.state.updateOrder(index, (o) => {
      o.note = `edited ${Date.now()}`;
    });
  }
}
