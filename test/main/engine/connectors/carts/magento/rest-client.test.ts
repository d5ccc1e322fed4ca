import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MagentoApiError } from '../../../../../../main/engine/connectors/carts/magento/magento-errors.js';
import { orderSearchResultSchema, shipmentIdSchema } from '../../../../../../main/engine/connectors/carts/magento/schemas.js';
import { IntegrationToken } from '../../../../../../main/engine/connectors/carts/magento/token.js';
import { OutcomeUnknownError } from '../../../../../../main/engine/net/index.js';
import { createFakeMagento, createOtherSite, type FakeMagento, type OtherSite } from '../../../../../fakes/magento/index.js';
import { adminTokens, clientFor, recordingHttp } from './helpers.js';

let fake: FakeMagento;
let other: OtherSite | undefined;

afterEach(async () => {
  await fake.close();
  await other?.close();
  other = undefined;
});

const search = (page = 1) => new URLSearchParams({ 'searchCriteria[pageSize]': '5', 'searchCriteria[currentPage]': String(page) });
const listOrders = (client: ReturnType<typeof clientFor>) => client.get('/V1/orders', orderSearchResultSchema, { what: 'the order search', query: search() });

describe('MagentoRestClient: auth', () => {
  it('sends the integration token as a bearer token', async () => {
    fake = await createFakeMagento({ orders: 2 });
    const reply = await listOrders(clientFor(fake));
    expect(reply.total_count).toBe(2);
    expect(fake.requests[0].authorization).toBe(`Bearer ${fake.integrationToken}`);
  });

  it('classes a refused integration token as auth, with Magento\'s message filled in and what to check', async () => {
    fake = await createFakeMagento({ orders: 1 });
    const err = await listOrders(clientFor(fake, { tokens: new IntegrationToken('revoked') })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MagentoApiError);
    expect(err).toMatchObject({ kind: 'auth', status: 401 });
    expect((err as Error).message).toContain("The consumer isn't authorized to access Magento_Sales::actions_view.");
    expect((err as Error).message).toContain('bearer tokens');
    expect(fake.requests).toHaveLength(1); // an integration token cannot be renewed: no second try
  });

  it('exchanges admin credentials once, reuses the token, and exchanges again after a 401', async () => {
    fake = await createFakeMagento({ orders: 1, admin: { username: 'dockhand', password: 'S3cret!pass' } });
    const http = recordingHttp();
    const client = clientFor(fake, { tokens: adminTokens(fake, http), http });
    await listOrders(client);
    await listOrders(client);
    expect(fake.requests.filter((r) => r.path === '/V1/integration/admin/token')).toHaveLength(1);
    fake.expireAdminTokens();
    await listOrders(client);
    const paths = fake.requests.map((r) => r.path);
    expect(paths).toEqual(['/V1/integration/admin/token', '/V1/orders', '/V1/orders', '/V1/orders', '/V1/integration/admin/token', '/V1/orders']);
  });

  it('classes a wrong admin password as auth, naming the field, and does not try again', async () => {
    fake = await createFakeMagento({ admin: { username: 'dockhand', password: 'S3cret!pass' } });
    const http = recordingHttp();
    const err = await listOrders(clientFor(fake, { tokens: adminTokens(fake, http, 'wrong'), http })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'auth', fields: { 'credentials.password': 'Refused by Magento' } });
    expect((err as Error).message).toContain('The account sign-in was incorrect');
    expect(fake.requests).toHaveLength(1);
  });

  it('gives up with auth when even a fresh admin token is refused', async () => {
    fake = await createFakeMagento({ admin: { username: 'dockhand', password: 'S3cret!pass' }, adminTokenLifetimeSeconds: 0 });
    const http = recordingHttp();
    await expect(listOrders(clientFor(fake, { tokens: adminTokens(fake, http), http }))).rejects.toMatchObject({ kind: 'auth' });
    expect(fake.requests.filter((r) => r.path === '/V1/orders')).toHaveLength(2);
  });
});

