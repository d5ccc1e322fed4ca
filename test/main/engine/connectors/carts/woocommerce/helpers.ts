import { WooRestClient, type WooRestClientOptions } from '../../../../../../main/engine/connectors/carts/woocommerce/rest-client.js';
import type { Clock, Logger, LogLevel } from '../../../../../../main/engine/platform/ports.js';
import type { FakeWooCommerce } from '../../../../../fakes/woocommerce/index.js';

/** A client on the fake store, with a clock that records waits instead of sleeping and a log that keeps lines. */

export interface ClientUnderTest {
  client: WooRestClient;
  sleeps: number[];
  logs: { level: LogLevel; message: string; fields?: Record<string, unknown> }[];
}

export function clientFor(fake: FakeWooCommerce, overrides: Partial<WooRestClientOptions> = {}): ClientUnderTest {
  const sleeps: number[] = [];
  const logs: ClientUnderTest['logs'] = [];
  const clock: Clock = {
    now: () => new Date(),
    sleep: async (ms) => void sleeps.push(ms),
  };
  const log: Logger = {
    log: (level, message, fields) => void logs.push({ level, message, fields }),
    child: () => log,
  };
  const client = new WooRestClient({
    storeUrl: fake.url,
    consumerKey: fake.consumerKey,
    consumerSecret: fake.consumerSecret,
    http: { clock },
    log,
    allowHttp: true,
    backoff: { attempts: 3, baseDelayMs: 10, maxDelayMs: 40 },
    ...overrides,
  });
  return { client, sleeps, logs };
}

export async function failureOf(promise: Promise<unknown>): Promise<{ kind: string; message: string; code?: string; name: string }> {
  try {
    await promise;
  } catch (err) {
    return err as { kind: string; message: string; code?: string; name: string };
  }
  throw new Error('expected the call to fail');
}
