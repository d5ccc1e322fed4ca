import { BigCommerceClient, type BigCommerceClientOptions } from '../../../../../../main/engine/connectors/carts/bigcommerce/rest-client.js';
import type { Clock } from '../../../../../../main/engine/platform/ports.js';
import { createFakeBigCommerce, type FakeBigCommerce, type FakeBigCommerceOptions } from '../../../../../fakes/bigcommerce/index.js';

/**
 * A clock whose sleeps pass at once and move time forward, shared by the client and the fake store,
 * so waits for a 30 s quota window are exact and cost nothing.
 */
export function virtualClock(startIso = '2026-11-20T12:00:00Z') {
  let ms = Date.parse(startIso);
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => new Date(ms),
    sleep: async (wait, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(wait);
      ms += Math.max(0, wait);
    },
  };
  return { clock, sleeps, nowMs: () => ms, advance: (by: number) => void (ms += by) };
}

export type VirtualClock = ReturnType<typeof virtualClock>;

export async function fakeStore(vc: VirtualClock, options: FakeBigCommerceOptions = {}): Promise<FakeBigCommerce> {
  return createFakeBigCommerce({ now: vc.nowMs, ...options });
}

export function clientFor(fake: FakeBigCommerce, vc: VirtualClock, options: Partial<BigCommerceClientOptions> = {}) {
  const throttles: { ms: number; reason: string }[] = [];
  const client = new BigCommerceClient({
    apiBase: fake.url,
    storeHash: fake.storeHash,
    accessToken: fake.token,
    http: { clock: vc.clock, onThrottle: (ms, reason) => void throttles.push({ ms, reason }) },
    backoff: { baseDelayMs: 10, maxDelayMs: 40 },
    ...options,
  });
  return { client, throttles };
}
