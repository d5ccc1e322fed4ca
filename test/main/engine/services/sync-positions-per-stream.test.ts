import { afterEach, describe, expect, it } from 'vitest';
import type { CartContext, OrderPage } from '../../../../main/engine/connectors/carts/cart-connector.js';
import { deleteCart, getCart } from '../../../../main/engine/store/repositories/carts-repo.js';
import { deleteMerchant } from '../../../../main/engine/store/repositories/merchants-repo.js';
import { listSyncPositions, setSyncPosition } from '../../../../main/engine/store/repositories/sync-positions-repo.js';
import { sampleOrder } from '../csv/sample-orders.js';
import { scriptedWorld, type ScriptedWorld } from './scripted-cart.js';

const order = (n: number) => sampleOrder({ cartOrderId: `market-order-${n}`, orderNumber: `M${n}`, updatedAt: `2026-11-27T0${n}:00:00.000Z` });

describe("a cart's sync positions, one per stream", () => {
  let w: ScriptedWorld;
  afterEach(async () => w.close());

  /** A cart whose download yields `pages` and records the cursor each run started from. */
  async function downloading(pages: (ctx: CartContext) => AsyncIterable<OrderPage>) {
    const startedFrom: (string | null)[] = [];
    w = await scriptedWorld({
      connector: (ctx) => ({
        testConnection: async () => ({ ok: true, message: 'ok' }),
        fetchOrders: ({ cursor }) => {
          startedFrom.push(cursor);
          return pages(ctx);
        },
      }),
    });
    return startedFrom;
  }

  const positions = () => w.store.read((db) => Object.fromEntries(listSyncPositions(db, w.cartId).map((p) => [p.stream, p.position])));
  const orderCount = () => w.store.read((db) => db.get<{ n: number }>('SELECT COUNT(*) AS n FROM orders')!.n);

  it("saves the 'orders' position and the other streams a page moves with the page, and the next run starts from it", async () => {
    const startedFrom = await downloading(async function* () {
      yield { orders: [order(1)], invalid: [], cursor: 'c1', positions: { report_requests: 'r1' } };
      yield { orders: [order(2)], invalid: [], cursor: 'c2' };
    });
    expect((await w.run('order_download')).run.status).toBe('ok');
    expect(await positions()).toEqual({ orders: 'c2', report_requests: 'r1' });
    expect((await w.store.read((db) => getCart(db, w.cartId)))!.syncCursor).toBe('c2');

    await w.run('order_download');
    expect(startedFrom).toEqual([null, 'c2']);
  });

  it("saves nothing of a page whose positions name the 'orders' stream: the orders position moves only with its own cursor", async () => {
    await downloading(async function* () {
      yield { orders: [order(1)], invalid: [], cursor: 'c1' };
      yield { orders: [order(2)], invalid: [], cursor: 'c2', positions: { orders: 'elsewhere' } };
    });
    const result = await w.run('order_download');
    expect(result.run.status).toBe('failed');
    expect(result.run.message).toMatch(/'orders' position is saved only with its page/);
    // The first page and its cursor are saved; the second page, its orders and positions, not at all.
    expect(await positions()).toEqual({ orders: 'c1' });
    expect(await orderCount()).toBe(1);
  });

  it("gives the connector the other streams' positions to read and save, all in one write or none", async () => {
    let ctx!: CartContext;
    await downloading(async function* (c) {
      ctx = c;
      yield { orders: [], invalid: [], cursor: 'c1' };
    });
    await w.run('order_download');
    await w.store.write((db) => setSyncPosition(db, w.cartId, 'shipment_checks', 's0', new Date().toISOString()));

    expect(await ctx.positions!.read('shipment_checks')).toBe('s0');
    expect(await ctx.positions!.read('inventory_feeds')).toBeNull();
    await ctx.positions!.save({ inventory_feeds: 'feed-9', shipment_checks: 's1' });
    expect(await positions()).toEqual({ orders: 'c1', inventory_feeds: 'feed-9', shipment_checks: 's1' });

    await expect(ctx.positions!.save({ inventory_feeds: 'feed-10', orders: 'c9' })).rejects.toThrow(/only with its page/);
    await expect(ctx.positions!.save({ inventory_feeds: 'feed-10', 'Bad Name': 'x' })).rejects.toThrow(/not a sync stream name/);
    await ctx.positions!.save({ shipment_checks: null });
    expect(await positions()).toEqual({ orders: 'c1', inventory_feeds: 'feed-9' });
  });

  it("clears the 'orders' position alone (a restart from the earliest date), and removes every stream with the cart", async () => {
    await downloading(async function* (ctx) {
      await ctx.positions!.save({ inventory_feeds: 'feed-1' });
      yield { orders: [], invalid: [], cursor: 'c1' };
    });
    await w.run('order_download');
    await w.store.write((db) => setSyncPosition(db, w.cartId, 'orders', null, new Date().toISOString()));
    expect(await positions()).toEqual({ inventory_feeds: 'feed-1' });
    expect((await w.store.read((db) => getCart(db, w.cartId)))!.syncCursor).toBeNull();
    await w.store.write((db) => deleteCart(db, w.cartId));
    expect(await w.store.read((db) => db.get<{ n: number }>('SELECT COUNT(*) AS n FROM cart_sync_positions')!.n)).toBe(0);
  });

  it("removes a merchant's carts' positions with the merchant", async () => {
    await downloading(async function* (ctx) {
      await ctx.positions!.save({ inventory_feeds: 'feed-1' });
      yield { orders: [], invalid: [], cursor: 'c1' };
    });
    await w.run('order_download');
    await w.store.write((db) => deleteMerchant(db, w.merchantId));
    expect(await w.store.read((db) => db.get<{ n: number }>('SELECT COUNT(*) AS n FROM cart_sync_positions')!.n)).toBe(0);
  });
});
