import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CanonicalOrder } from '../../../../../shared/domain.js';
import { openStore, type OpenedStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import type { CartRow } from '../../../../../main/engine/store/repositories/carts-repo.js';
import { deleteMerchant } from '../../../../../main/engine/store/repositories/merchants-repo.js';
import { listOrders } from '../../../../../main/engine/store/repositories/orders-repo.js';
import { sampleLine, sampleOrder } from '../../csv/sample-orders.js';
import { addDemoCart, downloadInto } from './demo-cart-orders.js';

const NOW = '2026-11-27T08:00:00.000Z';

describe('searching orders through the search table', () => {
  let dir: string;
  let store: OpenedStore;
  let acme: CartRow;
  let globex: CartRow;

  const addCart = (name: string, code: string) =>
    addDemoCart(store, { merchant: name, code, cartName: `${name} shop`, rejectUnmapped: true, now: NOW });
  const download = (cart: CartRow, orders: CanonicalOrder[]) => downloadInto(store, cart, orders, NOW);

  /** Order numbers a search finds, newest first, and the total it reports. */
  const search = async (text: string, extra: { merchantId?: number; limit?: number; offset?: number } = {}) => {
    const page = await store.read((db) => listOrders(db, { search: text, limit: 50, offset: 0, ...extra }));
    return { numbers: page.items.map((o) => o.orderNumber), total: page.total };
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dockhand-order-search-'));
    store = await openStore({ dir, migrations });
    acme = await addCart('Acme', 'ACME');
    globex = await addCart('Globex', 'GLBX');
    await download(acme, [
      sampleOrder({ cartOrderId: 'a1', orderNumber: '#1001', lines: [sampleLine(1, { sku: 'DH-RED-10', price: '19.99' })] }),
      sampleOrder({
        cartOrderId: 'a2',
        orderNumber: '#1002',
        poNumber: '50%_OFF',
        shipTo: { firstName: 'Zoë', lastName: 'Quinn', company: 'Quinn Freight', email: 'zoe@quinn.example' },
        lines: [sampleLine(1, { sku: 'DH-BLUE-20', price: '5.00' })],
      }),
      sampleOrder({ cartOrderId: 'a3', orderNumber: '#1003', poNumber: '50 OFF', lines: [sampleLine(1, { sku: 'DH-RED-11' })] }),
    ]);
    await download(globex, [sampleOrder({ cartOrderId: 'g1', orderNumber: '#2001', lines: [sampleLine(1, { sku: 'GX-RED-10' })] })]);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('finds an order by its number, with or without the leading #', async () => {
    expect(await search('#1002')).toEqual({ numbers: ['#1002'], total: 1 });
    expect(await search('1002')).toEqual({ numbers: ['#1002'], total: 1 });
    expect((await search('100')).numbers).toEqual(['#1003', '#1002', '#1001']);
  });

  it('finds an order by a ship-to name, company or e-mail typed in another case, and by the full name', async () => {
    expect((await search('QUINN')).numbers).toEqual(['#1002']);
    expect((await search('zoë quinn')).numbers).toEqual(['#1002']);
    expect((await search('ZOË')).numbers).toEqual(['#1002']);
    expect((await search('quinn freight')).numbers).toEqual(['#1002']);
    expect((await search('ZOE@QUINN')).numbers).toEqual(['#1002']);
  });

  it('finds orders by SKU, within the merchant filter too', async () => {
    expect((await search('dh-red')).numbers).toEqual(['#1003', '#1001']);
    expect((await search('red-10')).numbers).toEqual(['#2001', '#1001']);
    expect((await search('red-10', { merchantId: acme.merchantId })).numbers).toEqual(['#1001']);
  });

  it('no longer finds orders by a price, an id or a field name', async () => {
    expect((await search('19.99')).total).toBe(0);
    expect((await search('gid://shopify')).total).toBe(0);
    expect((await search('cartOrderId')).total).toBe(0);
    expect((await search('sku')).total).toBe(0);
  });

  it('treats % and _ in the search as literal characters', async () => {
    // Unescaped, "%" would match every order.
    expect((await search('%')).numbers).toEqual(['#1002']);
    expect((await search('50%_off')).numbers).toEqual(['#1002']);
    // Unescaped, "_" would match the space of "50 OFF".
    expect((await search('0_off')).numbers).toEqual([]);
  });

  it('reports the total of a search on every page, a partial last page included', async () => {
    expect(await search('dh-', { limit: 2 })).toEqual({ numbers: ['#1003', '#1002'], total: 3 });
    expect(await search('dh-', { limit: 2, offset: 2 })).toEqual({ numbers: ['#1001'], total: 3 });
    expect(await search('dh-', { limit: 2, offset: 4 })).toEqual({ numbers: [], total: 3 });
  });

  it('finds an order re-downloaded with a changed SKU by the new SKU only', async () => {
    const changed = sampleOrder({
      cartOrderId: 'a1',
      orderNumber: '#1001',
      updatedAt: '2026-11-27T09:00:00.000Z',
      lines: [sampleLine(1, { sku: 'DH-GREEN-30' })],
    });
    await download(acme, [changed]);
    expect((await search('green-30')).numbers).toEqual(['#1001']);
    expect((await search('dh-red-10')).numbers).toEqual([]);
    expect(await store.read((db) => db.get<{ n: number }>('SELECT COUNT(*) AS n FROM order_search'))).toEqual({ n: 4 });
  });

  it("removes the search rows of a deleted merchant's orders, and only those", async () => {
    await store.write((db) => deleteMerchant(db, acme.merchantId));
    const rows = await store.read((db) => db.all<{ order_id: number }>('SELECT order_id FROM order_search'));
    const orders = await store.read((db) => db.all<{ id: number }>('SELECT id FROM orders'));
    expect(rows.map((r) => r.order_id)).toEqual(orders.map((o) => o.id));
    expect(rows).toHaveLength(1);
    expect((await search('red-10')).numbers).toEqual(['#2001']);
  });

  it('finds what changed since its last search: a changed SKU, a new order, a deleted merchant, and the same with a filter', async () => {
    expect((await search('red')).numbers).toEqual(['#2001', '#1003', '#1001']);
    await download(acme, [
      sampleOrder({ cartOrderId: 'a1', orderNumber: '#1001', updatedAt: '2026-11-27T09:00:00.000Z', lines: [sampleLine(1, { sku: 'DH-GREEN-30' })] }),
      sampleOrder({ cartOrderId: 'a4', orderNumber: '#1004', lines: [sampleLine(1, { sku: 'DH-RED-40' })] }),
    ]);
    expect((await search('red')).numbers).toEqual(['#1004', '#2001', '#1003']);
    expect((await search('green')).numbers).toEqual(['#1001']);
    await store.write((db) => deleteMerchant(db, globex.merchantId));
    expect(await search('red')).toEqual({ numbers: ['#1004', '#1003'], total: 2 });
    await download(acme, [sampleOrder({ cartOrderId: 'a5', orderNumber: '#1005', lines: [sampleLine(1, { sku: 'DH-RED-50' })] })]);
    expect(await search('red')).toEqual({ numbers: ['#1005', '#1004', '#1003'], total: 3 });
    expect(await search('red', { merchantId: acme.merchantId, limit: 1 })).toEqual({ numbers: ['#1005'], total: 3 });
  });
});
