import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChunkOrders } from '../../../../main/engine/services/confirmation-shipments.js';
import type { ConfirmationRow } from '../../../../main/engine/connectors/wms/wms-connector.js';
import { openStore, type OpenedStore } from '../../../../main/engine/store/index.js';
import { migrations } from '../../../../main/engine/store/migrations/index.js';
import { getCart, insertCart, type CartRow } from '../../../../main/engine/store/repositories/carts-repo.js';
import { orderNumberSpellings } from '../../../../main/engine/store/repositories/orders-repo.js';
import { sampleOrder } from '../csv/sample-orders.js';
import { addDemoCart, downloadInto } from '../store/repositories/demo-cart-orders.js';

const NOW = '2026-11-27T08:00:00.000Z';

/** A confirmation chunk asks the store only for the spellings (with or without "#") its merchant's orders use. */
describe('order numbers of a confirmation chunk', () => {
  let dir: string;
  let store: OpenedStore;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dockhand-confirm-numbers-'));
    store = await openStore({ dir, migrations });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const cartOf = (merchant: string, code: string) => addDemoCart(store, { merchant, code, cartName: `${merchant} shop`, rejectUnmapped: false, now: NOW });
  const secondCart = (first: CartRow, name: string) =>
    store.write((db) => {
      const id = insertCart(
        db,
        { merchantId: first.merchantId, platform: 'demo', name, orderSource: name, settings: {}, credentialsSealed: null, earliestOrderDate: '2026-11-01', rejectUnmapped: false, minInventoryLevel: 0 },
        NOW,
      );
      return getCart(db, id)!;
    });
  const orders = (cart: CartRow, numbers: string[]) => downloadInto(store, cart, numbers.map((n) => sampleOrder({ cartOrderId: `c-${n}`, orderNumber: n })), NOW);
  const row = (orderNumber: string, line = 2): ConfirmationRow => ({ line, orderNumber, sku: 'SKU-1', quantity: 1, carrier: 'UPS', trackingNumber: `1Z${line}`, shipDate: '2026-11-27' }) as ConfirmationRow;
  /** The order numbers found for each number a file writes, as one chunk of the file sees them. */
  const found = (cart: CartRow, written: string[]) =>
    store.read((db) => {
      const chunk = new ChunkOrders(db, cart.merchantId, written.map((n, i) => [row(n, i + 2)]));
      return written.map((n) => chunk.withNumber(n).map((o) => o.orderNumber).sort());
    });

  it('finds "#1001" for a file that writes 1001, and 1001 for one that writes "#1001"', async () => {
    const hashed = await cartOf('Hashes', 'HASH');
    await orders(hashed, ['#1001', '#1002']);
    const plain = await cartOf('Plain', 'PLAIN');
    await orders(plain, ['2001', '2002']);

    expect(await store.read((db) => orderNumberSpellings(db, hashed.merchantId))).toEqual({ hashed: true, plain: false });
    expect(await store.read((db) => orderNumberSpellings(db, plain.merchantId))).toEqual({ hashed: false, plain: true });
    expect(await found(hashed, ['1001', '#1002', ' 1001 ', '2001'])).toEqual([['#1001'], ['#1002'], ['#1001'], []]);
    expect(await found(plain, ['2001', '#2002', '1001'])).toEqual([['2001'], ['2002'], []]);
  });

  it('finds both spellings when the merchant\'s carts use both, and neither for a merchant with no orders', async () => {
    const first = await cartOf('Both', 'BOTH');
    await orders(first, ['#3001']);
    const second = await secondCart(first, 'Second shop');
    await orders(second, ['3001', '3002']);

    expect(await store.read((db) => orderNumberSpellings(db, first.merchantId))).toEqual({ hashed: true, plain: true });
    expect(await found(first, ['3001', '#3001', '#3002'])).toEqual([['#3001', '3001'], ['#3001', '3001'], ['3002']]);

    const empty = await cartOf('Empty', 'EMPTY');
    expect(await store.read((db) => orderNumberSpellings(db, empty.merchantId))).toEqual({ hashed: false, plain: false });
    expect(await found(empty, ['3001'])).toEqual([[]]);
  });
});
