import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeShopify, type FakeShopify } from './index.js';
import { parseSearchQuery } from './search-query.js';

let fake: FakeShopify;

async function gql(query: string, variables: Record<string, unknown> = {}, token = fake.token) {
  return gqlAt(fake, query, variables, token);
}

async function gqlAt(shop: FakeShopify, query: string, variables: Record<string, unknown> = {}, token = shop.token) {
  const res = await fetch(`${shop.url}/admin/api/2025-10/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': token },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const FULFILLMENT_CREATE = `mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id } userErrors { field message } } }`;

beforeEach(async () => {
  fake = await createFakeShopify({ orders: 10, maximumAvailable: 1000, restoreRate: 50 });
});

afterEach(async () => {
  await fake.close();
});

describe('fake Shopify', () => {
  it('answers a bad token with 401 and the REST-style error body', async () => {
    const reply = await gql('{ shop { name } }', {}, 'shpat_bad');
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
  });

  it('charges the requested cost up front and refunds down to the actual cost', async () => {
    const query = `{ orders(first: 10) { nodes { id lineItems(first: 10) { nodes { id } } } } }`;
    const reply = await gql(query);
    const { requestedQueryCost, actualQueryCost, throttleStatus } = reply.body.extensions.cost;
    expect(requestedQueryCost).toBe(2 + 10 * (1 + 2 + 10));
    const lines = reply.body.data.orders.nodes.reduce((n: number, o: any) => n + o.lineItems.nodes.length, 0);
    expect(actualQueryCost).toBe(2 + 10 * 3 + lines);
    expect(throttleStatus.maximumAvailable).toBe(1000);
    expect(throttleStatus.restoreRate).toBe(50);
    expect(throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(1000 - actualQueryCost - 1);
  });

  it('throttles a query the bucket cannot pay for, Shopify style', async () => {
    fake.state.drainBucket();
    const reply = await gql('{ orders(first: 5) { nodes { id } } }');
    expect(reply.status).toBe(200);
    expect(reply.body.errors).toEqual([
      { message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } },
    ]);
    expect(reply.body.extensions.cost).toMatchObject({ requestedQueryCost: 7, actualQueryCost: null });
    expect(fake.state.stats.throttled).toBe(1);
  });

  it('refuses a single query over 1000 points', async () => {
    const reply = await gql('{ orders(first: 250) { nodes { id lineItems(first: 10) { nodes { id } } } } }');
    expect(reply.body.errors[0].extensions.code).toBe('MAX_COST_EXCEEDED');
  });

  it('denies fields the app has no scope for', async () => {
    fake.state.scopes = ['read_products'];
    const reply = await gql('{ orders(first: 1) { nodes { id } } }');
    expect(reply.body.errors[0].extensions.code).toBe('ACCESS_DENIED');
    expect(reply.body.errors[0].message).toContain('read_orders');
  });

  it('filters orders with the search syntax and pages them by updatedAt', async () => {
    const since = new Date(fake.state.updatedMsOf(6)).toISOString();
    const query = `query($after: String) { orders(first: 2, after: $after, sortKey: UPDATED_AT, query: "updated_at:>='${since}'") {
      pageInfo { hasNextPage endCursor } nodes { name updatedAt } } }`;
    const first = await gql(query);
    expect(first.body.data.orders.nodes.map((n: any) => n.name)).toEqual(['#1007', '#1008']);
    expect(first.body.data.orders.nodes[0].updatedAt).toMatch(/-05:00$/);
    const second = await gql(query, { after: first.body.data.orders.pageInfo.endCursor });
    expect(second.body.data.orders.nodes.map((n: any) => n.name)).toEqual(['#1009', '#1010']);
    expect(second.body.data.orders.pageInfo.hasNextPage).toBe(false);
  });

  it('moves edited and added orders to the end of the updatedAt order, in the order they changed', async () => {
    let now = Date.parse('2026-11-20T10:00:00Z');
    const shop = await createFakeShopify({ orders: 6, now: () => now });
    try {
      const names = async () =>
        (await gqlAt(shop, '{ orders(first: 20, sortKey: UPDATED_AT) { nodes { name } } }')).body.data.orders.nodes.map((n: any) => n.name);
      shop.state.updateOrder('#1003');
      now += 5_000;
      shop.state.addOrder();
      now += 5_000;
      shop.state.updateOrder('#1001');
      expect(await names()).toEqual(['#1002', '#1004', '#1005', '#1006', '#1003', '#1007', '#1001']);
      now += 5_000;
      shop.state.updateOrder('#1005');
      expect(await names()).toEqual(['#1002', '#1004', '#1006', '#1003', '#1007', '#1001', '#1005']);
    } finally {
      await shop.close();
    }
  });

  it('counts what each line still has to ship, as Shopify does once part of an order is fulfilled', async () => {
    const order = fake.state.addOrder({ lines: [{ sku: 'DH-1000', quantity: 3 }, { sku: 'DH-1001', quantity: 2 }] });
    const query = `query($id: ID!) { order(id: $id) { displayFulfillmentStatus
      lineItems(first: 5) { nodes { quantity currentQuantity unfulfilledQuantity fulfillableQuantity nonFulfillableQuantity } } } }`;
    const lines = async () => (await gql(query, { id: order.id })).body.data.order;
    expect((await lines()).lineItems.nodes.map((l: any) => l.unfulfilledQuantity)).toEqual([3, 2]);

    fake.state.fulfillInCart(order.id, { 0: 2 });
    const partial = await lines();
    expect(partial.displayFulfillmentStatus).toBe('PARTIALLY_FULFILLED');
    expect(partial.lineItems.nodes).toEqual([
      { quantity: 3, currentQuantity: 3, unfulfilledQuantity: 1, fulfillableQuantity: 1, nonFulfillableQuantity: 0 },
      { quantity: 2, currentQuantity: 2, unfulfilledQuantity: 2, fulfillableQuantity: 2, nonFulfillableQuantity: 0 },
    ]);

    const fo = (await gql(`query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 1) { nodes { id lineItems(first: 5) { nodes { id remainingQuantity } } } } } }`, { id: order.id }))
      .body.data.order.fulfillmentOrders.nodes[0];
    const created = await gql(FULFILLMENT_CREATE, {
      f: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: fo.lineItems.nodes[1].id, quantity: 2 }] }] },
    });
    expect(created.body.data.fulfillmentCreate.userErrors).toEqual([]);
    expect((await lines()).lineItems.nodes.map((l: any) => l.unfulfilledQuantity)).toEqual([1, 0]);

    fake.state.cancelOrder(order.id);
    expect((await lines()).lineItems.nodes.map((l: any) => l.unfulfilledQuantity)).toEqual([0, 0]);
  });

  it("serves the order's test flag", async () => {
    const real = fake.state.addOrder();
    const test = fake.state.addOrder({ test: true });
    const flag = async (id: string) => (await gql('query($id: ID!) { order(id: $id) { test } }', { id })).body.data.order.test;
    expect([await flag(real.id), await flag(test.id)]).toEqual([false, true]);
  });

  it('serves orders by id through nodes(ids:), charged per id, with unknown ids as null', async () => {
    const ids = [fake.state.orderAt(0).id, 'gid://shopify/Order/1', fake.state.orderAt(3).id];
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Order { id name lineItems(first: 4) { nodes { id } } } } }`;
    const reply = await gql(query, { ids });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data.nodes.map((n: any) => n && [n.__typename, n.name])).toEqual([['Order', '#1001'], null, ['Order', '#1004']]);
    expect(reply.body.extensions.cost.requestedQueryCost).toBe(3 * (1 + 2 + 4));
  });

  it('answers nodes(ids:) from its fast path exactly as graphql-js does', async () => {
    const ids = [fake.state.orderAt(1).id, fake.state.orderAt(2).id];
    const fast = await gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Order { id name fulfillmentOrders(first: 1) { nodes { id status } } } } }`, { ids });
    // A named fragment is outside the fast path: graphql-js's own execute answers it.
    const slow = await gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ...O } } fragment O on Order { id name fulfillmentOrders(first: 1) { nodes { id status } } }`,
      { ids },
    );
    expect(fast.body.data).toEqual(slow.body.data);
    expect(fast.body.data.nodes[0].fulfillmentOrders.nodes[0].status).toBeDefined();
  });

  it('runs several aliased mutations in one document, each charged and each answering for itself', async () => {
    const order = fake.state.addOrder({ lines: [{ sku: 'DH-1001', quantity: 2 }] });
    const fo = order.fulfillmentOrders[0];
    const input = (quantity: number, number: string) => ({
      lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: fo.lines[0].id, quantity }] }],
      trackingInfo: { company: 'UPS', number },
    });
    const reply = await gql(
      `mutation($a: FulfillmentInput!, $b: FulfillmentInput!, $c: FulfillmentInput!) {
        a: fulfillmentCreate(fulfillment: $a) { fulfillment { id } userErrors { message } }
        b: fulfillmentCreate(fulfillment: $b) { fulfillment { id } userErrors { message } }
        c: fulfillmentCreate(fulfillment: $c) { fulfillment { id } userErrors { message } }
      }`,
      { a: input(1, 'T1'), b: input(2, 'T2'), c: input(1, 'T3') },
    );
    expect(reply.body.extensions.cost.requestedQueryCost).toBe(30);
    expect(reply.body.data.a.userErrors).toEqual([]);
    expect(reply.body.data.b).toEqual({ fulfillment: null, userErrors: [{ message: 'Invalid fulfillment order line item quantity requested.' }] });
    expect(reply.body.data.c.userErrors).toEqual([]);
    expect(fake.state.fulfillmentsOf(order.id).map((f) => f.trackingInfo[0].number)).toEqual(['T1', 'T3']);
  });

  it('answers mutations from its fast path exactly as graphql-js does, scope errors and defaults included', async () => {
    const twin = await createFakeShopify({ orders: 10, maximumAvailable: 1000, restoreRate: 50 });
    try {
      const added = new Map<FakeShopify, string>();
      const inputs = (shop: FakeShopify) => {
        const order = shop.state.addOrder({ lines: [{ sku: 'DH-1001', quantity: 2 }] });
        added.set(shop, order.id);
        const fo = order.fulfillmentOrders[0];
        return {
          a: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: fo.lines[0].id, quantity: 1 }] }], trackingInfo: { company: 'UPS', number: 'T1' } },
          b: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }], notifyCustomer: true },
          c: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: 'gid://shopify/FulfillmentOrder/1' }] },
        };
      };
      const fields = `
        a: fulfillmentCreate(fulfillment: $a) { fulfillment { id status name } userErrors { field message } }
        b: fulfillmentCreate(fulfillment: $b) { fulfillment { id __typename } userErrors { field message } }
        c: fulfillmentCreate(fulfillment: $c) { fulfillment { id } userErrors { field message } }`;
      const head = 'mutation M($a: FulfillmentInput!, $b: FulfillmentInput!, $c: FulfillmentInput!)';
      const viaFast = (shop: FakeShopify) => gqlAt(shop, `${head} { ${fields} }`, inputs(shop));
      // A top-level inline fragment is outside the fast path: graphql-js's own execute answers it.
      const viaGraphql = (shop: FakeShopify) => gqlAt(shop, `${head} { ... on Mutation { ${fields} } }`, inputs(shop));
      const [fast, slow] = await Promise.all([viaFast(fake), viaGraphql(twin)]);
      expect(fast.body.data.a.userErrors).toEqual([]);
      expect(fast.body.data.c.userErrors[0].message).toBe('Fulfillment order does not exist.');
      expect(fast.body.data).toEqual(slow.body.data);
      expect(fake.state.fulfillmentsOf(added.get(fake)!)).toHaveLength(2);

      fake.state.scopes = ['read_orders'];
      twin.state.scopes = ['read_orders'];
      const [deniedFast, deniedSlow] = await Promise.all([viaFast(fake), viaGraphql(twin)]);
      expect(deniedFast.body.errors).toHaveLength(3);
      expect(deniedFast.body.errors[0].path).toEqual(['a']);
      expect(deniedFast.body).toEqual({ ...deniedSlow.body, extensions: deniedFast.body.extensions });
    } finally {
      await twin.close();
    }
  });

  it('leaves variables in an unusual shape to graphql-js, which reports them', async () => {
    const order = fake.state.addOrder({ lines: [{ sku: 'DH-1001', quantity: 2 }] });
    const fo = order.fulfillmentOrders[0];
    const reply = await gql(`mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id } } }`, {
      f: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: fo.lines[0].id, quantity: 'one' }] }] },
    });
    expect(reply.body.errors[0].message).toContain('Variable "$f" got invalid value "one"');
    expect(fake.state.fulfillmentsOf(order.id)).toEqual([]);
  });

  it('measures the share of the restore budget spent in a window', () => {
    fake.state.recordSpend(100);
    const now = Date.now();
    expect(fake.state.budgetUsedPct(now - 4000, now + 1000)).toBeCloseTo((100 * 100) / (50 * 5));
  });
});

describe('parseSearchQuery', () => {
  it('reads comparisons, quotes and OR groups', () => {
    expect(parseSearchQuery(`updated_at:>='2026-01-01T00:00:00Z' AND sku:"A B" OR sku:"C\\"D" created_at:<2026`)).toEqual([
      [{ field: 'updated_at', op: '>=', value: '2026-01-01T00:00:00Z' }],
      [
        { field: 'sku', op: '=', value: 'A B' },
        { field: 'sku', op: '=', value: 'C"D' },
      ],
      [{ field: 'created_at', op: '<', value: '2026' }],
    ]);
  });
});
