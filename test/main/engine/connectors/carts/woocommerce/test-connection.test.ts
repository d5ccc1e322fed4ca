import { afterEach, describe, expect, it } from 'vitest';
import { testWooConnection } from '../../../../../../main/engine/connectors/carts/woocommerce/test-connection.js';
import { createFakeWooCommerce, type FakeWooCommerce, type FakeWooOptions } from '../../../../../fakes/woocommerce/index.js';
import { clientFor } from './helpers.js';

let fake: FakeWooCommerce | undefined;

async function start(options: FakeWooOptions = {}): Promise<FakeWooCommerce> {
  fake = await createFakeWooCommerce(options);
  return fake;
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const ALL = ['order_download', 'shipment_upload', 'inventory_upload'] as const;

describe('WooCommerce connection test', () => {
  it('connects and says how tracking will reach the shopper', async () => {
    const shop = await start({ shipmentTracking: false });
    const result = await testWooConnection(clientFor(shop).client, [...ALL]);
    expect(result.ok).toBe(true);
    expect(result.message).toContain('Connected to Acme Outdoor');
    expect(result.message).toContain('Shipment Tracking extension is not installed');
    expect(shop.store.products.size).toBe(0);
  });

  it('names a read-only key when shipments or stock must be written, but passes it for downloads only', async () => {
    const shop = await start({ permissions: 'read' });
    const { client } = clientFor(shop);
    const writing = await testWooConnection(client, [...ALL]);
    expect(writing).toMatchObject({ ok: false, details: { errorKind: 'auth' } });
    expect(writing.message).toContain('does not have write permissions');
    expect((await testWooConnection(client, ['order_download'])).ok).toBe(true);
  });

  it('names wrong keys, a site that is not WordPress, and a redirect', async () => {
    const shop = await start();
    const wrong = await testWooConnection(clientFor(shop, { consumerKey: 'ck_typo' }).client, ['order_download']);
    expect(wrong.message).toContain('Consumer key is invalid.');
    await shop.close();
    const plain = await start({ notWordPress: true });
    expect((await testWooConnection(clientFor(plain).client, ['order_download'])).message).toContain('is not a WordPress site');
    await plain.close();
    const moved = await start({ redirectTo: 'https://acme.example/' });
    expect((await testWooConnection(clientFor(moved).client, ['order_download'])).message).toContain('redirects to https://acme.example (HTTP 301)');
  });

  it('says when the keys had to go in the query string', async () => {
    const shop = await start({ dropsAuthorizationHeader: true });
    const result = await testWooConnection(clientFor(shop).client, ['order_download']);
    expect(result.ok).toBe(true);
    expect(result.details?.keys).toContain('drops the Authorization header');
  });
});
