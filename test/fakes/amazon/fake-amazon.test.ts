import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeAmazon, orderIdFor, type FakeAmazon } from './index.js';

/** The fake seller over real HTTP, as SP-API and Login with Amazon document themselves. */

let fake: FakeAmazon;
let clock: { ms: number; now(): Date };

beforeEach(async () => {
  clock = { ms: Date.parse('2026-11-20T10:00:00Z'), now: () => new Date(clock.ms) };
  fake = await createFakeAmazon({ start: clock, itemsPageSize: 2 });
});
afterEach(() => fake.close());

async function token(form: Record<string, string>) {
  const res = await fetch(`${fake.url}/auth/o2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function accessToken(): Promise<string> {
  const { body } = await token({ grant_type: 'refresh_token', refresh_token: fake.refreshToken, client_id: fake.app.clientId, client_secret: fake.app.clientSecret });
  return body.access_token as string;
}

async function sp(path: string, options: { token?: string; method?: string; body?: unknown } = {}) {
  const res = await fetch(`${fake.url}${path}`, {
    method: options.method ?? 'GET',
    headers: { ...(options.token ? { 'x-amz-access-token': options.token } : {}), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  // Replies are read as the tests assert on them: untyped JSON.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
}

const listQuery = (q: Record<string, string>) => `/orders/v0/orders?${new URLSearchParams({ MarketplaceIds: 'ATVPDKIKX0DER', ...q })}`;

describe('the fake Amazon seller', () => {
  it('issues an hour-long access token for the refresh token, and refuses an unknown one and a wrong secret as LWA does', async () => {
    const ok = await token({ grant_type: 'refresh_token', refresh_token: fake.refreshToken, client_id: fake.app.clientId, client_secret: fake.app.clientSecret });
    expect(ok).toMatchObject({ status: 200, body: { token_type: 'bearer', expires_in: 3600 } });
    expect(String(ok.body.access_token)).toMatch(/^Atza\|/);
    expect(await token({ grant_type: 'refresh_token', refresh_token: 'Atzr|nope', client_id: fake.app.clientId, client_secret: fake.app.clientSecret })).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await token({ grant_type: 'refresh_token', refresh_token: fake.refreshToken, client_id: fake.app.clientId, client_secret: 'wrong' })).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('sends the browser from the consent page back with spapi_oauth_code, state and selling_partner_id; the code gives a refresh token once', async () => {
    const res = await fetch(`${fake.url}/apps/authorize/consent?application_id=${fake.app.applicationId}&state=abc`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const landing = new URL(res.headers.get('location')!);
    expect(landing.origin + landing.pathname).toBe(fake.app.redirectUris[0]);
    expect(landing.searchParams.get('state')).toBe('abc');
    expect(landing.searchParams.get('selling_partner_id')).toBe(fake.sellerId);
    const code = landing.searchParams.get('spapi_oauth_code')!;
    const form = { grant_type: 'authorization_code', code, client_id: fake.app.clientId, client_secret: fake.app.clientSecret };
    const first = await token(form);
    expect(String(first.body.refresh_token)).toMatch(/^Atzr\|/);
    expect((await token(form)).body.error).toBe('invalid_grant');
    const wrongApp = await fetch(`${fake.url}/apps/authorize/consent?application_id=other&state=abc`, { redirect: 'manual' });
    expect(wrongApp.status).toBe(400);
  });

  it('refuses a call without a valid access token with the SP-API envelope', async () => {
    const res = await sp(listQuery({ LastUpdatedAfter: '2026-11-01T00:00:00Z' }), { token: 'Atza|forged' });
    expect(res.status).toBe(403);
    expect(res.body?.errors[0]).toMatchObject({ code: 'Unauthorized', message: 'Access to requested resource is denied.' });
  });

  it('holds getOrders to its rules: the two-minute rule, one of the After filters, NextToken alone', async () => {
    const t = await accessToken();
    const tooLate = await sp(listQuery({ LastUpdatedAfter: '2026-11-20T09:00:00Z', LastUpdatedBefore: '2026-11-20T09:59:00Z' }), { token: t });
    expect(tooLate.status).toBe(400);
    expect(tooLate.body?.errors[0].code).toBe('InvalidInput');
    expect((await sp(listQuery({}), { token: t })).status).toBe(400);
    for (let i = 0; i < 3; i++) fake.state.addOrder();
    clock.ms += 180_000;
    const first = await sp(listQuery({ LastUpdatedAfter: '2026-11-20T09:00:00Z', MaxResultsPerPage: '2' }), { token: t });
    expect(first.body?.payload.Orders).toHaveLength(2);
    const next = first.body?.payload.NextToken as string;
    const mixed = await sp(listQuery({ NextToken: next, LastUpdatedAfter: '2026-11-20T09:00:00Z' }), { token: t });
    expect(mixed.status).toBe(400);
    const second = await sp(listQuery({ NextToken: next }), { token: t });
    expect(second.body?.payload.Orders.map((o: { AmazonOrderId: string }) => o.AmazonOrderId)).toEqual([orderIdFor(3)]);
    expect(second.body?.payload.NextToken).toBeUndefined();
  });

  it('leaves the buyer out of the order list unless a Restricted Data Token is sent, and refuses one to an app without the role', async () => {
    fake.state.addOrder();
    clock.ms += 180_000;
    const t = await accessToken();
    const plain = await sp(listQuery({ LastUpdatedAfter: '2026-11-20T09:00:00Z' }), { token: t });
    expect(plain.body?.payload.Orders[0].ShippingAddress).toEqual({ City: 'Seattle', StateOrRegion: 'WA', PostalCode: '98109', CountryCode: 'US' });
    expect(plain.body?.payload.Orders[0].BuyerInfo).toBeUndefined();
    const rdt = await sp('/tokens/2021-03-01/restrictedDataToken', { token: t, method: 'POST', body: { restrictedResources: [{ method: 'GET', path: '/orders/v0/orders', dataElements: ['shippingAddress'] }] } });
    expect(rdt.body).toMatchObject({ expiresIn: 3600 });
    const full = await sp(listQuery({ LastUpdatedAfter: '2026-11-20T09:00:00Z' }), { token: rdt.body?.restrictedDataToken as string });
    expect(full.body?.payload.Orders[0].ShippingAddress.Name).toBe('Buyer 1 Example');
    fake.setRestrictedRole(false);
    const refused = await sp('/tokens/2021-03-01/restrictedDataToken', { token: t, method: 'POST', body: { restrictedResources: [{ method: 'GET', path: '/orders/v0/orders', dataElements: ['shippingAddress'] }] } });
    expect(refused.status).toBe(403);
  });

  it('pages order items with their own NextToken', async () => {
    const order = fake.state.addOrder({ lines: [1, 2, 3].map((n) => ({ sku: `S${n}`, qty: 1, priceCents: 100 })) });
    const t = await accessToken();
    const first = await sp(`/orders/v0/orders/${order.AmazonOrderId}/orderItems`, { token: t });
    expect(first.body?.payload.OrderItems).toHaveLength(2);
    const second = await sp(`/orders/v0/orders/${order.AmazonOrderId}/orderItems?NextToken=${encodeURIComponent(first.body?.payload.NextToken)}`, { token: t });
    expect(second.body?.payload.OrderItems.map((i: { SellerSKU: string }) => i.SellerSKU)).toEqual(['S3']);
  });

  it('answers 429 QuotaExceeded once an operation spends its burst, with x-amzn-RateLimit-Limit, and refills at its rate', async () => {
    const order = fake.state.addOrder();
    const t = await accessToken();
    const path = `/orders/v0/orders/${order.AmazonOrderId}/orderItems`;
    for (let i = 0; i < 30; i++) expect((await sp(path, { token: t })).status).toBe(200);
    const refused = await sp(path, { token: t });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-amzn-ratelimit-limit')).toBe('0.5');
    expect(refused.body?.errors[0]).toEqual({ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' });
    clock.ms += 2000;
    expect((await sp(path, { token: t })).status).toBe(200);
  });

  it('confirms a package with 204, refuses the same package again, and an item the order lacks', async () => {
    const order = fake.state.addOrder();
    const t = await accessToken();
    const items = fake.state.orders.get(order.AmazonOrderId)!.items;
    const body = (ref: string, orderItemId = items[0].OrderItemId) => ({
      marketplaceId: 'ATVPDKIKX0DER',
      packageDetail: { packageReferenceId: ref, carrierCode: 'UPS', trackingNumber: '1Z1', shipDate: '2026-11-20T12:00:00Z', orderItems: [{ orderItemId, quantity: 1 }] },
    });
    const path = `/orders/v0/orders/${order.AmazonOrderId}/shipmentConfirmation`;
    expect((await sp(path, { token: t, method: 'POST', body: body('1') })).status).toBe(204);
    const again = await sp(path, { token: t, method: 'POST', body: body('1') });
    expect(again.status).toBe(400);
    expect(again.body?.errors[0].message).toMatch(/already confirmed/);
    expect((await sp(path, { token: t, method: 'POST', body: body('2', '42') })).status).toBe(400);
    expect(fake.state.orders.get(order.AmazonOrderId)!.order.OrderStatus).toBe('PartiallyShipped');
  });

  it('sets a listing quantity (ACCEPTED), answers INVALID with issues, and 404 for a SKU without a listing', async () => {
    fake.state.addListing('MUG', 1);
    fake.state.addListing('BAD', 1, 'Listing has a problem');
    const t = await accessToken();
    const patch = { productType: 'PRODUCT', patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 7 }] }] };
    const at = (sku: string) => `/listings/2021-08-01/items/${fake.sellerId}/${sku}?marketplaceIds=ATVPDKIKX0DER`;
    expect((await sp(at('MUG'), { token: t, method: 'PATCH', body: patch })).body).toMatchObject({ sku: 'MUG', status: 'ACCEPTED' });
    expect(fake.state.listings.get('MUG')?.quantity).toBe(7);
    expect((await sp(at('BAD'), { token: t, method: 'PATCH', body: patch })).body).toMatchObject({ status: 'INVALID', issues: [{ message: 'Listing has a problem' }] });
    expect((await sp(at('NONE'), { token: t, method: 'PATCH', body: patch })).status).toBe(404);
  });
});
