import type { CartConnector, CartContext } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { amazonPlugin } from '../../../../../../main/engine/connectors/carts/amazon/plugin.js';
import { TWO_MINUTES_MS } from '../../../../../../main/engine/connectors/carts/amazon/order-query.js';
import type { Logger } from '../../../../../../main/engine/platform/ports.js';
import { createVirtualClock, type VirtualClock } from '../../../../../conformance/virtual-clock.js';
import { createFakeAmazon, US_MARKETPLACE, type FakeAmazon, type FakeAmazonOptions } from '../../../../../fakes/amazon/index.js';

/** A fake seller on a virtual clock and connectors to it, for the Amazon connector's tests. */
export interface AmazonWorld {
  fake: FakeAmazon;
  clock: VirtualClock;
  settings: Record<string, unknown>;
  credentials: Record<string, string>;
  logged: { level: string; message: string }[];
  throttled: { waitMs: number; reason: string }[];
  saved: Record<string, string>[];
  connect(overrides?: { settings?: Record<string, unknown>; credentials?: Record<string, string | undefined> }): CartConnector;
  /** Lets Amazon's two-minute index delay pass. */
  indexed(): Promise<void>;
  close(): Promise<void>;
}

export async function amazonWorld(options: FakeAmazonOptions = {}): Promise<AmazonWorld> {
  const clock = createVirtualClock();
  const fake = await createFakeAmazon({ start: clock, ...options });
  const logged: AmazonWorld['logged'] = [];
  const throttled: AmazonWorld['throttled'] = [];
  const saved: Record<string, string>[] = [];
  const log: Logger = { log: (level, message) => logged.push({ level, message }), child: () => log };
  const settings = { region: 'na', marketplaceIds: [US_MARKETPLACE], authMode: 'self_authorized', baseUrl: fake.url };
  const credentials = { clientId: fake.app.clientId, clientSecret: fake.app.clientSecret, refreshToken: fake.refreshToken, sellingPartnerId: fake.sellerId };
  const ctx: CartContext = {
    clock,
    log,
    signal: new AbortController().signal,
    onThrottle: (waitMs, reason) => throttled.push({ waitMs, reason }),
    credentials: { save: async (values) => (saved.push(values), true) },
  };
  return {
    fake,
    clock,
    settings,
    credentials,
    logged,
    throttled,
    saved,
    connect: (o = {}) => {
      const creds = Object.fromEntries(Object.entries({ ...credentials, ...o.credentials }).filter(([, v]) => v !== undefined));
      return amazonPlugin.create(ctx, amazonPlugin.settingsSchema.parse({ ...settings, ...o.settings }), amazonPlugin.credentialsSchema.parse(creds));
    },
    indexed: () => clock.sleep(TWO_MINUTES_MS + 1000),
    close: () => fake.close(),
  };
}

export async function downloadAll(connector: CartConnector, earliestOrderDate = '2020-01-01T00:00:00Z', cursor: string | null = null) {
  const pages = [];
  for await (const page of connector.fetchOrders({ cursor, earliestOrderDate })) pages.push(page);
  return { pages, orders: pages.flatMap((p) => p.orders), invalid: pages.flatMap((p) => p.invalid), cursor: pages.at(-1)?.cursor ?? cursor };
}
