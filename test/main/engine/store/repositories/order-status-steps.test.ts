import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { insertCart } from '../../../../../main/engine/store/repositories/carts-repo.js';
import { insertMerchant } from '../../../../../main/engine/store/repositories/merchants-repo.js';
import {
  confirmIfAllShipmentsUploaded,
  getOrderDetail,
  getOrderState,
  insertOrder,
  markDeliveredIfNew,
  setStatus,
} from '../../../../../main/engine/store/repositories/orders-repo.js';
import { insertShipmentOnce, markShipmentFailed, markShipmentUploaded } from '../../../../../main/engine/store/repositories/shipments-repo.js';
import type { OrderStatus } from '../../../../../shared/domain.js';
import { sampleOrder } from '../../csv/sample-orders.js';

const NOW = '2026-11-27T08:00:00.000Z';

describe('the one-statement order status steps', () => {
  let dir: string;
  let store: OpenedStore;
  let cartId: number;
  let merchantId: number;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dockhand-status-steps-'));
    store = await openStore({ dir, migrations });
    ({ merchantId, cartId } = await store.write((db) => {
      const merchantId = insertMerchant(db, { name: 'Acme', code: 'ACME', folders: null, errorContacts: [] }, NOW);
      const cartId = insertCart(
        db,
        { merchantId, platform: 'demo', name: 'Acme shop', orderSource: 'shop', settings: {}, credentialsSealed: null, earliestOrderDate: '2026-11-01', rejectUnmapped: true, minInventoryLevel: 0 },
        NOW,
      );
      return { merchantId, cartId };
    }));
  });

  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const order = (status: OrderStatus, n: number) =>
    store.write((db) => insertOrder(db, { cartId, merchantId, order: sampleOrder({ cartOrderId: `o${n}`, orderNumber: `#${n}` }), status, reason: null, mappedShipCode: null }, NOW));

  const shipment = (orderId: number, tracking: string) =>
    store.write((db) => {
      insertShipmentOnce(db, { orderId, cartId, trackingNumber: tracking, carrier: 'UPS', service: null, trackingUrl: null, shipDate: '2026-11-26', items: [{ sku: 'A', quantity: 1 }], sourceFile: 'ship.csv' }, NOW);
      return db.get<{ id: number }>('SELECT id FROM shipments WHERE tracking_number = ?', [tracking])!.id;
    });

  const status = (id: number) => store.read((db) => getOrderState(db, id)?.status);

  it('confirms a shipped order only when every one of its shipments was uploaded, with a history entry', async () => {
    const id = await order('shipped', 1001);
    const first = await shipment(id, '1Z1');
    const second = await shipment(id, '1Z2');

    expect(await store.write((db) => (markShipmentUploaded(db, first, 'gid://f/1', NOW), confirmIfAllShipmentsUploaded(db, id, 'Tracking 1Z1 accepted', NOW)))).toBe(false);
    expect(await status(id)).toBe('shipped');

    expect(await store.write((db) => (markShipmentUploaded(db, second, 'gid://f/2', NOW), confirmIfAllShipmentsUploaded(db, id, 'Tracking 1Z2 accepted', NOW)))).toBe(true);
    expect(await status(id)).toBe('confirmed');
    const detail = await store.read((db) => getOrderDetail(db, id));
    expect(detail?.history.at(-1)).toMatchObject({ fromStatus: 'shipped', toStatus: 'confirmed', note: 'Tracking 1Z2 accepted' });
  });

  it('leaves an order with a refused shipment, or one no longer shipped, as it is', async () => {
    const refused = await order('shipped', 1002);
    const bad = await shipment(refused, '1Z3');
    const good = await shipment(refused, '1Z4');
    await store.write((db) => markShipmentFailed(db, bad, 'no units left', true));
    expect(await store.write((db) => (markShipmentUploaded(db, good, 'gid://f/4', NOW), confirmIfAllShipmentsUploaded(db, refused, 'n', NOW)))).toBe(false);
    expect(await status(refused)).toBe('shipped');

    const held = await order('shipped', 1003);
    const only = await shipment(held, '1Z5');
    await store.write((db) => setStatus(db, held, 'shipped', 'on_hold', 'held by a person', NOW));
    expect(await store.write((db) => (markShipmentUploaded(db, only, 'gid://f/5', NOW), confirmIfAllShipmentsUploaded(db, held, 'n', NOW)))).toBe(false);
    expect(await status(held)).toBe('on_hold');
  });

  it('moves only a new order to At WMS when its file was delivered', async () => {
    const fresh = await order('new', 1004);
    const canceled = await order('canceled', 1005);
    expect(await store.write((db) => markDeliveredIfNew(db, fresh, 'ACME-1.csv', NOW))).toBe(true);
    expect(await store.write((db) => markDeliveredIfNew(db, canceled, 'ACME-1.csv', NOW))).toBe(false);
    expect(await status(fresh)).toBe('at_wms');
    expect(await status(canceled)).toBe('canceled');
    const detail = await store.read((db) => getOrderDetail(db, fresh));
    expect(detail?.history.at(-1)).toMatchObject({ fromStatus: 'new', toStatus: 'at_wms', note: 'Delivered in ACME-1.csv' });
  });
});
