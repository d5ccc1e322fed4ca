import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeEtsy, type FakeEtsy } from './index.js';

let etsy: FakeEtsy | undefined;
afterEach(async () => {
  await etsy?.close();
  etsy = undefined;
});

const verifier = 'verifier-0123456789-0123456789-0123456789-abcdef';
const challenge = createHash('sha256').update(verifier).digest('base64url');

function consentUrl(fake: FakeEtsy, overrides: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: fake.keystring,
    redirect_uri: 'http://localhost:3003/oauth/redirect',
    scope: 'transactions_r transactions_w',
    state: 'state-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  });
  return `${fake.url}/oauth/connect?${q}`;
}

async function token(fake: FakeEtsy, form: Record<string, string>) {
  const res = await fetch(`${fake.url}/v3/public/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function codeFor(fake: FakeEtsy): Promise<string> {
  const res = await fetch(consentUrl(fake), { redirect: 'manual' });
  return new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
}

async function api(fake: FakeEtsy, path: string, init: { method?: string; body?: string; key?: string; bearer?: string; type?: string } = {}) {
  const res = await fetch(`${fake.url}/v3/application${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'x-api-key': init.key ?? fake.keystring,
      ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}),
      ...(init.body ? { 'content-type': init.type ?? 'application/json' } : {}),
    },
    body: init.body,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

async function accessToken(fake: FakeEtsy): Promise<string> {
  const reply = await token(fake, { grant_type: 'refresh_token', client_id: fake.keystring, refresh_token: fake.oauth.grant() });
  return reply.body.access_token as string;
}

describe('the fake Etsy consent page and token endpoint', () => {
  it('redirect to redirect_uri with a code and the state, and only with an S256 challenge', async () => {
    etsy = await createFakeEtsy();
    const res = await fetch(consentUrl(etsy), { redirect: 'manual' });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location') ?? '');
    expect(`${to.origin}${to.pathname}`).toBe('http://localhost:3003/oauth/redirect');
    expect(to.searchParams.get('state')).toBe('state-1');
    expect(to.searchParams.get('code')).toMatch(/.{20,}/);
    expect((await fetch(consentUrl(etsy, { code_challenge_method: 'plain' }), { redirect: 'manual' })).status).toBe(400);
    expect((await fetch(consentUrl(etsy, { code_challenge: '' }), { redirect: 'manual' })).status).toBe(400);
    expect((await fetch(consentUrl(etsy, { client_id: 'someone-else' }), { redirect: 'manual' })).status).toBe(400);
  });

  it('exchange a code only with the verifier of its challenge and the same redirect_uri, once', async () => {
    etsy = await createFakeEtsy();
    const base = { grant_type: 'authorization_code', client_id: etsy.keystring, redirect_uri: 'http://localhost:3003/oauth/redirect' };
    const wrong = await token(etsy, { ...base, code: await codeFor(etsy), code_verifier: 'not-the-verifier-0000000000000000000000000000' });
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const code = await codeFor(etsy);
    const ok = await token(etsy, { ...base, code, code_verifier: verifier });
    expect(ok).toMatchObject({ status: 200, body: { token_type: 'Bearer', expires_in: 3600, access_token: expect.stringMatching(/^51234567\./), refresh_token: expect.stringMatching(/^51234567\./) } });
    expect((await token(etsy, { ...base, code, code_verifier: verifier })).body.error).toBe('invalid_grant');
    const otherRedirect = await token(etsy, { ...base, redirect_uri: 'http://localhost:9999/x', code: await codeFor(etsy), code_verifier: verifier });
    expect(otherRedirect.body.error).toBe('invalid_grant');
  });

  it('rotate the refresh token: the one used is spent', async () => {
    etsy = await createFakeEtsy();
    const first = etsy.oauth.grant();
    const next = await token(etsy, { grant_type: 'refresh_token', client_id: etsy.keystring, refresh_token: first });
    expect(next.status).toBe(200);
    expect(next.body.refresh_token).not.toBe(first);
    expect((await token(etsy, { grant_type: 'refresh_token', client_id: etsy.keystring, refresh_token: first })).body.error).toBe('invalid_grant');
    expect((await token(etsy, { grant_type: 'refresh_token', client_id: 'other', refresh_token: next.body.refresh_token as string })).body.error).toBe('invalid_client');
  });
});

