import type { CartContext, RotatedCredentialsPort } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { createEtsyConnector } from '../../../../../../main/engine/connectors/carts/etsy/connector.js';
import { silentLogger } from '../../../../../../main/engine/platform/ports.js';
import type { EtsyCredentials, EtsySettings } from '../../../../../../shared/schemas/etsy.js';
import { createVirtualClock, type VirtualClock } from '../../../../../conformance/virtual-clock.js';
import { createFakeEtsy, type FakeEtsy, type FakeEtsyOptions } from '../../../../../fakes/etsy/index.js';

/** A fake Etsy shop on a virtual clock (waits cost nothing), a connected grant, and a way to build connectors on it. */
export interface EtsyWorld {
  etsy: FakeEtsy;
  clock: VirtualClock;
  settings: EtsySettings;
  credentials: EtsyCredentials;
  /** Rotated credentials saved by connectors, merged in order, with the request count when each save resolved. */
  saves: { values: Record<string, string>; apiRequestsBefore: number }[];
  ctx(): CartContext & { throttles: string[] };
  connect(credentials?: Partial<EtsyCredentials>): ReturnType<typeof createEtsyConnector>;
  close(): Promise<void>;
}

export async function etsyWorld(options: FakeEtsyOptions = {}): Promise<EtsyWorld> {
  const clock = createVirtualClock();
  const etsy = await createFakeEtsy({ clock, ...options });
  const settings: EtsySettings = { baseUrl: etsy.url, redirectUri: 'http://localhost:3003/oauth/redirect' };
  const credentials: EtsyCredentials = {
    keystring: etsy.keystring,
    ...(etsy.sharedSecret ? { sharedSecret: etsy.sharedSecret } : {}),
    refreshToken: etsy.oauth.grant(),
    shopId: String(etsy.shop.shopId),
    shopName: etsy.shop.shopName,
  };
  const saves: EtsyWorld['saves'] = [];
  const port: RotatedCredentialsPort = {
    async save(values) {
      saves.push({ values, apiRequestsBefore: etsy.requests.length });
      return true;
    },
  };
  const ctx = () => {
    const throttles: string[] = [];
    return { clock, log: silentLogger, signal: new AbortController().signal, credentials: port, throttles, onThrottle: (_ms: number, reason: string) => void throttles.push(reason) };
  };
  return {
    etsy,
    clock,
    settings,
    credentials,
    saves,
    ctx,
    connect: (overrides = {}) => createEtsyConnector(ctx(), settings, { ...credentials, ...overrides }),
    close: () => etsy.close(),
  };
}

/** Every order of a download run. */
export async function downloadAll(connector: ReturnType<typeof createEtsyConnector>, cursor: string | null = null, earliestOrderDate = '2026-01-01T00:00:00Z') {
  const pages = [];
  for await (const page of connector.fetchOrders({ cursor, earliestOrderDate })) pages.push(page);
  return { pages, orders: pages.flatMap((p) => p.orders), cursor: pages.at(-1)?.cursor ?? cursor };
}
