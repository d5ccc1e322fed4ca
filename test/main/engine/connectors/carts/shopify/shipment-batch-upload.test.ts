import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShipmentBatchResult, ShipmentToUpload } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { createFakeShopify, type FakeOrder, type FakeShopify } from '../../../../../fakes/shopify/index.js';
import { connectTo } from './helpers.js';

let fake: FakeShopify;

beforeEach(async () => {
  fake = await createFakeShopify({ orders: 0, restoreRate: 10_000, maximumAvailable: 100_000 });
});

afterEach(async () => {
  await fake.close();
});

function addOrders(count: number, lines: { sku: string; quantity: number }[] = [{ sku: 'DH-1001', quantity: 3 }, { sku: 'DH-1002', quantity: 1 }]) {
  return Array.from({ length: count }, () => fake.state.addOrder({ lines }));
}

function shipment(order: FakeOrder, tracking: string, items: [number, number][]): ShipmentToUpload {
  return {
    cartOrderId: order.id,
    orderNumber: order.name,
    carrier: 'UPS',
    trackingNumber: tracking,
    trackingUrl: `https://www.ups.com/track?tracknum=${tracking}`,
    shipDate: '2026-11-22T15:00:00.000Z',
    items: items.map(([line, quantity]) => ({ cartLineId: order.lineItems[line].id, sku: order.lineItems[line].sku ?? '', quantity })),
  };
}

const remaining = (order: FakeOrder) => fake.state.order(order.id)!.fulfillmentOrders[0].lines.map((l) => l.remainingQuantity);
const okOf = (r: ShipmentBatchResult) => ('ok' in r && r.ok.outcome === 'accepted' ? r.ok : undefined);
const errorOf = (r: ShipmentBatchResult) => ('error' in r ? r.error : undefined);

