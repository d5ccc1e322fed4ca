import { describe, expect, it } from 'vitest';
import { cartState } from '../../../../renderer/src/screens/merchants/cart-state.js';
import { cartView } from '../../../support/api-views.js';

describe("a cart's state in the merchant's cart list", () => {
  it('says a marketplace cart not connected yet waits to be connected, and to press Connect', () => {
    expect(cartState(cartView({ platform: 'ebay', awaitsConnection: true }))).toEqual({ state: 'waiting', label: 'Waiting to be connected', action: 'press Connect' });
  });

  it('still says waiting, not refused, for a cart never connected whose run was refused before it waited', () => {
    expect(cartState(cartView({ awaitsConnection: true, authError: 'Connect eBay first' })).state).toBe('waiting');
  });

  it('says refused credentials for a connected cart whose grant was refused, then settings to update, else connected', () => {
    expect(cartState(cartView({ authError: 'The refresh token was revoked' })).label).toBe('Credentials refused');
    expect(cartState(cartView({ notices: ['Choose a newer API version'] })).label).toBe('Settings to update');
    expect(cartState(cartView()).label).toBe('Connected');
  });
});
