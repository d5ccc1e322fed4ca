import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { OrderDetailView, RunView } from '../../shared/api-types.js';
import { defaultCsvWmsSettings } from '../../shared/csv-defaults.js';
import { createFakeShopify, type FakeShopify } from '../fakes/shopify/index.js';
import { startTestEngine, type TestEngine } from './engine-harness.js';
import { ACCEPT_ALL_ORDERS } from './world.js';

/**
 * The shipping side of the loop on one engine: merchant ACME with a local-folder warehouse and any
 * number of carts on fake Shopify shops (each shop numbers its orders from #1001, so two carts share
 * order numbers). Orders are added to a shop, downloaded and delivered; the test then writes
 * confirmation files as the warehouse would and runs the pickup and the upload.
 */
export interface ShippingWorld {
  t: TestEngine;
  merchantId: number;
  /** The warehouse folder (the transport root). */
  folder: string;
  carts: { id: number; shop: FakeShopify; name: string; orderSource: string }[];
  /** Adds an order to cart k's shop, downloads and delivers it; returns its number ("#1001"). */
  order(k: number, lines: { sku: string; quantity: number }[]): Promise<string>;
  /** Writes a confirmation file of `rows` under the default header (with an Order Source column when `withSource`). */
  confirm(fileName: string, rows: string[], options?: { withSource?: boolean; header?: string }): Promise<void>;
  pickup(): Promise<RunView>;
  upload(k: number): Promise<RunView>;
  detail(k: number, orderNumber: string): Promise<OrderDetailView>;
  /** File names left in the confirmations inbox (the pickup archives what it read). */
  inbox(): Promise<string[]>;
  close(): Promise<void>;
}

export const CONFIRMATION_HEADER = 'Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date';
const WITH_SOURCE = `Order Source,${CONFIRMATION_HEADER}`;

export async function startShippingWorld(carts: { name: string; orderSource?: string }[] = [{ name: 'Acme Shopify' }]): Promise<ShippingWorld> {
  const t = await startTestEngine();
  const folder = path.join(t.dataDir, 'warehouse');
  await mkdir(folder, { recursive: true });
  await t.call('account.setup', { mode: 'fulfillment' });
  const merchantId = (await t.call('merchants.create', { name: 'Acme Outfitters', code: 'ACME' })).id;
  await t.call('wms.save', { settings: defaultCsvWmsSettings({ kind: 'folder', path: folder }), secrets: {} });
  const connected: ShippingWorld['carts'] = [];
  for (const c of carts) {
    const shop = await createFakeShopify({ orders: 0, restoreRate: 10_000, maximumAvailable: 100_000 });
    const cart = await t.call('carts.create', {
      merchantId,
      platform: 'shopify',
      name: c.name,
      ...(c.orderSource ? { orderSource: c.orderSource } : {}),
      earliestOrderDate: '2000-01-01',
      settings: { shopDomain: shop.shopDomain, baseUrl: shop.url, filters: ACCEPT_ALL_ORDERS },
      credentials: { accessToken: shop.token },
      rejectUnmappedShipCodes: false,
    });
    connected.push({ id: cart.id, shop, name: c.name, orderSource: cart.orderSource });
  }
  const confirmations = path.join(folder, 'ACME', 'confirmations');
  const world: ShippingWorld = {
    t,
    merchantId,
    folder,
    carts: connected,
    async order(k, lines) {
      const { shop, id } = connected[k];
      const added = shop.state.addOrder({ lines });
      await t.call('services.runNow', { service: 'order_download', targetId: id });
      await t.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
      return added.name;
    },
    async confirm(fileName, rows, options = {}) {
      await mkdir(confirmations, { recursive: true });
      const header = options.header ?? (options.withSource ? WITH_SOURCE : CONFIRMATION_HEADER);
      await writeFile(path.join(confirmations, fileName), [header, ...rows].join('\r\n') + '\r\n');
    },
    pickup: () => t.call('services.runNow', { service: 'shipment_pickup', targetId: merchantId }),
    upload: (k) => t.call('services.runNow', { service: 'shipment_upload', targetId: connected[k].id }),
    async detail(k, orderNumber) {
      const found = (await t.call('orders.list', { cartId: connected[k].id, search: orderNumber, limit: 10, offset: 0 })).items;
      const one = found.find((o) => o.orderNumber === orderNumber);
      if (!one) throw new Error(`no order ${orderNumber} in cart ${connected[k].name}`);
      return t.call('orders.get', { id: one.id });
    },
    async inbox() {
      const entries = await readdir(confirmations, { withFileTypes: true }).catch(() => []);
      return entries.filter((e) => e.isFile()).map((e) => e.name);
    },
    async close() {
      await t.close();
      for (const c of connected) await c.shop.close();
    },
  };
  return world;
}

/** A fresh world for each test of the calling describe block; call the returned function inside a test. */
export function useShippingWorld(carts?: Parameters<typeof startShippingWorld>[0]): () => ShippingWorld {
  let world: ShippingWorld | undefined;
  beforeEach(async () => {
    world = await startShippingWorld(carts);
  });
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });
  return () => {
    if (!world) throw new Error('the shipping world is only there inside a test');
    return world;
  };
}
