import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeShopState } from '../fakes/shopify/index.js';
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

/** Just what the warehouse uses of the FTP server: its folder and the renames it saw. */
function fakeFtp(): TestFtpServer & { renames: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'dockhand-invariants-'));
  roots.push(root);
  return { root, renames: [], localPath: (p: string) => join(root, ...p.split('/').filter(Boolean)) } as unknown as TestFtpServer & {
    renames: string[];
  };
}

/** A shop of two orders, both delivered in one file, shipped, uploaded and confirmed; every step acknowledged. */
function consistentEnd(): Evidence {
  const shop = new FakeShopState({ orders: 2, seed: 3 });
  const ftp = fakeFtp();
  const warehouse = new Warehouse(ftp, 'ACME', seededRandom(1));
  const orders = [shop.orderAt(0), shop.orderAt(1)];
  const rows = ['Order Number,SKU,Quantity'];
  for (const o of orders) for (const l of o.lineItems) rows.push(`${o.name},${l.sku},${l.quantity}`);
  mkdirSync(ftp.localPath('/ACME/orders'), { recursive: true });
  writeFileSync(ftp.localPath('/ACME/orders/orders-ACME-000001.csv'), `${rows.join('\r\n')}\r\n`);
  ftp.renames.push('/ACME/orders/orders-ACME-000001.csv');
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
  ledger.record({
    t: 'ack',
    service: 'shipment_upload',
    status: 'ok',
    counts: {},
    message: null,
    orders: orders.map((o) => [o.id, 'confirmed']),
    shipments: shipments.map((s) => [s.cartOrderId, s.trackingNumber, 'uploaded']),
    batches: [['ACME-000001', 'orders-ACME-000001.csv']],
    snapshots: 0,
  });
  return {
    db,
    shop,
    mustConfirm: new Set(orders.map((o) => o.id)),
    warehouse,
    finalOrderFiles: ['orders-ACME-000001.csv'],
    ledger,
    openAlerts: [],
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
    expect(violations(e).join('\n')).toMatch(/acknowledged confirmed but ended at_wms/);
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

  it('report an order sent in two different files', () => {
    const e = consistentEnd();
    e.warehouse.orderFiles.set('orders-ACME-000002.csv', new Set([e.db.orders[0].orderNumber]));
    expect(violations(e).join('\n')).toMatch(/is in 2 order files/);
  });

  it('report a sent file whose batch was later recorded as delivered without it', () => {
    const e = consistentEnd();
    e.db.batches[0] = { id: 'ACME-000001', status: 'delivered', fileName: '' };
    for (const o of e.db.orders) o.batchId = null;
    const found = violations(e).join('\n');
    expect(found).toMatch(/orders-ACME-000001\.csv .* is on the FTP server but no delivered batch records it/);
    expect(found).toMatch(/travelled in orders-ACME-000001\.csv but is confirmed with no batch recorded/);
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
