import type { CartConnector, CartContext } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { createEbayConnector, type EbayConnectorOptions } from '../../../../../../main/engine/connectors/carts/ebay/connector.js';
import type { Logger } from '../../../../../../main/engine/platform/ports.js';
import { ebayCredentialsSchema, ebaySettingsSchema, type EbayCredentials } from '../../../../../../shared/schemas/ebay.js';
import { createVirtualClock, type VirtualClock } from '../../../../../conformance/virtual-clock.js';
import { createFakeEbay, type FakeEbay, type FakeEbayOptions } from '../../../../../fakes/ebay/index.js';

/** A fake eBay on a virtual clock, and connectors on it as the engine builds them. */
export interface EbayWorld {
  fake: FakeEbay;
  clock: VirtualClock;
  credentials: EbayCredentials;
  throttled: { waitMs: number; reason: string }[];
  logged: { level: string; message: string }[];
  /** What the connector told the person (ctx.onNotice). */
  notices: string[];
  connect(credentials?: Partial<EbayCredentials>, options?: EbayConnectorOptions): CartConnector;
  close(): Promise<void>;
}

export async function startEbayWorld(options: Omit<FakeEbayOptions, 'start'> = {}): Promise<EbayWorld> {
  const clock = createVirtualClock();
  const fake = await createFakeEbay({ ...options, start: clock });
  const credentials = ebayCredentialsSchema.parse({ clientId: fake.app.clientId, clientSecret: fake.app.clientSecret, ruName: fake.app.ruName, refreshToken: fake.grant() });
  const throttled: EbayWorld['throttled'] = [];
  const logged: EbayWorld['logged'] = [];
  const notices: string[] = [];
  const log: Logger = { log: (level, message) => void logged.push({ level, message }), child: () => log };
  return {
    fake,
    clock,
    credentials,
    throttled,
    logged,
    notices,
    connect(override = {}, connectorOptions = {}) {
      const ctx: CartContext = { clock, log, signal: new AbortController().signal, onThrottle: (waitMs, reason) => throttled.push({ waitMs, reason }), onNotice: (m) => void notices.push(m) };
      return createEbayConnector(ctx, ebaySettingsSchema.parse({ baseUrl: fake.url }), { ...credentials, ...override }, connectorOptions);
    },
    close: () => fake.close(),
  };
}

export async function download(connector: CartConnector, earliestOrderDate: string, cursor: string | null = null) {
  const pages = [];
  for await (const page of connector.fetchOrders({ cursor, earliestOrderDate })) pages.push(page);
  return pages;
}
