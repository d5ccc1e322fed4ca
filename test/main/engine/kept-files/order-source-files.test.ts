import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderPage } from '../../../../main/engine/connectors/carts/cart-connector.js';
import { createLocalFileKeeper } from '../../../../main/engine/kept-files/local-file-keeper.js';
import { systemClock } from '../../../../main/engine/platform/ports.js';
import { listKeptFiles } from '../../../../main/engine/store/repositories/kept-files-repo.js';
import { sampleOrder } from '../csv/sample-orders.js';
import { scriptedWorld, type ScriptedWorld } from '../services/scripted-cart.js';

describe('order-source files a download reads are kept', () => {
  let w: ScriptedWorld;
  let root: string;
  afterEach(async () => {
    await w.close();
    await rm(root, { recursive: true, force: true });
  });

  it('keeps the file a page was read from once its orders are saved, with the cart, the orders and the rows refused', async () => {
    w = await scriptedWorld({
      connector: () => ({
        testConnection: async () => ({ ok: true, message: 'ok' }),
        fetchOrders: async function* (): AsyncGenerator<OrderPage> {
          yield {
            orders: [sampleOrder({ cartOrderId: 'A-1', orderNumber: 'A-1' })],
            invalid: [{ orderNumber: 'A-2', reason: 'Line 3: the quantity "two" is not a number' }],
            cursor: 'c1',
            file: { name: 'orders-day.csv', remotePath: 'inbox/orders-day.csv', content: Buffer.from('Order,SKU,Qty\nA-1,S,1\nA-2,S,two\n') },
          };
          // A page without a file (nothing new) keeps nothing.
          yield { orders: [], invalid: [], cursor: 'c2' };
        },
      }),
    });
    root = path.join(w.store.dir, 'files');
    w.deps.files = createLocalFileKeeper({ store: w.store, clock: systemClock, log: w.log, root });
    expect((await w.run('order_download')).run.status).toBe('partial');

    const { items } = await w.store.read((db) => listKeptFiles(db, {}, { limit: 10, offset: 0 }));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      merchantId: w.merchantId,
      cartId: w.cartId,
      direction: 'received',
      kind: 'order_source',
      name: 'orders-day.csv',
      remotePath: 'inbox/orders-day.csv',
      rows: 1,
      errors: 1,
      firstErrors: 'Line 3: the quantity "two" is not a number',
    });
  });
});
