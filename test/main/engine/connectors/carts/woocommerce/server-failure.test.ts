import { afterEach, describe, expect, it } from 'vitest';
import { OutcomeUnknownError } from '../../../../../../main/engine/net/index.js';
import { createFakeWooCommerce, type FakeWooCommerce } from '../../../../../fakes/woocommerce/index.js';
import { clientFor, failureOf } from './helpers.js';

let fake: FakeWooCommerce | undefined;

async function start(): Promise<FakeWooCommerce> {
  fake = await createFakeWooCommerce();
  return fake;
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('WooCommerce: a 5xx that lasts is named by what WordPress said', () => {
  it('names maintenance mode (JSON, as WordPress answers a request for JSON) and keeps its Retry-After', async () => {
    const shop = await start();
    shop.store.maintenanceNext(3);
    const { client, sleeps } = clientFor(shop);
    const err = await failureOf(client.list('wc/v3/orders'));
    expect(err.kind).toBe('transient');
    expect(err.message).toContain(
      `The store answered with WordPress's maintenance page: "Briefly unavailable for scheduled maintenance. Check back in a minute." (${client.label}, HTTP 503)`,
    );
    expect(err.message).toContain('.maintenance file');
    expect(err.message).toContain('Gave up after 3 attempts');
    expect((err as { retryAfterMs?: number }).retryAfterMs).toBe(600_000);
    // Every retry waited no less than the ten minutes WordPress asked for.
    expect(sleeps).toEqual([600_000, 600_000]);
  });

  it('names the maintenance page when it comes as HTML', async () => {
    const shop = await start();
    shop.store.maintenanceNext(3, { page: true });
    const err = await failureOf(clientFor(shop).client.list('wc/v3/orders'));
    expect(err.message).toMatch(/^The store answered with WordPress's maintenance page: "Briefly unavailable for scheduled maintenance\. Check back in a minute\."/);
  });

  it('names WordPress’s critical error, JSON or HTML, with the route it was answering', async () => {
    const shop = await start();
    shop.store.criticalErrorNext(3);
    const json = await failureOf(clientFor(shop).client.list('wc/v3/orders'));
    expect(json.kind).toBe('transient');
    expect(json.message).toMatch(/^WordPress reported a critical error on the site \(WooCommerce 127\.0\.0\.1:\d+, HTTP 500\) while answering wc\/v3\/orders/);
    expect(json.message).toContain('There has been a critical error on this website.');
    expect(json.message).toContain('PHP fatal error');
    shop.store.criticalErrorNext(3, { page: true });
    const page = await failureOf(clientFor(shop).client.list('wc/v3/orders'));
    expect(page.message).toMatch(/^WordPress reported a critical error on the site/);
  });

  it('recovers without a word when the maintenance ends before the attempts run out', async () => {
    const shop = await start();
    shop.store.seedOrders(2);
    shop.store.maintenanceNext(1);
    expect((await clientFor(shop).client.list('wc/v3/orders')).items).toHaveLength(2);
  });

  it('says a shipment note met a critical error and that it may or may not have been written', async () => {
    const shop = await start();
    const order = shop.store.addOrder();
    shop.store.criticalErrorNext(1);
    const err = await clientFor(shop)
      .client.request('POST', `wc/v3/orders/${order.id}/notes`, { body: { note: 'Shipped', customer_note: true } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect((err as Error).message).toMatch(/^WordPress reported a critical error on the site .* may or may not have been applied/);
  });

  it('never puts the query-string keys of the request into the message', async () => {
    const shop = await start();
    shop.store.criticalErrorNext(3);
    const err = await failureOf(clientFor(shop, { queryStringAuth: true }).client.list('wc/v3/orders'));
    expect(err.message).not.toContain(shop.consumerKey);
    expect(err.message).not.toContain(shop.consumerSecret);
  });
});
