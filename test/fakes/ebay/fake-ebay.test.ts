import { afterEach, describe, expect, it } from 'vitest';
import { createFakeEbay, type FakeEbay } from './index.js';

/** The fake eBay follows the documented API: tokens, getOrders' filter and paging, fulfillments, stock, limits. */

let fake: FakeEbay;
afterEach(() => fake?.close());

const basic = (f: FakeEbay) => `Basic ${Buffer.from(`${f.app.clientId}:${f.app.clientSecret}`).toString('base64')}`;

async function accessToken(f: FakeEbay): Promise<string> {
  const res = await fetch(`${f.url}/identity/v1/oauth2/token`, {
    method: 'POST',
    headers: { authorization: basic(f), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: f.grant() }).toString(),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function get(f: FakeEbay, path: string, token: string): Promise<Response> {
  return fetch(`${f.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

describe('the fake eBay', () => {
  it('sends the consent to the RuName\'s accept URL with a code that is exchanged once for an 18-month refresh token', async () => {
    fake = await createFakeEbay();
    const consent = await fetch(`${fake.url}/oauth2/authorize?${new URLSearchParams({ client_id: fake.app.clientId, redirect_uri: fake.app.ruName, response_type: 'code', scope: 'x', state: 's1' })}`, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const landing = new URL(consent.headers.get('location')!);
    expect(landing.origin + landing.pathname).toBe(fake.app.acceptUrl);
    expect(landing.searchParams.get('state')).toBe('s1');
    const form = { grant_type: 'authorization_code', code: landing.searchParams.get('code')!, redirect_uri: fake.app.ruName };
    const post = () => fetch(`${fake.url}/identity/v1/oauth2/token`, { method: 'POST', headers: { authorization: basic(fake) }, body: new URLSearchParams(form).toString() });
    const first = (await (await post()).json()) as Record<string, unknown>;
    expect(first).toMatchObject({ expires_in: 7200, refresh_token_expires_in: 47_304_000 });
    const again = await post();
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a wrong client secret as invalid_client and an unknown token with error 1001', async () => {
    fake = await createFakeEbay();
    const res = await fetch(`${fake.url}/identity/v1/oauth2/token`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${fake.app.clientId}:wrong`).toString('base64')}` }, body: 'grant_type=refresh_token&refresh_token=x' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
    const api = await get(fake, '/sell/fulfillment/v1/order', 'nope');
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ errors: [{ errorId: 1001 }] });
  });

  it('pages getOrders by offset with next, filters by lastmodifieddate and status, and refuses a start past 90 days', async () => {
    fake = await createFakeEbay({ orders: 5 });
    const token = await accessToken(fake);
    const since = fake.state.nowIso();
    const filter = `lastmodifieddate:[${since}..],orderfulfillmentstatus:{NOT_STARTED|IN_PROGRESS}`;
    const page = (await (await get(fake, `/sell/fulfillment/v1/order?${new URLSearchParams({ filter, limit: '2' })}`, token)).json()) as { total: number; next?: string; orders: unknown[] };
    expect(page.total).toBe(5);
    expect(page.orders).toHaveLength(2);
    expect(new URL(page.next!).searchParams.get('offset')).toBe('2');
    const old = new Date(Date.parse(since) - 91 * 86_400_000).toISOString();
    const refused = await get(fake, `/sell/fulfillment/v1/order?${new URLSearchParams({ filter: `lastmodifieddate:[${old}..]` })}`, token);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: [{ errorId: 30850, category: 'REQUEST' }] });
  });

  it('creates a shipping fulfillment with 201 and its Location, lists it, and marks the order fulfilled', async () => {
    fake = await createFakeEbay({ orders: 1 });
    const token = await accessToken(fake);
    const order = [...fake.state.orders.values()][0];
    const path = `/sell/fulfillment/v1/order/${order.orderId}/shipping_fulfillment`;
    const body = { lineItems: [{ lineItemId: order.lineItems[0].lineItemId, quantity: order.lineItems[0].quantity }], shippedDate: '2026-11-20T12:00:00.000Z', shippingCarrierCode: 'UPS', trackingNumber: '1Z1' };
    const res = await fetch(`${fake.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toMatch(/\/shipping_fulfillment\/\d+$/);
    const list = (await (await get(fake, path, token)).json()) as { fulfillments: { shipmentTrackingNumber: string }[] };
    expect(list.fulfillments.map((f) => f.shipmentTrackingNumber)).toEqual(['1Z1']);
    expect(order.orderFulfillmentStatus).toBe('FULFILLED');
  });

  it('answers 429 with error 2001 and the seconds to the reset once the daily limit is used', async () => {
    fake = await createFakeEbay({ dailyCalls: { fulfillment: 1 } });
    const token = await accessToken(fake);
    expect((await get(fake, '/sell/fulfillment/v1/order', token)).status).toBe(200);
    const over = await get(fake, '/sell/fulfillment/v1/order', token);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(86_000);
    expect(await over.json()).toMatchObject({ errors: [{ errorId: 2001 }] });
  });

  it('updates at most 25 SKUs per bulk call and answers 207 with the refused SKU', async () => {
    fake = await createFakeEbay();
    fake.state.addProduct('A', 1);
    const token = await accessToken(fake);
    const post = (requests: unknown[]) => fetch(`${fake.url}/sell/inventory/v1/bulk_update_price_quantity`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ requests }) });
    const res = await post([{ sku: 'A', shipToLocationAvailability: { quantity: 4 } }, { sku: 'B', shipToLocationAvailability: { quantity: 1 } }]);
    expect(res.status).toBe(207);
    expect(fake.state.inventoryWrites).toEqual([{ sku: 'A', quantity: 4 }]);
    const tooMany = await post(Array.from({ length: 26 }, (_, i) => ({ sku: `S${i}`, shipToLocationAvailability: { quantity: 1 } })));
    expect(tooMany.status).toBe(400);
  });
});
