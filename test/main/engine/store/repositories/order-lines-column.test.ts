import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../../main/engine/store/index.js';
import { migrations } from '../../../../../main/engine/store/migrations/index.js';
import { insertOrder, updateOrderPayload } from '../../../../../main/engine/store/repositories/orders-repo.js';
import { sampleOrder } from '../../csv/sample-orders.js';
import { tempStoreDir } from '../fixtures/store-fixtures.js';

const NOW = '2026-11-21T10:00:00.000Z';

describe('the order lines column', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('holds the payload lines of an order as inserted and as the cart later changed it', async () => {
    const { dir, cleanup } = await tempStoreDir();
    cleanups.push(cleanup);
    const store = await openStore({ dir, migrations });
    const order = sampleOrder({ cartOrderId: 'c1', orderNumber: '#1' });
    const inStep = (db: Parameters<Parameters<typeof store.read>[0]>[0]) =>
      db.all<{ same: number }>("SELECT lines_json = json_extract(data_json, '$.lines') AS same FROM orders").map((r) => r.same);

    const id = await store.write((db) => insertOrder(db, { cartId: 1, merchantId: 1, order, status: 'new', reason: null, mappedShipCode: 'STD' }, NOW));
    expect(await store.read(inStep)).toEqual([1]);

    const changed = { ...order, lines: [...order.lines, { ...order.lines[0], sku: 'ADDED-1', cartLineId: 'added' }] };
    await store.write((db) => updateOrderPayload(db, id, changed, 'STD', NOW));
    expect(await store.read(inStep)).toEqual([1]);
    const stored = await store.read((db) => db.get<{ lines_json: string }>('SELECT lines_json FROM orders WHERE id = ?', [id]));
    expect(JSON.parse(stored!.lines_json)).toEqual(changed.lines);
    await store.close();
  });
});
