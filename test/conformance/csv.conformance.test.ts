import { describe, it } from 'vitest';
import { describeCartConformance } from './cart-conformance.js';
import { CONFORMANCE_CASES } from './conformance-cases.js';
import { csvCart, startCsvFake } from './csv-cart.js';
import { createVirtualClock } from './virtual-clock.js';

describeCartConformance(csvCart);

/**
 * A non-network cart must declare every remote case away (every-cart.conformance.test.ts), yet a
 * merchant's typo in an order file is this cart's everyday malformed payload: the suite's own case runs
 * here on a fake whose "malformed order" is a file with a bad quantity.
 */
describe('CSV order files: a malformed order file, through the suite\'s own case', () => {
  it(CONFORMANCE_CASES['malformed-order'].title, async () => {
    const clock = createVirtualClock();
    const fake = await startCsvFake(clock);
    try {
      await CONFORMANCE_CASES['malformed-order'].run({ adapter: csvCart, fake: { ...fake, seedMalformedOrder: () => fake.dropFileWithBadOrder() }, clock });
    } finally {
      await fake.close();
    }
  });
});
