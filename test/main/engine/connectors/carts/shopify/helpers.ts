import type { CanonicalOrder } from '../../../../../../shared/domain.js';
import { shopifySettingsSchema, type ShopifyCredentials } from '../../../../../../shared/schemas/shopify.js';
import type { CartConnector, OrderPage } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import {
  createShopifyConnector,
  type ShopifyConnectorOptions,
} from '../../../../../../main/engine/connectors/carts/shopify/index.js';
import { silentLogger, systemClock, type Clock } from '../../../../../../main/engine/platform/ports.js';
import type { FakeShopify } from '../../../../../fakes/shopify/index.js';

export interface ConnectorUnderTest {
  connector: CartConnector;
  throttles: { ms: number; reason: string }[];
}

export function connectTo(
  fake: FakeShopify,
  opts: {
    settings?: Record<string, unknown>;
    credentials?: ShopifyCredentials;
    options?: ShopifyConnectorOptions;
    clock?: Clock;
  } = {},
): ConnectorUnderTest {
  const settings = shopifySettingsSchema.parse({ shopDomain: fake.shopDomain, baseUrl: fake.url, ...opts.settings });
  const throttles: { ms: number; reason: string }[] = [];
  const connector = createShopifyConnector(
    {
      clock: opts.clock ?? systemClock,
      log: silentLogger,
      signal: new AbortController().signal,
      onThrottle: (ms, reason) => void throttles.push({ ms, reason }),
    },
    settings,
    opts.credentials ?? { accessToken: fake.token },
    { backoff: { baseDelayMs: 5, maxDelayMs: 20 }, ...opts.options },
  );
  return { connector, throttles };
}

export async function collectPages(
  connector: CartConnector,
  cursor: string | null,
  earliestOrderDate = '2000-01-01T00:00:00Z',
): Promise<OrderPage[]> {
  const pages: OrderPage[] = [];
  for await (const page of connector.fetchOrders({ cursor, earliestOrderDate })) pages.push(page);
  return pages;
}

export const allOrders = (pages: OrderPage[]): CanonicalOrder[] => pages.flatMap((p) => p.orders);
export const lastCursor = (pages: OrderPage[]): string => pages[pages.length - 1].cursor;
export const cursorTime = (cursor: string): string => JSON.parse(cursor).updatedAt;

/** Filters that accept every order, to look at the download without skips. */
export const ACCEPT_ALL = { filters: { orderStatus: 'any', financialStatuses: [], fulfillmentStatuses: [] } };
