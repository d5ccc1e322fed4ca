import { describe, expect, it } from 'vitest';
import { contract } from '../../../../shared/contract.js';
import { dispatch } from '../../../../main/engine/api/dispatch.js';
import type { EngineContext } from '../../../../main/engine/api/engine-context.js';
import { rejection } from '../../../support/rejection.js';

// Validation comes before any handler runs, so no engine is needed to see an input refused.
const noEngine = {} as EngineContext;

describe('unknown input keys are refused with a field message', () => {
  it('orders.list with merchantID (not merchantId) is refused instead of listing every order', async () => {
    const err = await rejection(dispatch(noEngine, 'orders.list', { merchantID: 1 }));
    expect(err.kind).toBe('validation');
    expect(err.fields).toEqual({ merchantID: 'Unknown field merchantID; did you mean merchantId?' });
    expect(err.message).toBe('Unknown field merchantID; did you mean merchantId?');
  });

  it('every method of the contract refuses a key it does not know, on that key', async () => {
    const accepted: string[] = [];
    for (const method of Object.keys(contract)) {
      // A platform picks a member of the cart unions (carts.create); elsewhere it is one more unknown key.
      const err = await dispatch(noEngine, method, { platform: 'demo', zzUnknown: 1 }).then(
        () => null,
        (e: unknown) => e as { fields?: Record<string, string> },
      );
      if (!err?.fields?.zzUnknown?.startsWith('Unknown field zzUnknown')) accepted.push(method);
    }
    expect(accepted).toEqual([]);
  });

  it('a misspelt key deep inside a cart input is named with its path', async () => {
    const err = await rejection(
      dispatch(noEngine, 'carts.create', {
        merchantId: 1,
        platform: 'shopify',
        name: 'Shop',
        earliestOrderDate: '2026-11-01',
        settings: { shopDomain: 'acme.myshopify.com', filters: { orderStatus: 'open', financialStatus: ['PAID'] } },
        credentials: { accessToken: 'shpat_x', acessToken: 'shpat_y' },
      }),
    );
    expect(err.fields).toEqual({
      'settings.filters.financialStatus': 'Unknown field financialStatus; did you mean financialStatuses?',
      'credentials.acessToken': 'Unknown field acessToken; did you mean accessToken?',
    });
  });

  it('a test of a saved cart with an unknown key is refused with that key, not "Invalid input"', async () => {
    const err = await rejection(dispatch(noEngine, 'carts.test', { id: 3, force: true }));
    expect(err.fields).toEqual({ force: 'Unknown field force' });
  });
});