describe('MagentoRestClient: outages and rate limits', () => {
  it('waits out a 429 for its Retry-After seconds without failing', async () => {
    fake = await createFakeMagento({ orders: 1 });
    fake.rateLimitNext(2, 3);
    const http = recordingHttp();
    const reply = await listOrders(clientFor(fake, { http }));
    expect(reply.total_count).toBe(1);
    expect(http.sleeps).toEqual([3000, 3000]);
  });

  it('retries 5xx answers, HTML error pages included, then succeeds', async () => {
    fake = await createFakeMagento({ orders: 1 });
    fake.failNext(1, { status: 502, page: 'nginx' });
    fake.failNext(1, { status: 503, page: 'magento-maintenance' });
    fake.failNext(1, { status: 500 });
    const reply = await listOrders(clientFor(fake));
    expect(reply.total_count).toBe(1);
    expect(fake.requests).toHaveLength(4);
  });

  it('honours Retry-After on a 503 before trying again', async () => {
    fake = await createFakeMagento({ orders: 1 });
    fake.failNext(1, { status: 503, page: 'magento-maintenance', retryAfterSeconds: 7 });
    const http = recordingHttp();
    await listOrders(clientFor(fake, { http }));
    expect(http.sleeps).toEqual([7000]);
  });

  it('fails cleanly as transient once the retries are used up, saying what it was doing', async () => {
    fake = await createFakeMagento({ orders: 1 });
    fake.failNext(10, { status: 500, page: 'magento-report' });
    const err = await listOrders(clientFor(fake)).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'transient' });
    expect((err as Error).message).toMatch(/failed the order search with Magento's error report page \(HTTP 500\).*var\/report\/1f0ee4bd7c5f5b4a7bc1d37b2d5e3c8b.*Gave up after 4 attempts/);
  });

  it('names Magento’s webapi error and its report id when a JSON 500 lasts', async () => {
    fake = await createFakeMagento({ orders: 1 });
    fake.failNext(10, { status: 500 });
    const err = await listOrders(clientFor(fake)).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'transient' });
    expect((err as Error).message).toMatch(
      /failed the order search \(HTTP 500\): "Internal Error\. Details are available in Magento log file\. Report ID: webapi-6717a3f4"\. .*var\/log\/exception\.log under report webapi-6717a3f4/,
    );
  });

  it('names maintenance mode when its 503 page lasts, and the web server’s page by its title', async () => {
    fake = await createFakeMagento({ orders: 1 });
    fake.failNext(10, { status: 503, page: 'magento-maintenance' });
    const maintenance = await listOrders(clientFor(fake)).catch((e: unknown) => e);
    expect((maintenance as Error).message).toMatch(/is in maintenance mode \(HTTP 503, "Error 503: Service Unavailable"\) during the order search: .*bin\/magento maintenance:disable/);
    fake.healthy();
    fake.failNext(10, { status: 502, page: 'nginx' });
    const gateway = await listOrders(clientFor(fake)).catch((e: unknown) => e);
    expect((gateway as Error).message).toMatch(/failed the order search: the web server in front of Magento answered "502 Bad Gateway" \(HTTP 502\)/);
  });

  it('never resends a shipment after a 5xx: the outcome is unknown and must be looked up', async () => {
    fake = await createFakeMagento();
    const order = fake.state.addOrder();
    fake.failNext(1, { status: 502, page: 'nginx' });
    const ship = clientFor(fake).post(`/V1/order/${order.entity_id}/ship`, shipmentIdSchema, {
      what: 'the shipment',
      body: { items: [{ order_item_id: order.items[0].item_id, qty: 1 }] },
      creates: true,
    });
    await expect(ship).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('MagentoRestClient: wrong addresses and missing routes', () => {
  it('classes a route the store does not have (MSI absent) as config and marks it a missing route', async () => {
    fake = await createFakeMagento({ msi: false });
    const err = await clientFor(fake)
      .get('/V1/inventory/sources', z.unknown(), { what: 'the inventory sources' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'config', missingRoute: true, magentoMessage: 'Request does not match any route.' });
  });

  it('classes an unknown entity as data, not as a wrong address', async () => {
    fake = await createFakeMagento();
    const err = await clientFor(fake).get('/V1/orders/404', z.unknown(), { what: 'order 404' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'data', missingRoute: false });
  });

  it('names a site that is not Magento as such, whatever token was sent', async () => {
    fake = await createFakeMagento();
    other = await createOtherSite();
    const err = await listOrders(clientFor(fake, { restBase: `${other.url}/rest/default` })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'config' });
    expect((err as Error).message).toMatch(/is not a Magento store's REST API.*a web page \("Just another WordPress site"\).*Check the store address/);
  });

  it('names a 404 page of a non-Magento site as a wrong address too', async () => {
    fake = await createFakeMagento();
    other = await createOtherSite({ status: 404 });
    await expect(listOrders(clientFor(fake, { restBase: `${other.url}/rest/default` }))).rejects.toThrow(/not a Magento store/);
  });

  it('names a store behind a web server password, rather than blaming the token', async () => {
    fake = await createFakeMagento();
    other = await createOtherSite({ basicAuth: true });
    const err = await listOrders(clientFor(fake, { restBase: `${other.url}/rest/default` })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'config' });
    expect((err as Error).message).toContain('behind a web server password');
  });

  it('says where a redirect leads instead of following it with the token', async () => {
    fake = await createFakeMagento();
    other = await createOtherSite({ redirectTo: 'https://www.shop.example' });
    const err = await listOrders(clientFor(fake, { restBase: `${other.url}/rest/default` })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'config' });
    expect((err as Error).message).toContain('redirects the order search to https://www.shop.example (HTTP 301): enter https://www.shop.example as the store address');
    expect((err as Error).message).not.toContain('searchCriteria');
  });

  it('classes a store code the store does not have as config', async () => {
    fake = await createFakeMagento();
    const err = await listOrders(clientFor(fake, { restBase: `${fake.url}/rest/nosuchstore` })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'config' });
    expect((err as Error).message).toContain('does not know the store code');
  });
});
