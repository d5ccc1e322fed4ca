import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrackingToAdd } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { createFakeShopify, type FakeFulfillment, type FakeOrder, type FakeShopify } from '../../../../../fakes/shopify/index.js';
import { connectTo } from './helpers.js';

let fake: FakeShopify;
let order: FakeOrder;
let first: FakeFulfillment;

beforeEach(async () => {
  fake = await createFakeShopify({ orders: 2 });
  order = fake.state.addOrder({ lines: [{ sku: 'DH-1001', quantity: 2 }] });
  first = fake.state.fulfillInCart(order.id, { 0: 2 }, 'JJD1');
});

afterEach(async () => {
  await fake.close();
});

function tracking(number: string, overrides: Partial<TrackingToAdd> = {}): TrackingToAdd {
  return {
    cartOrderId: order.id,
    orderNumber: order.name,
    carrier: 'UPS',
    trackingNumber: number,
    shipDate: '2026-11-27',
    joinsTrackingNumber: 'JJD1',
    joinsRemoteId: first.id,
    ...overrides,
  };
}

const numbers = () => fake.state.fulfillmentsOf(order.id).map((f) => f.trackingInfo.map((t) => t.number));

describe('Shopify adding a package’s tracking number to a fulfillment', () => {
  it('adds the number after the ones the fulfillment holds, under its company', async () => {
    const { connector } = connectTo(fake);
    const result = await connector.addTracking!(tracking('JJD2'));
    expect(result).toEqual({ outcome: 'accepted', remoteId: first.id, alreadyExisted: false });
    expect(numbers()).toEqual([['JJD1', 'JJD2']]);
    expect(fake.state.fulfillmentsOf(order.id)[0].trackingInfo.map((t) => t.company)).toEqual(['UPS', 'UPS']);
  });

  it('adds nothing for a number the order holds already, and says where it is', async () => {
    const { connector } = connectTo(fake);
    await connector.addTracking!(tracking('JJD2'));
    const again = await connector.addTracking!(tracking(' jjd2 '));
    expect(again).toEqual({ outcome: 'accepted', remoteId: first.id, alreadyExisted: true });
    expect(numbers()).toEqual([['JJD1', 'JJD2']]);
  });

  it('keeps a third box’s number with the first two', async () => {
    const { connector } = connectTo(fake);
    await connector.addTracking!(tracking('JJD2'));
    await connector.addTracking!(tracking('JJD3'));
    expect(numbers()).toEqual([['JJD1', 'JJD2', 'JJD3']]);
  });

  it('looks again after an update that timed out instead of sending it twice', async () => {
    const { connector } = connectTo(fake, { options: { timeoutMs: 300 } });
    fake.state.delayNext(1, 800, { when: 'fulfillmentTrackingInfoUpdate', after: true });
    const result = await connector.addTracking!(tracking('JJD2'));
    expect(result).toEqual({ outcome: 'accepted', remoteId: first.id, alreadyExisted: false });
    expect(numbers()).toEqual([['JJD1', 'JJD2']]);
  });

  it('refuses, naming the order and the package, when the fulfillment it joins was canceled', async () => {
    const { connector } = connectTo(fake);
    fake.state.updateOrder(order.id, (o) => (o.fulfillments[0].status = 'CANCELLED'));
    const result = await connector.addTracking!(tracking('JJD2'));
    expect(result.outcome).toBe('refused');
    expect(result.outcome === 'refused' && result.reason).toMatch(new RegExp(`${order.name}.*JJD1.*JJD2`));
    expect(numbers()).toEqual([['JJD1']]);
  });
});

describe('the fake Shopify’s fulfillmentTrackingInfoUpdate', () => {
  it('replaces the tracking info as a whole, as Shopify does, so numbers left out are gone', async () => {
    const mutation = `mutation($id: ID!, $t: FulfillmentTrackingInput!) { fulfillmentTrackingInfoUpdate(fulfillmentId: $id, trackingInfoInput: $t) { fulfillment { id } userErrors { message } } }`;
    const res = await fetch(`${fake.url}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': fake.token },
      body: JSON.stringify({ query: mutation, variables: { id: first.id, t: { company: 'DHL', numbers: ['JJD9'] } } }),
    });
    const body = (await res.json()) as { data: { fulfillmentTrackingInfoUpdate: { userErrors: unknown[] } } };
    expect(body.data.fulfillmentTrackingInfoUpdate.userErrors).toEqual([]);
    expect(numbers()).toEqual([['JJD9']]);
  });
});
