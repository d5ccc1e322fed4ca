import { describe, it } from 'vitest';
import { csvPlugin } from '../../main/engine/connectors/carts/csv/index.js';
import { startFtpServer } from '../support/ftp-server.js';
import { describeCartConformance } from './cart-conformance.js';
import type { FakeCart } from './cart-under-test.js';
import { CONFORMANCE_CASES, type ConformanceCaseId } from './conformance-cases.js';
import { csvCart, startCsvFake, type CsvFake } from './csv-cart.js';
import { createVirtualClock, type VirtualClock } from './virtual-clock.js';

describeCartConformance(csvCart);

/**
 * A cart without a network fake must declare every remote case away (every-cart.conformance.test.ts),
 * yet two of them are this cart's everyday life: a typo in an order file, and a wrong FTP password. The
 * suite's own cases run here, on the folder fake and on that folder served over FTP.
 */
async function runCase(id: ConformanceCaseId, extend: (fake: CsvFake, clock: VirtualClock) => Promise<{ fake: FakeCart; close(): Promise<void> }>) {
  const clock = createVirtualClock();
  const base = await startCsvFake(clock);
  const extended = await extend(base, clock);
  try {
    await CONFORMANCE_CASES[id].run({ adapter: csvCart, fake: extended.fake, clock });
  } finally {
    await extended.close();
    await base.close();
  }
}

describe('CSV order files: the remote cases that are its everyday life, through the suite\'s own cases', () => {
  it(`${CONFORMANCE_CASES['malformed-order'].title} (a file with a bad quantity)`, async () => {
    await runCase('malformed-order', async (fake) => ({ fake: { ...fake, seedMalformedOrder: () => fake.dropFileWithBadOrder() }, close: async () => {} }));
  });

  it(`${CONFORMANCE_CASES['wrong-credentials'].title} (a wrong FTP password)`, async () => {
    await runCase('wrong-credentials', async (fake) => {
      const ftp = await startFtpServer({ root: fake.root });
      const settings = csvPlugin.settingsSchema.parse({
        ...(fake.settings as Record<string, unknown>),
        transport: { kind: 'ftp', host: ftp.host, port: ftp.port, user: ftp.user, root: '/' },
      });
      const overFtp: FakeCart = {
        ...fake,
        settings,
        credentials: { password: ftp.password },
        connect: (ctx) => csvPlugin.create(ctx, settings, { password: ftp.password }),
        wrongCredentials: () => ({ password: 'not-the-ftp-password-42' }),
      };
      return { fake: overFtp, close: () => ftp.close() };
    });
  });
});
