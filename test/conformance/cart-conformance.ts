import { describe, expect, it } from 'vitest';
import type { CartUnderTest } from './cart-under-test.js';
import { CONFORMANCE_CASE_IDS, CONFORMANCE_CASES } from './conformance-cases.js';
import { createVirtualClock } from './virtual-clock.js';

/**
 * The conformance suite every cart connector and its fake must pass (issue 10). Call it from one test
 * file per cart with the cart's adapter (cart-under-test.ts). A case the cart cannot run shows up as a
 * test of its own naming the declared reason; nothing is skipped silently, and `declarationProblems`
 * refuses a missing reason, a reason for a case the fake could run, and any remote case declared away
 * by a cart that has a network fake.
 */
export function describeCartConformance(adapter: CartUnderTest): void {
  describe(`${adapter.name}: the cart conformance suite`, () => {
    it('declares each case it cannot run with a reason, and no remote case when it has a network fake', async () => {
      expect(await declarationProblems(adapter)).toEqual([]);
    });

    for (const id of CONFORMANCE_CASE_IDS) {
      const c = CONFORMANCE_CASES[id];
      const reason = adapter.notApplicable[id];
      if (reason !== undefined) {
        it(`does not apply: ${c.title} (${reason})`, () => {
          expect(reason.trim()).not.toBe('');
          expect(adapter.remote && c.remote, 'a cart with a network fake runs every remote case').toBe(false);
        });
        continue;
      }
      it(c.title, async () => {
        const clock = createVirtualClock();
        const fake = await adapter.start(clock);
        try {
          await c.run({ adapter, fake, clock });
        } finally {
          await fake.close();
        }
      });
    }
  });
}

/** What is wrong with an adapter's declarations: empty when every case either runs or says why not. */
export async function declarationProblems(adapter: CartUnderTest): Promise<string[]> {
  const fake = await adapter.start(createVirtualClock());
  const problems: string[] = [];
  try {
    for (const id of CONFORMANCE_CASE_IDS) {
      const c = CONFORMANCE_CASES[id];
      const reason = adapter.notApplicable[id];
      const missing = c.requires.filter((h) => fake[h] === undefined);
      if (missing.length > 0 && reason === undefined) problems.push(`${id}: the fake has no ${missing.join(', ')} and the case is not declared not applicable`);
      if (missing.length === 0 && reason !== undefined) problems.push(`${id}: declared not applicable, yet the fake has every hook it needs`);
      if (reason !== undefined && reason.trim() === '') problems.push(`${id}: declared not applicable without a reason`);
      if (reason !== undefined && adapter.remote && c.remote) problems.push(`${id}: a cart with a network fake must run every remote case`);
    }
  } finally {
    await fake.close();
  }
  return problems;
}
