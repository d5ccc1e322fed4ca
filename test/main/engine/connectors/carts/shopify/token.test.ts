import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearShopifyTokenCache } from '../../../../../../main/engine/connectors/carts/shopify/index.js';
import type { Clock } from '../../../../../../main/engine/platform/ports.js';
import { createFakeShopify, type FakeShopify } from '../../../../../fakes/shopify/index.js';
import { connectTo } from './helpers.js';

/** Shared time for the fake and the connector, which tests move forward. */
let skewMs = 0;
const now = () => Date.now() + skewMs;
const clock: Clock = { now: () => new Date(now()), sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))) };

let fake: FakeShopify;

beforeEach(async () => {
  skewMs = 0;
  clearShopifyTokenCache();
  fake = await createFakeShopify({ orders: 3, tokenTtlSeconds: 3600, now });
});

afterEach(async () => {
  await fake.close();
});

const clientCredentials = () => ({
  settings: { authMode: 'client_credentials' },
  credentials: { clientId: fake.clientId, clientSecret: fake.clientSecret },
  clock,
});

describe('Shopify client-credentials token', () => {
  it('fetches a token once and reuses it across calls and connector instances', async () => {
    const a = connectTo(fake, clientCredentials()).connector;
    const b = connectTo(fake, clientCredentials()).connector;
    expect((await a.testConnection(['order_download'])).ok).toBe(true);
    expect((await a.testConnection(['order_download'])).ok).toBe(true);
    expect((await b.testConnection(['order_download'])).ok).toBe(true);
    expect(fake.state.stats.tokenRequests).toBe(1);
  });

  it('renews the token before it expires', async () => {
    const { connector } = connectTo(fake, clientCredentials());
    await connector.testConnection(['order_download']);
    skewMs = 3590 * 1000; // ten seconds before expiry: inside the renewal margin
    expect((await connector.testConnection(['order_download'])).ok).toBe(true);
    expect(fake.state.stats.tokenRequests).toBe(2);
  });

  it('renews once when Shopify refuses a token it revoked early', async () => {
    const { connector } = connectTo(fake, clientCredentials());
    await connector.testConnection(['order_download']);
    fake.state.expireTokens();
    expect((await connector.testConnection(['order_download'])).ok).toBe(true);
    expect(fake.state.stats.tokenRequests).toBe(2);
  });

  it('reports a wrong client secret as an auth problem', async () => {
    const { connector } = connectTo(fake, {
      ...clientCredentials(),
      credentials: { clientId: fake.clientId, clientSecret: 'not-the-secret' },
    });
    const result = await connector.testConnection(['order_download']);
    expect(result.ok).toBe(false);
    expect(result.details?.errorKind).toBe('auth');
    expect(result.message).toContain('invalid_client');
    expect(result.message).not.toContain('not-the-secret');
  });
});
