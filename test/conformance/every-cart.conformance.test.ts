import { describe, expect, it } from 'vitest';
import { cartPlugins } from '../../main/engine/connectors/carts/registry.js';
import { declarationProblems } from './cart-conformance.js';
import { CARTS_UNDER_TEST } from './conformance-carts.js';
import { CONFORMANCE_CASES, CONFORMANCE_CASE_IDS } from './conformance-cases.js';
import { demoCart } from './demo-cart.js';
import { shopifyCart } from './shopify-cart.js';

describe('the cart conformance suite covers every cart', () => {
  it('has an adapter for every cart platform in the registry, built on the registered plugin', () => {
    const adapted = new Map(CARTS_UNDER_TEST.map((c) => [c.plugin.manifest.platform, c.plugin]));
    for (const [platform, plugin] of Object.entries(cartPlugins)) {
      expect(adapted.get(platform), `no conformance adapter for ${platform} (test/conformance/conformance-carts.ts)`).toBe(plugin);
    }
  });

  it('has every cart with a network fake run every remote case, and every other cart say why it cannot', async () => {
    const remoteCases = CONFORMANCE_CASE_IDS.filter((id) => CONFORMANCE_CASES[id].remote);
    expect(remoteCases.length).toBeGreaterThanOrEqual(5);
    for (const cart of CARTS_UNDER_TEST) {
      expect(await declarationProblems(cart), cart.name).toEqual([]);
      const declaredAway = remoteCases.filter((id) => cart.notApplicable[id] !== undefined);
      expect(declaredAway, cart.name).toEqual(cart.remote ? [] : remoteCases);
    }
  });

  it('refuses a network cart that declares a remote case away, even with a reason', async () => {
    const problems = await declarationProblems({ ...shopifyCart, notApplicable: { 'rate-limit': 'we would rather not' } });
    expect(problems).toEqual([
      'rate-limit: declared not applicable, yet the fake has every hook it needs',
      'rate-limit: a cart with a network fake must run every remote case',
    ]);
  });

  it('refuses a cart whose fake lacks hooks for a case it does not declare, or that declares one without a reason', async () => {
    const { pages: _dropped, ...rest } = demoCart.notApplicable;
    const problems = await declarationProblems({ ...demoCart, notApplicable: { ...rest, 'shipment-full': ' ' } });
    expect(problems).toEqual([
      'pages: the fake has no pageSize and the case is not declared not applicable',
      'shipment-full: declared not applicable without a reason',
    ]);
  });
});