describe('Shopify batched shipment upload', () => {
  it('creates the fulfillments of many orders, with tracking and partial quantities, in two requests per 25', async () => {
    const orders = addOrders(30);
    const { connector } = connectTo(fake);
    const shipments = orders.map((o, i) => shipment(o, `1ZBATCH${i}`, i % 2 === 0 ? [[0, 2]] : [[0, 3], [1, 1]]));
    const before = fake.state.stats.graphqlRequests;

    const results = await connector.uploadShipments!(shipments);

    expect(fake.state.stats.graphqlRequests - before).toBe(4); // 25 + 5: a lookup and a create each
    orders.forEach((o, i) => {
      const [fulfillment, ...more] = fake.state.fulfillmentsOf(o.id);
      expect(more).toEqual([]);
      expect(results[i]).toEqual({ ok: { outcome: 'accepted', remoteId: fulfillment.id, alreadyExisted: false } });
      expect(fulfillment.trackingInfo).toEqual([{ company: 'UPS', number: `1ZBATCH${i}`, url: `https://www.ups.com/track?tracknum=1ZBATCH${i}` }]);
      expect(remaining(o)).toEqual(i % 2 === 0 ? [1, 1] : [0, 0]);
      expect(fake.state.order(o.id)!.fulfillmentStatus).toBe(i % 2 === 0 ? 'PARTIALLY_FULFILLED' : 'FULFILLED');
    });
  });

  it('returns the existing fulfillments when the same batch is uploaded again, creating nothing', async () => {
    const orders = addOrders(5);
    const { connector } = connectTo(fake);
    const shipments = orders.map((o, i) => shipment(o, `1ZAGAIN${i}`, [[0, 1]]));
    const first = await connector.uploadShipments!(shipments);
    const before = fake.state.stats.graphqlRequests;

    const again = await connector.uploadShipments!(shipments);

    expect(fake.state.stats.graphqlRequests - before).toBe(1); // the lookup only
    expect(again).toEqual(first.map((r) => ({ ok: { outcome: 'accepted', remoteId: okOf(r)!.remoteId, alreadyExisted: true } })));
    for (const o of orders) {
      expect(fake.state.fulfillmentsOf(o.id)).toHaveLength(1);
      expect(remaining(o)).toEqual([2, 1]);
    }
  });

  it("fails only the shipment Shopify refuses, with that shipment's userErrors", async () => {
    const orders = addOrders(3);
    const { connector } = connectTo(fake);
    // Between our lookup and the create, the merchant puts the middle order on hold.
    const takeFault = fake.state.takeFault.bind(fake.state);
    fake.state.takeFault = (body) => {
      if (body.includes('fulfillmentCreate')) fake.state.mutable(orders[1].id).fulfillmentOrders[0].status = 'ON_HOLD';
      return takeFault(body);
    };

    const results = await connector.uploadShipments!(orders.map((o, i) => shipment(o, `1ZHOLD${i}`, [[0, 1]])));

    expect(okOf(results[0])?.alreadyExisted).toBe(false);
    expect(okOf(results[2])?.alreadyExisted).toBe(false);
    const refused = errorOf(results[1]);
    expect(refused?.kind).toBe('data');
    expect(refused?.message).toBe(
      `Shopify refused the shipment 1ZHOLD1 for order ${orders[1].name}: Fulfillment order ${orders[1].fulfillmentOrders[0].id} has an unfulfillable status= on_hold.`,
    );
    expect(fake.state.fulfillmentsOf(orders[0].id)).toHaveLength(1);
    expect(fake.state.fulfillmentsOf(orders[1].id)).toHaveLength(0);
    expect(fake.state.fulfillmentsOf(orders[2].id)).toHaveLength(1);
  });

  it('reports a shipment with more units than are left, or for an unknown order, as its own data error', async () => {
    const orders = addOrders(2);
    const { connector } = connectTo(fake);
    const unknown = { ...shipment(orders[0], '1ZNONE', [[0, 1]]), cartOrderId: 'gid://shopify/Order/1', orderNumber: '#9999' };

    const results = await connector.uploadShipments!([shipment(orders[0], '1ZTOOMANY', [[1, 2]]), unknown, shipment(orders[1], '1ZFINE', [[1, 1]])]);

    expect(errorOf(results[0])?.kind).toBe('data');
    expect(errorOf(results[0])?.message).toContain('DH-1002');
    expect(errorOf(results[1])?.kind).toBe('data');
    expect(errorOf(results[1])?.message).toContain('#9999');
    expect(okOf(results[2])?.alreadyExisted).toBe(false);
    expect(fake.state.fulfillmentsOf(orders[0].id)).toHaveLength(0);
    expect(remaining(orders[1])).toEqual([3, 0]);
  });

  it('applies two shipments of the same order in input order, the second against what the first left', async () => {
    const [order, other] = addOrders(2);
    const { connector } = connectTo(fake);

    const results = await connector.uploadShipments!([
      shipment(order, '1ZPART1', [[0, 2]]),
      shipment(other, '1ZOTHER', [[0, 3]]),
      shipment(order, '1ZPART2', [[0, 1], [1, 1]]),
    ]);

    expect(results.every((r) => okOf(r)?.alreadyExisted === false)).toBe(true);
    expect(fake.state.fulfillmentsOf(order.id).map((f) => f.trackingInfo[0].number)).toEqual(['1ZPART1', '1ZPART2']);
    expect(remaining(order)).toEqual([0, 0]);
    expect(fake.state.order(order.id)!.fulfillmentStatus).toBe('FULFILLED');
  });

  it('looks the batch up after a create that timed out, and reports what exists instead of creating it twice', async () => {
    const orders = addOrders(4);
    const { connector } = connectTo(fake, { options: { timeoutMs: 300 } });
    fake.state.delayNext(1, 800, { when: 'fulfillmentCreate', after: true });

    const results = await connector.uploadShipments!(orders.map((o, i) => shipment(o, `1ZSLOW${i}`, [[0, 1]])));

    orders.forEach((o, i) => {
      const fulfillments = fake.state.fulfillmentsOf(o.id);
      expect(fulfillments).toHaveLength(1);
      expect(results[i]).toEqual({ ok: { outcome: 'accepted', remoteId: fulfillments[0].id, alreadyExisted: false } });
    });
  });

  it('reports a dropped create that never happened as a failure to retry, and the retry creates each once', async () => {
    const orders = addOrders(3);
    const { connector } = connectTo(fake);
    fake.state.dropNext(1, { when: 'fulfillmentCreate' });
    const shipments = orders.map((o, i) => shipment(o, `1ZDROP${i}`, [[0, 1]]));

    const results = await connector.uploadShipments!(shipments);

    expect(results.map((r) => errorOf(r)?.kind)).toEqual(['transient', 'transient', 'transient']);
    for (const o of orders) expect(fake.state.fulfillmentsOf(o.id)).toHaveLength(0);
    const retry = await connector.uploadShipments!(shipments);
    expect(retry.every((r) => okOf(r)?.alreadyExisted === false)).toBe(true);
    for (const o of orders) expect(fake.state.fulfillmentsOf(o.id)).toHaveLength(1);
  });

  it('loads an order with more lines than the batch lookup pages in full before fulfilling it', async () => {
    const lines = Array.from({ length: 12 }, (_, k) => ({ sku: `DH-${1000 + k}`, quantity: 1 }));
    const [big] = addOrders(1, lines);
    const { connector } = connectTo(fake);

    const [result] = await connector.uploadShipments!([shipment(big, '1ZBIG', [[11, 1], [10, 1]])]);

    expect(okOf(result)?.alreadyExisted).toBe(false);
    expect(remaining(big).slice(9)).toEqual([1, 0, 0]);
  });

  it('throws a refused token for the whole batch', async () => {
    const orders = addOrders(2);
    const { connector } = connectTo(fake, { credentials: { accessToken: 'shpat_wrong' } });
    const err = await connector.uploadShipments!(orders.map((o, i) => shipment(o, `1Z${i}`, [[0, 1]]))).catch((e) => e);
    expect(err.kind).toBe('auth');
  });
});
