import { afterEach, describe, expect, it } from 'vitest';
import { fetchOrdersPage } from '../../../../../../main/engine/connectors/carts/woocommerce/orders-api.js';
import { statusesToQuery } from '../../../../../../main/engine/connectors/carts/woocommerce/order-filters.js';
import { readOrdersPage } from '../../../../../../main/engine/connectors/carts/woocommerce/order-page.js';
import { createFakeWooCommerce, type FakeWooCommerce } from '../../../../../fakes/woocommerce/index.js';
import { clientFor } from './helpers.js';

let fake: FakeWooCommerce | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('reading a page of WooCommerce orders', () => {
  it('maps good orders, skips a stopped one with its reason, records a malformed one, and dates them all', async () => {
    fake = await createFakeWooCommerce({ startMs: Date.UTC(2026, 10, 20, 12, 0, 0) });
    const [good, cancelled, broken] = fake.store.seedOrders([{ status: 'processing' }, { status: 'cancelled' }, { status: 'processing' }]);
    fake.store.malformOrder(broken.id, (json) => void (json.total = 'n/a'));
    const { client } = clientFor(fake);
    const chosen = ['processing'];
    const list = await fetchOrdersPage(client, { statuses: statusesToQuery(chosen), offset: 0, createdAfter: '2026-11-20T00:00:00Z' });
    expect(fake.store.requests.at(-1)?.query.get('after')).toBe('2026-11-20T00:00:00');
    const page = readOrdersPage(list.items, chosen);
    expect(page.orders.map((o) => [o.cartOrderId, o.skipReason])).toEqual([
      [String(good.id), undefined],
      [String(cancelled.id), 'order status cancelled: the order was stopped in WooCommerce'],
    ]);
    expect(page.invalid).toEqual([{ cartOrderId: String(broken.id), orderNumber: String(broken.id), reason: expect.stringContaining('total: is not a decimal amount') }]);
    // The malformed order's date still counts, or a page of bad orders would freeze the sync position.
    expect(page.updatedAts).toEqual(['2026-11-20T12:00:01.000Z', '2026-11-20T12:00:02.000Z', '2026-11-20T12:00:03.000Z']);
  });

  it('records an item that is not an order at all without a date', () => {
    const page = readOrdersPage(['not an order'], []);
    expect(page.orders).toEqual([]);
    expect(page.invalid).toHaveLength(1);
    expect(page.updatedAts).toEqual([]);
  });
});
