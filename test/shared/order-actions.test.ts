import { describe, expect, it } from 'vitest';
import { allowedActions } from '../../shared/order-actions.js';

describe('the actions offered on an order', () => {
  it('offer Release, Hold, Resend and Cancel on an order held with an error', () => {
    expect(allowedActions('error')).toEqual(['release', 'hold', 'resend', 'cancel']);
  });

  it('offer Resend and Cancel, not Release or Hold, once the order is at the WMS', () => {
    expect(allowedActions('at_wms')).toEqual(['resend', 'cancel']);
  });

  it('offer only Cancel the rest on a partially shipped order: it cannot be held, resent or canceled whole', () => {
    expect(allowedActions('partially_shipped')).toEqual(['cancelRest']);
  });

  it('offer nothing on shipped, confirmed or canceled orders', () => {
    expect(allowedActions('shipped')).toEqual([]);
    expect(allowedActions('confirmed')).toEqual([]);
    expect(allowedActions('canceled')).toEqual([]);
  });
});
