import { afterEach, describe, expect, it } from 'vitest';
import { ETSY_RECEIPTS_PAGE_SIZE } from '../../../../../../main/engine/connectors/carts/etsy/download.js';
import { nextRequest } from '../../../../../../main/engine/connectors/carts/etsy/receipt-pages.js';
import type { CanonicalOrder } from '../../../../../../shared/domain.js';
import { etsyWorld, type EtsyWorld } from './helpers.js';

let world: EtsyWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** `count` receipts modified one a second, oldest first, ending now. */
function seed(w: EtsyWorld, count: number): number[] {
  w.etsy.shop.addListing([{ sku: 'MUG', quantity: 5 }]);
  const now = w.etsy.shop.now();
  return Array.from({ length: count }, (_, i) => w.etsy.shop.addReceipt({ createdAt: now - count + i }).receipt_id);
}

const receiptRequests = (w: EtsyWorld) => w.etsy.requests.filter((r) => r.path.endsWith('/receipts'));

describe('the Etsy receipts walk', () => {
  it('asks for the next pages while the last is saved, 99 new receipts each, every receipt once', async () => {
    world = await etsyWorld();
    const ids = seed(world, 400);
    const orders: CanonicalOrder[] = [];
    for await (const page of world.connect().fetchOrders({ cursor: null, earliestOrderDate: '2026-01-01T00:00:00Z' })) orders.push(...page.orders);
    expect(orders.map((o) => Number(o.cartOrderId))).toEqual(ids);
    const requests = receiptRequests(world);
    // Five pages of 99 (the last short), plus at most the two asked ahead past the end.
    expect(requests.length).toBeGreaterThanOrEqual(Math.ceil(400 / ETSY_RECEIPTS_PAGE_SIZE));
    expect(requests.length).toBeLessThanOrEqual(Math.ceil(400 / ETSY_RECEIPTS_PAGE_SIZE) + 2);
    expect(requests.slice(1).every((r) => r.query.get('limit') === '100')).toBe(true);
    expect(requests.every((r) => r.query.get('was_paid') === 'true' && r.query.get('was_shipped') === 'false' && r.query.get('sort_on') === 'updated')).toBe(true);
  });

  it('notices the list shifted under pages asked ahead (a receipt changed or shipped meanwhile) and loses none', async () => {
    world = await etsyWorld();
    const ids = seed(world, 400);
    const shop = world.etsy.shop;
    const orders: CanonicalOrder[] = [];
    let pages = 0;
    for await (const page of world.connect().fetchOrders({ cursor: null, earliestOrderDate: '2026-01-01T00:00:00Z' })) {
      orders.push(...page.orders);
      pages += 1;
      if (pages === 1) {
        // Read already: one changes (it moves to the end of the list), one ships (it leaves the list).
        shop.modifyReceipt(ids[3], (r) => (r.message_from_buyer = 'changed'));
        shop.addShipment(shop.receipts.get(ids[5])!, 'T-1', 'usps');
      }
    }
    const got = orders.map((o) => Number(o.cartOrderId));
    expect(new Set(got)).toEqual(new Set(ids));
    // The changed receipt comes again in its new version; nothing else twice.
    expect(got.filter((id) => id === ids[3])).toHaveLength(2);
    expect(got).toHaveLength(401);
    // A fresh anchor (no overlap) was asked after the first page.
    expect(receiptRequests(world).slice(1).some((r) => r.query.get('limit') === String(ETSY_RECEIPTS_PAGE_SIZE))).toBe(true);
  });

  it('looks one receipt up by its number, and answers null for a number the shop does not have', async () => {
    world = await etsyWorld();
    const [id] = seed(world, 1);
    const connector = world.connect();
    expect((await connector.fetchOrderByNumber!(`#${id}`))?.cartOrderId).toBe(String(id));
    expect(await connector.fetchOrderByNumber!('12345')).toBeNull();
    expect(await connector.fetchOrderByNumber!('not-a-number')).toBeNull();
  });

  it('re-anchors on the last second read, past the receipts of it already read', () => {
    const at = (s: number) => new Date(s * 1000).toISOString();
    expect(nextRequest({ second: 100, offset: 0 }, [at(100), at(101), at(103), at(103)], 4)).toEqual({ second: 103, offset: 2 });
    expect(nextRequest({ second: 100, offset: 200 }, [at(100), at(100)], 2)).toEqual({ second: 100, offset: 202 });
    expect(nextRequest({ second: 100, offset: 0 }, [at(101), undefined], 2)).toEqual({ second: 100, offset: 2 });
  });
});
