import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderDetailView } from '../../shared/api-types.js';
import { FakeShopState, type FakeOrder } from '../fakes/shopify/index.js';
import type { TestFtpServer } from '../support/ftp-server.js';
import { AckLedger } from './ack-ledger.js';
import { checkAll, type Evidence, type FinalDatabase } from './invariants.js';
import { seededRandom } from './seeded-random.js';
import { Warehouse } from './warehouse.js';

/**
 * The crash test is only as good as its checks: here each check is shown a consistent end state (it
 * passes) and then one broken in the way a durability bug would break it (it must say so).
 */

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

/** Just what the warehouse uses of the FTP server: its folder (and renames it is told of, none here). */
function fakeFtp(): Pick<TestFtpServer, 'localPath' | 'onRename'> {
  const root = mkdtempSync(join(tmpdir(), 'dockhand-invariants-'));
  roots.push(root);
  return { localPath: (p: string) => join(root, ...p.split('/').filter(Boolean)), onRename: () => () => {} };
}

/** The host sends an order file: it appears under its final name, for the warehouse's next round. */
function sendOrderFile(ftp: Pick<TestFtpServer, 'localPath'>, name: string, orders: FakeOrder[]): void {
  const rows = ['Order Number,SKU,Quantity'];
  for (const o of orders) for (const l of o.lineItems) rows.push(`${o.name},${l.sku},${l.quantity}`);
  mkdirSync(ftp.localPath('/ACME/orders'), { recursive: true });
  writeFileSync(ftp.localPath(`/ACME/orders/${name}`), `${rows.join('\r\n')}\r\n`);
}

/** A shop of two orders, both delivered in one file, shipped, uploaded and confirmed; every step acknowledged. */
function consistentEnd(): Evidence & { warehouseFtp: Pick<TestFtpServer, 'localPath'> } {
  const shop = new FakeShopState({ orders: 2, seed: 3 });
  const ftp = fakeFtp();
  const warehouse = new Warehouse(ftp, 'ACME', seededRandom(1));
  const orders = [shop.orderAt(0), shop.orderAt(1)];
  sendOrderFile(ftp, 'orders-ACME-000001.csv', orders);
  warehouse.tick();
  for (const f of warehouse.confirmationFiles) {
    mkdirSync(ftp.localPath('/ACME/confirmations/archive'), { recursive: true });
    writeFileSync(ftp.localPath(`/ACME/confirmations/archive/${f.name}`), 'archived');
    rmSync(ftp.localPath(`/ACME/confirmations/${f.name}`));
  }

  const shipments: FinalDatabase['shipments'] = [];
  for (const o of orders) {
    const mine = warehouse.confirmationFiles.flatMap((f) => f.rows).filter((r) => r.orderNumber === o.name);
    for (const tracking of new Set(mine.map((r) => r.trackingNumber))) {
      const items = mine.filter((r) => r.trackingNumber === tracking).map((r) => ({ sku: r.sku, quantity: r.quantity }));
      const id = `gid://shopify/Fulfillment/${shipments.length + 1}`;
      shop.mutable(o.id).fulfillments.push({
        id,
        name: `${o.name}.1`,
        status: 'SUCCESS',
        createdAt: '2026-11-27T10:00:00-05:00',
        notifyCustomer: true,
        trackingInfo: [{ company: 'UPS', number: tracking, url: null }],
        lines: [],
      });
      shipments.push({ orderNumber: o.name, cartOrderId: o.id, trackingNumber: tracking, status: 'uploaded', items, remoteId: id });
    }
  }
  const db: FinalDatabase = {
    orders: orders.map((o, i) => ({ id: i + 1, cartOrderId: o.id, orderNumber: o.name, status: 'confirmed', batchId: 'ACME-000001' })),
    shipments,
    batches: [{ id: 'ACME-000001', status: 'delivered', fileName: 'orders-ACME-000001.csv' }],
    storeAlerts: [],
    searchRowsOutOfStep: 0,
    integrity: 'ok',
  };
  const ledger = new AckLedger();
  for (const o of orders) {
    const mine = shipments.filter((sh) => sh.cartOrderId === o.id);
    ledger.recordDetail({
      orderNumber: o.name,
      status: 'confirmed',
      batchId: 'ACME-000001',
      shipments: mine.map((sh) => ({ trackingNumber: sh.trackingNumber, status: sh.status })),
    } as unknown as OrderDetailView);
  }
  return {
    db,
    shop,
    mustConfirm: new Set(orders.map((o) => o.id)),
    warehouse,
    warehouseFtp: ftp,
    ledger,
    openAlerts: [],
    duringRun: [],
  };
}

