import { afterEach, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';

describe('setup.progress: the "Set up myself" checklist', () => {
  let t: TestEngine | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('shows once begun, with every step open and linked, and hides for good when dismissed', async () => {
    t = await startTestEngine();
    expect((await t.call('setup.progress', {})).show).toBe(false);
    const begun = await t.call('setup.begin', {});
    expect(begun.show).toBe(true);
    expect(begun.steps).toEqual([
      { step: 'warehouse', done: false, link: '/wms' },
      { step: 'merchant', done: false, link: '/merchants/new' },
      { step: 'store', done: false, link: '/merchants/new' },
      { step: 'ship_methods', done: false, link: '/ship-methods' },
      { step: 'services', done: false, link: '/merchants/new' },
    ]);
    expect((await t.call('setup.dismiss', {})).show).toBe(false);
    expect((await t.call('setup.progress', {})).show).toBe(false);
  });

  it('ticks each step from the saved setup, the store once a Test of the saved cart passed, and is done after that', async () => {
    t = await startTestEngine();
    await t.call('setup.begin', {});
    const { cartId } = await t.call('demo.setup', {});
    const before = await t.call('setup.progress', {});
    expect(before.steps.filter((s) => !s.done).map((s) => s.step)).toEqual(['store']);
    expect(before.steps.find((s) => s.step === 'store')!.link).toBe(`/carts/${cartId}`);
    expect(before.show).toBe(true);

    expect((await t.call('carts.test', { id: cartId })).ok).toBe(true);
    const after = await t.call('setup.progress', {});
    expect(after.steps.every((s) => s.done)).toBe(true);
    expect(after).toMatchObject({ done: true, show: false });
  });

  it('opens the services step again when the order download is turned off', async () => {
    t = await startTestEngine();
    const { cartId } = await t.call('demo.setup', {});
    expect((await t.call('setup.progress', {})).steps.find((s) => s.step === 'services')!.done).toBe(true);
    await t.call('schedules.set', { service: 'order_download', targetId: cartId, minutes: null });
    expect((await t.call('setup.progress', {})).steps.find((s) => s.step === 'services')!.done).toBe(false);
  });
});
