import type { HttpContext } from '../../../../../../main/engine/net/index.js';
import { MagentoRestClient } from '../../../../../../main/engine/connectors/carts/magento/rest-client.js';
import { AdminTokenExchange, IntegrationToken, type MagentoTokenSource } from '../../../../../../main/engine/connectors/carts/magento/token.js';
import type { FakeMagento } from '../../../../../fakes/magento/index.js';

/** A clock whose sleeps return at once but are written down, so tests see every wait without waiting. */
export function recordingHttp(): HttpContext & { sleeps: number[]; throttles: string[] } {
  const sleeps: number[] = [];
  const throttles: string[] = [];
  let offsetMs = 0;
  return {
    sleeps,
    throttles,
    clock: {
      now: () => new Date(Date.now() + offsetMs),
      sleep: (ms) => {
        sleeps.push(ms);
        offsetMs += ms;
        return Promise.resolve();
      },
    },
    onThrottle: (_ms, reason) => void throttles.push(reason),
  };
}

export function clientFor(
  fake: FakeMagento,
  opts: { tokens?: MagentoTokenSource; http?: HttpContext; restBase?: string } = {},
): MagentoRestClient {
  return new MagentoRestClient({
    restBase: opts.restBase ?? fake.restBase,
    tokens: opts.tokens ?? new IntegrationToken(fake.integrationToken),
    http: opts.http ?? recordingHttp(),
    backoff: { baseDelayMs: 5, maxDelayMs: 20 },
  });
}

export function adminTokens(fake: FakeMagento, http: HttpContext, password = 'S3cret!pass'): AdminTokenExchange {
  return new AdminTokenExchange({ restBase: fake.restBase, username: 'dockhand', password, http });
}
