import { describe, expect, it } from 'vitest';
import type { CanonicalOrder } from '../../../../../../shared/domain.js';
import { shopifySettingsSchema } from '../../../../../../shared/schemas/shopify.js';
import { skipReasonFor } from '../../../../../../main/engine/connectors/carts/shopify/order-filters.js';

const defaults = shopifySettingsSchema.parse({ shopDomain: 'acme.myshopify.com' }).filters;

function order(financialStatus: string, fulfillmentStatus: string, canceled = false, test = false): CanonicalOrder {
  return {
    cartOrderId: 'gid://shopify/Order/1',
    orderNumber: '#1001',
    orderDate: '2026-11-20T15:00:00.000Z',
    updatedAt: '2026-11-20T15:00:00.000Z',
    shipCode: 'Standard',
    shipTo: {},
    billTo: {},
    currency: 'USD',
    subtotal: '1.00',
    discount: '0.00',
    tax: '0.00',
    shipping: '0.00',
    total: '1.00',
    lines: [],
    cartState: { canceled, financialStatus, fulfillmentStatus, test },
  };
}

describe('skipReasonFor', () => {
  it('lets a paid, unfulfilled, open order through the default filters', () => {
    expect(skipReasonFor(order('PAID', 'UNFULFILLED'), { canceled: false, closed: false }, defaults)).toBeUndefined();
  });

  it('names the financial status and the filter that excluded it', () => {
    expect(skipReasonFor(order('PENDING', 'UNFULFILLED'), { canceled: false, closed: false }, defaults)).toBe(
      'financial status PENDING is not in the filter (PAID, PARTIALLY_REFUNDED)',
    );
  });

  it('names the fulfillment status that excluded it', () => {
    expect(skipReasonFor(order('PAID', 'FULFILLED'), { canceled: false, closed: true }, { ...defaults, orderStatus: 'any' })).toBe(
      'fulfillment status FULFILLED is not in the filter (UNFULFILLED, PARTIALLY_FULFILLED)',
    );
  });

  it('skips cancelled and closed orders when only open ones are wanted', () => {
    expect(skipReasonFor(order('PAID', 'UNFULFILLED', true), { canceled: true, closed: true }, defaults)).toBe(
      'order status cancelled is not in the filter (open orders only)',
    );
    expect(skipReasonFor(order('PAID', 'UNFULFILLED'), { canceled: false, closed: true }, defaults)).toContain('closed');
  });

  it('accepts every status when the lists are empty and the status is any', () => {
    const anything = { orderStatus: 'any' as const, financialStatuses: [], fulfillmentStatuses: [], includeTestOrders: true };
    expect(skipReasonFor(order('VOIDED', 'RESTOCKED', true, true), { canceled: true, closed: true }, anything)).toBeUndefined();
  });

  it("skips a test order (the cart's test flag) by default, saying why and how to take it in", () => {
    expect(skipReasonFor(order('PAID', 'UNFULFILLED', false, true), { canceled: false, closed: false }, defaults)).toBe(
      'test order (placed with a test payment): test orders are left out unless the cart settings include them',
    );
  });

  it('lets a test order through when the cart settings include test orders', () => {
    const withTests = { ...defaults, includeTestOrders: true };
    expect(skipReasonFor(order('PAID', 'UNFULFILLED', false, true), { canceled: false, closed: false }, withTests)).toBeUndefined();
  });
});