describe('the fake Etsy API', () => {
  it('wants the app key on every call (keystring:shared secret where the app has one) and a live bearer token', async () => {
    etsy = await createFakeEtsy({ sharedSecret: 's3cret' });
    const bearer = (await token(etsy, { grant_type: 'refresh_token', client_id: etsy.keystring, refresh_token: etsy.oauth.grant() })).body.access_token as string;
    expect((await api(etsy, '/users/me', { bearer })).status).toBe(403);
    expect((await api(etsy, '/users/me', { bearer, key: `${etsy.keystring}:s3cret` })).body).toEqual({ user_id: 51234567, shop_id: etsy.shop.shopId });
    expect((await api(etsy, '/users/me', { key: `${etsy.keystring}:s3cret`, bearer: '51234567.stale' })).status).toBe(401);
  });

  it("answers with Etsy's budget headers, and 429 with retry-after past 10 in one second", async () => {
    const at = new Date('2026-11-20T10:00:00.100Z');
    etsy = await createFakeEtsy({ clock: { now: () => at } });
    const bearer = await accessToken(etsy);
    const replies = [];
    for (let i = 0; i < 11; i++) replies.push(await api(etsy, '/users/me', { bearer }));
    expect(replies[0].headers.get('x-limit-per-second')).toBe('10');
    expect(replies[0].headers.get('x-remaining-this-second')).toBe('9');
    expect(replies[0].headers.get('x-limit-per-day')).toBe('10000');
    expect(replies[9].headers.get('x-remaining-today')).toBe('9990');
    expect(replies[10].status).toBe(429);
    expect(replies[10].headers.get('retry-after')).toBe('1');
    expect(replies[10].headers.get('x-remaining-today')).toBeNull();
  });

  it('lists paid unshipped receipts by last-modified second, oldest first, with offset paging', async () => {
    let now = Date.parse('2026-11-20T10:00:00Z');
    etsy = await createFakeEtsy({ clock: { now: () => new Date(now) } });
    const bearer = await accessToken(etsy);
    const a = etsy.shop.addReceipt();
    now += 5000;
    const b = etsy.shop.addReceipt();
    const c = etsy.shop.addReceipt();
    etsy.shop.addShipment(c, 'T1', 'usps');
    now += 5000;
    etsy.shop.modifyReceipt(a.receipt_id);
    const path = `/shops/${etsy.shop.shopId}/receipts`;
    const q = (extra: string) => `${path}?was_paid=true&was_shipped=false&sort_on=updated&sort_order=asc&${extra}`;
    const all = await api(etsy, q('limit=100'), { bearer });
    expect((all.body.results as { receipt_id: number }[]).map((r) => r.receipt_id)).toEqual([b.receipt_id, a.receipt_id]);
    const since = await api(etsy, q(`min_last_modified=${a.update_timestamp}&limit=100`), { bearer });
    expect((since.body.results as { receipt_id: number }[]).map((r) => r.receipt_id)).toEqual([a.receipt_id]);
    const second = await api(etsy, q('limit=1&offset=1'), { bearer });
    expect(second.body.count).toBe(2);
    expect((second.body.results as { receipt_id: number }[]).map((r) => r.receipt_id)).toEqual([a.receipt_id]);
    expect((await api(etsy, q('limit=101'), { bearer })).status).toBe(400);
  });

  it('refuses an inventory PUT that drops an offering, a property value or an _on_property list', async () => {
    etsy = await createFakeEtsy();
    const bearer = await accessToken(etsy);
    const listing = etsy.shop.addListing([
      { sku: 'S', quantity: 1 },
      { sku: 'M', quantity: 2 },
    ]);
    const full = () => ({
      products: etsy!.shop.inventoryView(listing).products.map((p) => ({
        sku: p.sku,
        property_values: p.property_values.map((v) => ({ property_id: v.property_id, value_ids: v.value_ids, property_name: v.property_name, values: v.values })),
        offerings: p.offerings.map((o) => ({ price: o.price.amount / o.price.divisor, quantity: o.quantity + 5, is_enabled: true })),
      })),
      price_on_property: [],
      quantity_on_property: [513],
      sku_on_property: [513],
    });
    const put = (body: unknown) => api(etsy!, `/listings/${listing.listing_id}/inventory`, { method: 'PUT', body: JSON.stringify(body), bearer });
    const noOfferings = full();
    noOfferings.products[0].offerings = [];
    expect((await put(noOfferings)).body.error).toMatch(/offering would be deleted/);
    const noProperties = full();
    noProperties.products[1].property_values = [];
    expect((await put(noProperties)).body.error).toMatch(/property values/);
    const { sku_on_property: _dropped, ...noSkuOnProperty } = full();
    expect((await put(noSkuOnProperty)).body.error).toMatch(/sku_on_property is missing/);
    const oneProduct = { ...full(), products: full().products.slice(0, 1) };
    expect((await put(oneProduct)).status).toBe(400);
    expect(etsy.shop.inventoryWrites).toEqual([]);
    const ok = await put(full());
    expect(ok.status).toBe(200);
    expect(etsy.shop.inventoryWrites).toEqual([
      { sku: 'S', quantity: 6 },
      { sku: 'M', quantity: 7 },
    ]);
  });

  it('records a receipt shipment from a form-encoded tracking code and carrier name', async () => {
    etsy = await createFakeEtsy();
    const bearer = await accessToken(etsy);
    const receipt = etsy.shop.addReceipt();
    const path = `/shops/${etsy.shop.shopId}/receipts/${receipt.receipt_id}/tracking`;
    expect((await api(etsy, path, { method: 'POST', bearer, body: JSON.stringify({ tracking_code: 'X' }) })).status).toBe(400);
    const ok = await api(etsy, path, { method: 'POST', bearer, body: 'tracking_code=1Z9&carrier_name=ups', type: 'application/x-www-form-urlencoded' });
    expect(ok.body).toMatchObject({ is_shipped: true, shipments: [{ tracking_code: '1Z9', carrier_name: 'ups' }] });
  });
});
