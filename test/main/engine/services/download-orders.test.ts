import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyDownloadedOrder, pageLookup } from '../../../../main/engine/services/download-orders.js';
import { RunReport, type RunContext } from '../../../../main/engine/services/run-context.js';
import { openStore, type OpenedStore } from '../../../../main/engine/store/index.js';
import { migrations } from '../../../../main/engine/store/migrations/index.js';
import { getCart, insertCart, type CartRow } from '../../../../main/engine/store/repositories/carts-repo.js';
import { insertMerchant } from '../../../../main/engine/store/repositories/merchants-repo.js';
import { sampleOrder } from '../csv/sample-orders.js';

const NOW = '2026-11-27T08:00:00.000Z';

describe('applying a downloaded page of orders', () => {
  let dir: string;
  let store: OpenedStore;
  let cart: CartRow;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dockhand-download-'));
    store = await openStore({ dir, migrations });
    cart = await store.write((db) => {
      const merchantId = insertMerchant(db, { name: 'Acme', code: 'ACME', folders: null, errorContacts: [] }, NOW);
      const id = insertCart(
        db,
        { merchantId, platform: 'demo', name: 'Shop', orderSource: 'shop', settings: {}, credentialsSealed: null, earliestOrderDate: '2026-11-01', rejectUnmapped: true, minInventoryLevel: 0 },
        NOW,
      );
      return getCart(db, id)!;
    });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const applyPage = (report: RunReport, orders: ReturnType<typeof sampleOrder>[]) =>
    store.write((db) => {
      const rc = { report } as unknown as RunContext;
      const lookup = pageLookup(db, cart, orders, NOW);
      for (const order of orders) applyDownloadedOrder(db, rc, cart, order, NOW, lookup);
    });

  it('keeps one order when a page names it twice, and applies the newer version as an update', async () => {
    const report = new RunReport();
    const first = sampleOrder({ cartOrderId: 'o1', orderNumber: '#1', shipCode: 'Fast', updatedAt: '2026-11-27T07:00:00.000Z' });
    const newer = { ...first, poNumber: 'PO-2', updatedAt: '2026-11-27T07:30:00.000Z' };
    await applyPage(report, [first, newer, first]);
    const rows = await store.read((db) => db.all<{ data_json: string }>('SELECT data_json FROM orders'));
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].data_json).poNumber).toBe('PO-2');
    expect(report.counts).toMatchObject({ downloaded: 3, held: 1, updated: 1, unchanged: 1 });
  });

  it('records an unmapped ship code once for a page and holds every order that uses it', async () => {
    const report = new RunReport();
    const orders = [1, 2, 3].map((n) => sampleOrder({ cartOrderId: `o${n}`, orderNumber: `#${n}`, shipCode: 'Overnight' }));
    await applyPage(report, orders);
    const { codes, held } = await store.read((db) => ({
      codes: db.all<{ cart_code: string; wms_code: string | null }>('SELECT cart_code, wms_code FROM ship_code_map'),
      held: db.all<{ status: string; status_reason: string }>('SELECT status, status_reason FROM orders'),
    }));
    expect(codes).toEqual([{ cart_code: 'Overnight', wms_code: null }]);
    expect(held).toEqual(orders.map(() => ({ status: 'error', status_reason: 'Ship code not mapped: Overnight' })));
    expect(report.counts).toMatchObject({ downloaded: 3, held: 3 });
  });
});
