import type { CanonicalOrder } from '../../shared/domain.js';
import { connectorContext, downloadRun, type CartUnderTest, type ConnectorProbe, type DownloadRun, type FakeCart } from './cart-under-test.js';
import type { VirtualClock } from './virtual-clock.js';

/** What one conformance case gets: the cart's adapter, a fresh fake, and the clock both share. */
export interface CaseEnv {
  adapter: CartUnderTest;
  fake: FakeCart;
  clock: VirtualClock;
}

/** Midnight UTC `days` before the clock's now, as an ISO timestamp (the form the cart connection saves). */
export function daysAgo(clock: VirtualClock, days: number): string {
  const day = new Date(clock.now().getTime() - days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T00:00:00.000Z`;
}

/** An earliest order date well before every order a case seeds "now". */
export const earliestFor = (clock: VirtualClock) => daysAgo(clock, 30);

/** A download run on a new connector (as each engine run makes one), and the probe of its context. */
export async function downloadOnce(
  env: CaseEnv,
  position: string | null,
  options: { earliestOrderDate?: string; afterPage?: Parameters<typeof downloadRun>[1]['afterPage'] } = {},
): Promise<DownloadRun & { probe: ConnectorProbe }> {
  const probe = connectorContext(env.clock);
  const connector = env.fake.connect(probe.ctx);
  const run = await downloadRun(connector, {
    position,
    earliestOrderDate: options.earliestOrderDate ?? earliestFor(env.clock),
    afterPage: options.afterPage,
  });
  return { ...run, probe };
}

export const idsOf = (orders: CanonicalOrder[]) => orders.map((o) => o.cartOrderId);

/** Ids handed over more than once in the same version (same id and updated-at): duplicates. */
export function sameVersionTwice(orders: CanonicalOrder[]): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const o of orders) {
    const key = `${o.cartOrderId}@${Date.parse(o.updatedAt)}`;
    if (seen.has(key)) twice.push(key);
    seen.add(key);
  }
  return twice;
}
