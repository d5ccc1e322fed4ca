import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CartServiceName } from '../../../../../../shared/domain.js';
import { createBigCommerceConnector } from '../../../../../../main/engine/connectors/carts/bigcommerce/connector.js';
import { silentLogger } from '../../../../../../main/engine/platform/ports.js';
import { bigcommerceSettingsSchema } from '../../../../../../shared/platforms/bigcommerce.js';
import type { FakeBigCommerce, FakeBigCommerceOptions } from '../../../../../fakes/bigcommerce/index.js';
import { fakeStore, virtualClock } from './helpers.js';

let fake: FakeBigCommerce | undefined;
let other: Server | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  if (other) await new Promise<void>((resolve) => other!.close(() => resolve()));
  other = undefined;
});

const ALL: CartServiceName[] = ['order_download', 'shipment_upload', 'inventory_upload'];

async function testAgainst(options: { store?: FakeBigCommerceOptions; storeHash?: string; token?: string; baseUrl?: string; services?: CartServiceName[] } = {}) {
  const vc = virtualClock();
  fake = await fakeStore(vc, options.store);
  const settings = bigcommerceSettingsSchema.parse({ storeHash: options.storeHash ?? fake.storeHash, baseUrl: options.baseUrl ?? fake.url });
  const ctx = { clock: vc.clock, log: silentLogger, signal: new AbortController().signal };
  const connector = createBigCommerceConnector(ctx, settings, { accessToken: options.token ?? fake.token });
  return connector.testConnection(options.services ?? ALL);
}

/** A web server that is not BigCommerce, answering every request with `status` and an HTML page. */
async function notBigCommerce(status: number, headers: Record<string, string> = {}): Promise<string> {
  other = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html', ...headers });
    res.end('<html><body>Welcome to our shop</body></html>');
  });
  await new Promise<void>((resolve) => other!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
}

describe('BigCommerce Test connection', () => {
  it('names the store and its plan when every scope the services need is granted', async () => {
    const result = await testAgainst();
    expect(result).toMatchObject({ ok: true, message: 'Connected to Fake BigCommerce Store (Standard plan)' });
  });

  it('says the store hash is wrong when no store answers to it', async () => {
    const result = await testAgainst({ storeHash: 'nosuchstore' });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('no BigCommerce store with the store hash "nosuchstore"');
  });

  it('says the access token was refused', async () => {
    const result = await testAgainst({ token: 'not-the-token' });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('refused the access token');
    expect(result.message).not.toContain('not-the-token');
  });

  it('names each OAuth scope the chosen services need and the API account lacks', async () => {
    const result = await testAgainst({ store: { scopes: ['store_v2_orders_read_only', 'store_v2_information_read_only'] } });
    expect(result.ok).toBe(false);
    expect(result.missingScopes).toEqual(['Orders: modify', 'Products: read-only', 'Store inventory: modify']);
    expect(result.message).toContain('Connected to Fake BigCommerce Store');
    expect(result.message).toContain('Settings > Store-level API accounts');

    const downloadOnly = await testAgainst({ store: { scopes: ['store_v2_orders_read_only'] }, services: ['order_download'] });
    expect(downloadOnly).toMatchObject({ ok: true, message: 'Connected to store abc123xyz' });
  });

  it('says an address that answers with a web page is not the BigCommerce API', async () => {
    for (const status of [200, 404]) {
      const url = await notBigCommerce(status);
      const result = await testAgainst({ baseUrl: url });
      expect(result.ok).toBe(false);
      expect(result.message).toContain('is not the BigCommerce API');
      await new Promise<void>((resolve) => other!.close(() => resolve()));
      other = undefined;
      await fake?.close();
      fake = undefined;
    }
  });

  it('says an address that redirects is not the API address', async () => {
    const url = await notBigCommerce(301, { location: 'https://www.example.com/' });
    const result = await testAgainst({ baseUrl: url });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/redirect.*https:\/\/api\.bigcommerce\.com/);
  });

  it('says when nothing answers at the address', async () => {
    const url = await notBigCommerce(200);
    await new Promise<void>((resolve) => other!.close(() => resolve()));
    other = undefined;
    const result = await testAgainst({ baseUrl: url });
    expect(result.ok).toBe(false);
    expect(result.message).toContain(`Could not reach ${url}`);
  });

  it('refuses an http API address before anything is sent, saying BigCommerce answers over HTTPS only', () => {
    const parsed = bigcommerceSettingsSchema.safeParse({ storeHash: 'abc123', apiBase: 'http://api.bigcommerce.com' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['apiBase'], message: expect.stringContaining('HTTPS only') });
  });

  it('asks for the token as a config error of the Test when none is given', async () => {
    const vc = virtualClock();
    fake = await fakeStore(vc);
    const settings = bigcommerceSettingsSchema.parse({ storeHash: fake.storeHash, baseUrl: fake.url });
    const connector = createBigCommerceConnector({ clock: vc.clock, log: silentLogger, signal: new AbortController().signal }, settings, {});
    await expect(connector.testConnection(ALL)).rejects.toMatchObject({ kind: 'config' });
  });
});