const violations = (e: Evidence) => checkAll(e).flatMap((c) => c.violations);

describe('the crash test checks', () => {
  it('find nothing wrong with a loop that ended consistently', () => {
    expect(violations(consistentEnd())).toEqual([]);
  });

  it('report an acknowledged order that the database lost', () => {
    const e = consistentEnd();
    e.db.orders.pop();
    expect(violations(e).join('\n')).toMatch(/acknowledged order .* is lost/);
  });

  it('report an order that went back from confirmed to at_wms', () => {
    const e = consistentEnd();
    e.db.orders[0].status = 'at_wms';
    expect(violations(e).join('\n')).toMatch(/was acknowledged confirmed but is at_wms/);
  });

  it('report an order whose search row was not written with it', () => {
    const e = consistentEnd();
    e.db.searchRowsOutOfStep = 1;
    expect(violations(e).join('\n')).toMatch(/1 orders and search rows out of step/);
  });

  it('report an order stored twice', () => {
    const e = consistentEnd();
    e.db.orders.push({ ...e.db.orders[0], id: 99 });
    expect(violations(e).join('\n')).toMatch(/is in the database 2 times/);
  });

  it('report an order the warehouse received twice, in a file sent again under the same name after it took the first', () => {
    const e = consistentEnd();
    sendOrderFile(e.warehouseFtp, 'orders-ACME-000001.csv', [e.shop.orderAt(0)]);
    e.warehouse.tick();
    expect(violations(e).join('\n')).toMatch(/order #\S+ reached the warehouse 2 times: orders-ACME-000001\.csv, orders-ACME-000001\.csv/);
  });

  it('report an order recorded at the warehouse that never reached it', () => {
    const e = consistentEnd();
    e.warehouse.deliveries.delete(e.db.orders[0].orderNumber);
    expect(violations(e).join('\n')).toMatch(/is confirmed but never reached the warehouse/);
  });

  it('report an order file left waiting that the warehouse never imported', () => {
    const e = consistentEnd();
    sendOrderFile(e.warehouseFtp, 'orders-ACME-000002.csv', [e.shop.orderAt(1)]);
    expect(violations(e).join('\n')).toMatch(/order files never imported: orders-ACME-000002\.csv/);
  });

  it('report a delivered order whose batch was later recorded without it', () => {
    const e = consistentEnd();
    for (const o of e.db.orders) o.batchId = null;
    expect(violations(e).join('\n')).toMatch(/reached the warehouse in orders-ACME-000001\.csv but is confirmed with no batch recorded/);
  });

  it('report what a restarted host no longer showed of what it had acknowledged', () => {
    const e = consistentEnd();
    e.duringRun.push(...e.ledger.lostIn({ orders: new Map([[e.db.orders[0].orderNumber, 'new']]), detailed: new Set(), batchOf: new Map(), shipments: new Map() }, 'after restart 3'));
    const found = violations(e).join('\n');
    expect(found).toMatch(/after restart 3: order #\S+ was acknowledged confirmed but is new/);
    expect(found).toMatch(/after restart 3: acknowledged order #\S+ \(confirmed\) is lost/);
  });

  it('report a confirmation row whose shipment was lost after its file was archived', () => {
    const e = consistentEnd();
    e.db.shipments.shift();
    expect(violations(e).join('\n')).toMatch(/is in the database 0 times/);
  });

  it('report a second fulfillment for the same tracking number', () => {
    const e = consistentEnd();
    const order = e.shop.mutable(e.db.orders[0].cartOrderId);
    order.fulfillments.push({ ...order.fulfillments[0], id: 'gid://shopify/Fulfillment/777' });
    expect(violations(e).join('\n')).toMatch(/got 2 fulfillments for tracking/);
  });

  it('report a shipment marked uploaded that the shop never got', () => {
    const e = consistentEnd();
    e.shop.mutable(e.db.orders[1].cartOrderId).fulfillments.length = 0;
    expect(violations(e).join('\n')).toMatch(/marked uploaded but the shop has no fulfillment/);
  });

  it('report a damaged database', () => {
    const e = consistentEnd();
    e.db.integrity = '*** in database main ***\nPage 7 is never used';
    expect(violations(e).join('\n')).toMatch(/integrity_check/);
  });
});
