import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeMagento, MESSAGES, type FakeMagento } from './index.js';

let fake: FakeMagento;

async function call(path: string, init: { method?: string; body?: unknown; token?: string | null } = {}) {
  const token = init.token === undefined ? fake.integrationToken : init.token;
  const res = await fetch(`${fake.restBase}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* HTML */
  }
  return { status: res.status, body, headers: res.headers };
}

function ordersQuery(opts: { from?: string; pageSize?: number; page?: number; sort?: 'ASC' | 'DESC' } = {}): string {
  const p = new URLSearchParams();
  if (opts.from) {
    p.set('searchCriteria[filter_groups][0][filters][0][field]', 'updated_at');
    p.set('searchCriteria[filter_groups][0][filters][0][value]', opts.from);
    p.set('searchCriteria[filter_groups][0][filters][0][condition_type]', 'gteq');
  }
  if (opts.sort) {
    p.set('searchCriteria[sortOrders][0][field]', 'updated_at');
    p.set('searchCriteria[sortOrders][0][direction]', opts.sort);
  }
  if (opts.pageSize !== undefined) p.set('searchCriteria[pageSize]', String(opts.pageSize));
  if (opts.page !== undefined) p.set('searchCriteria[currentPage]', String(opts.page));
  return `/V1/orders?${p}`;
}

beforeEach(async () => {
  fake = await createFakeMagento({ orders: 7, admin: { username: 'dockhand', password: 'S3cret!pass' } });
});

afterEach(async () => {
  await fake.close();
});

describe('fake Magento: orders search', () => {
  it('pages by pageSize and currentPage and counts every match in total_count', async () => {
    const first = await call(ordersQuery({ pageSize: 3, page: 1 }));
    expect(first.status).toBe(200);
    expect(first.body.total_count).toBe(7);
    expect(first.body.items.map((o: any) => o.entity_id)).toEqual([1, 2, 3]);
    expect(first.body.search_criteria).toMatchObject({ page_size: 3, current_page: 1 });
    const third = await call(ordersQuery({ pageSize: 3, page: 3 }));
    expect(third.body.items.map((o: any) => o.entity_id)).toEqual([7]);
  });

  it('answers a page past the last one with the last page again, so paging must stop by total_count', async () => {
    const past = await call(ordersQuery({ pageSize: 3, page: 9 }));
    expect(past.body.total_count).toBe(7);
    expect(past.body.items.map((o: any) => o.entity_id)).toEqual([7]);
  });

  it('answers every match when no pageSize is given', async () => {
    const all = await call('/V1/orders?searchCriteria');
    expect(all.body.items).toHaveLength(7);
  });

  it('filters by updated_at with gteq and sorts by the sortOrders asked for', async () => {
    fake.state.advance(60);
    fake.state.modifyOrder(2);
    fake.state.advance(60);
    fake.state.modifyOrder(5);
    const changed = await call(ordersQuery({ from: '2026-11-20 10:01:00', sort: 'DESC' }));
    expect(changed.body.total_count).toBe(2);
    expect(changed.body.items.map((o: any) => [o.entity_id, o.updated_at])).toEqual([
      [5, '2026-11-20 10:02:00'],
      [2, '2026-11-20 10:01:00'],
    ]);
    expect(changed.body.search_criteria.filter_groups).toEqual([
      { filters: [{ field: 'updated_at', value: '2026-11-20 10:01:00', condition_type: 'gteq' }] },
    ]);
  });

  it('ORs the filters of one group and ANDs the groups', async () => {
    fake.state.modifyOrder(3, (o) => (o.status = 'pending'));
    fake.state.modifyOrder(4, (o) => (o.status = 'holded'));
    const p = new URLSearchParams({
      'searchCriteria[filter_groups][0][filters][0][field]': 'status',
      'searchCriteria[filter_groups][0][filters][0][value]': 'pending',
      'searchCriteria[filter_groups][0][filters][1][field]': 'status',
      'searchCriteria[filter_groups][0][filters][1][value]': 'holded',
      'searchCriteria[filter_groups][1][filters][0][field]': 'entity_id',
      'searchCriteria[filter_groups][1][filters][0][value]': '4',
      'searchCriteria[filter_groups][1][filters][0][condition_type]': 'lteq',
    });
    const found = await call(`/V1/orders?${p}`);
    expect(found.body.items.map((o: any) => o.entity_id)).toEqual([3, 4]);
  });

  it('refuses an unknown condition type with Magento\'s 400 body', async () => {
    const p = new URLSearchParams({
      'searchCriteria[filter_groups][0][filters][0][field]': 'updated_at',
      'searchCriteria[filter_groups][0][filters][0][value]': 'x',
      'searchCriteria[filter_groups][0][filters][0][condition_type]': 'after',
    });
    const reply = await call(`/V1/orders?${p}`);
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/condition type/);
  });

  it('sends times as "YYYY-MM-DD HH:MM:SS" without a zone, and configurable items as a parent and a child', async () => {
    const order = fake.state.addOrder({ lines: [{ sku: 'MH01-XS-Black', qty: 2, price: 52, configurable: { parentSku: 'MH01' } }] });
    const reply = await call(`/V1/orders/${order.entity_id}`);
    expect(reply.body.created_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const [parent, child] = reply.body.items;
    expect(parent).toMatchObject({ product_type: 'configurable', sku: 'MH01-XS-Black', price: 52, qty_ordered: 2 });
    expect(parent.parent_item_id).toBeUndefined();
    expect(child).toMatchObject({ product_type: 'simple', parent_item_id: parent.item_id, price: 0 });
    expect(child.parent_item.item_id).toBe(parent.item_id);
    expect(reply.body.extension_attributes.shipping_assignments[0].shipping).toMatchObject({ method: 'flatrate_flatrate' });
  });

  it('answers an unknown order with 404 and Magento\'s message', async () => {
    const reply = await call('/V1/orders/999');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ message: MESSAGES.noSuchOrder });
  });
});

describe('fake Magento: time', () => {
  it('follows a clock shared with the connector, to the second', async () => {
    let now = new Date('2027-01-05T08:00:00.750Z');
    await fake.close();
    fake = await createFakeMagento({ start: { now: () => now } });
    const first = fake.state.addOrder();
    now = new Date('2027-01-05T08:05:00Z');
    fake.state.modifyOrder(first.entity_id);
    expect([first.created_at, first.updated_at]).toEqual(['2027-01-05 08:00:00', '2027-01-05 08:05:00']);
  });
});

describe('fake Magento: auth', () => {
  it('answers a missing or wrong bearer token with 401 and the consumer-not-authorized body', async () => {
    for (const token of [null, 'wrong']) {
      const reply = await call('/V1/orders?searchCriteria[pageSize]=1', { token });
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'Magento_Sales::actions_view' } });
    }
  });

  it('exchanges admin credentials for a token string that works until it expires', async () => {
    const exchange = await call('/V1/integration/admin/token', { method: 'POST', body: { username: 'dockhand', password: 'S3cret!pass' }, token: null });
    expect(exchange.status).toBe(200);
    expect(typeof exchange.body).toBe('string');
    expect((await call('/V1/orders?searchCriteria[pageSize]=1', { token: exchange.body })).status).toBe(200);
    fake.state.advance(4 * 3600);
    expect((await call('/V1/orders?searchCriteria[pageSize]=1', { token: exchange.body })).status).toBe(401);
  });

  it('refuses wrong admin credentials with 401 and the sign-in message', async () => {
    const reply = await call('/V1/integration/admin/token', { method: 'POST', body: { username: 'dockhand', password: 'nope' }, token: null });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ message: MESSAGES.badSignIn });
  });

  it('refuses an integration token as bearer when the store has not enabled it (2.4.4+ default)', async () => {
    await fake.close();
    fake = await createFakeMagento({ integrationAsBearer: false });
    expect((await call('/V1/orders?searchCriteria[pageSize]=1')).status).toBe(401);
  });

  it('refuses a revoked token', async () => {
    const old = fake.integrationToken;
    fake.revokeTokens();
    expect((await call('/V1/orders?searchCriteria[pageSize]=1', { token: old })).status).toBe(401);
    expect((await call('/V1/orders?searchCriteria[pageSize]=1')).status).toBe(200);
  });
});

describe('fake Magento: faults', () => {
  it('fails the next requests with the status and page asked for, then recovers', async () => {
    fake.failNext(1, { status: 502, page: 'nginx' });
    fake.failNext(1, { status: 503, page: 'magento-maintenance' });
    fake.failNext(1, { status: 500 });
    const nginx = await call('/V1/orders/1');
    expect(nginx.status).toBe(502);
    expect(nginx.headers.get('content-type')).toMatch(/text\/html/);
    expect(nginx.body).toMatch(/<center>nginx<\/center>/);
    const maintenance = await call('/V1/orders/1');
    expect(maintenance.body).toMatch(/Service Temporarily Unavailable/);
    const json = await call('/V1/orders/1');
    expect(json.status).toBe(500);
    expect(json.body.message).toMatch(/Internal Error/);
    expect((await call('/V1/orders/1')).status).toBe(200);
  });

  it('answers 429 with Retry-After in seconds', async () => {
    fake.rateLimitNext(1, 3);
    const reply = await call('/V1/orders/1');
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('3');
  });

  it('serves a corrupted order malformed in the search and by id', async () => {
    fake.corruptOrder(2);
    const one = await call('/V1/orders/2');
    expect(one.body.increment_id).toBeUndefined();
    expect(one.body.items).toBeUndefined();
    const page = await call(ordersQuery({ pageSize: 3, page: 1 }));
    expect(page.body.items[1].items).toBeUndefined();
    expect(page.body.items[0].items).toHaveLength(1);
  });

  it('leaves total_count out of the search page asked for, once', async () => {
    fake.malformSearchPage(2);
    expect((await call(ordersQuery({ pageSize: 3, page: 1 }))).body.total_count).toBe(7);
    expect((await call(ordersQuery({ pageSize: 3, page: 2 }))).body.total_count).toBeUndefined();
    expect((await call(ordersQuery({ pageSize: 3, page: 2 }))).body.total_count).toBe(7);
  });

  it('forgets pending faults when healthy, and counts the faults it served', async () => {
    fake.rateLimitNext(1);
    fake.failNext(1);
    expect((await call('/V1/orders/1')).status).toBe(429);
    fake.failNext(5);
    fake.malformSearchPage(1);
    fake.healthy();
    expect((await call('/V1/orders/1')).status).toBe(200);
    expect((await call(ordersQuery({ pageSize: 3, page: 1 }))).body.total_count).toBe(7);
    expect(fake.stats).toEqual({ rateLimited: 1, failed: 0 });
  });

  it('answers a path outside /rest with an HTML storefront page', async () => {
    const res = await fetch(`${fake.url}/customer/account`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });
});
