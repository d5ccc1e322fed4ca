import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapShopifyOrder } from '../../../../../../main/engine/connectors/carts/shopify/order-mapper.js';

const fixture = (): Record<string, any> =>
  JSON.parse(readFileSync(new URL('./fixtures/order-node.json', import.meta.url), 'utf8'));

function mapOk(node: unknown) {
  const result = mapShopifyOrder(node);
  if (!result.ok) throw new Error(`expected a mapped order, got: ${result.reason}`);
  return result;
}

describe('mapShopifyOrder', () => {
  it('maps a Shopify order node to the canonical order', () => {
    const { order, facts } = mapOk(fixture());
    expect(order).toEqual({
      cartOrderId: 'gid://shopify/Order/450789469',
      orderNumber: '#1001',
      poNumber: 'PO-7731',
      orderDate: '2026-11-20T15:00:00.000Z',
      updatedAt: '2026-11-22T04:30:15.000Z',
      shipCode: 'FEDEX_GROUND',
      carrier: 'fedex',
      shipTo: {
        firstName: 'Bob',
        lastName: 'Norman',
        address1: 'Chestnut Street 92',
        city: 'Louisville',
        state: 'KY',
        zip: '40202',
        country: 'US',
        phone: '+1 555-555-5555',
        email: 'bob.norman@example.com',
      },
      billTo: {
        firstName: 'Bob',
        lastName: 'Norman',
        company: 'Norman Supply Co.',
        address1: 'Chestnut Street 92',
        city: 'Louisville',
        state: 'KY',
        zip: '40202',
        country: 'US',
        email: 'bob.norman@example.com',
      },
      currency: 'USD',
      subtotal: '597.00',
      discount: '10.00',
      tax: '49.25',
      shipping: '10.99',
      total: '647.24',
      giftMessage: 'Happy birthday, Ava!',
      shippingInstructions: 'Leave at the back door, please',
      lines: [
        {
          lineNo: 1,
          sku: 'IPOD2008GREEN',
          name: 'IPod Nano - 8gb - green',
          quantity: 3,
          orderedQuantity: 3,
          price: '199.00',
          discount: '10.00',
          cartLineId: 'gid://shopify/LineItem/466157049',
        },
        {
          lineNo: 2,
          sku: '',
          name: 'Gift wrapping',
          quantity: 1,
          orderedQuantity: 1,
          price: '0.00',
          discount: '0.00',
          cartLineId: 'gid://shopify/LineItem/703073504',
        },
      ],
      cartState: { canceled: false, financialStatus: 'PAID', fulfillmentStatus: 'UNFULFILLED', test: false },
    });
    expect(facts).toEqual({ canceled: false, closed: false });
  });

  it('asks the warehouse only for what the cart has not fulfilled yet, keeping the ordered quantity', () => {
    const node = fixture();
    node.displayFulfillmentStatus = 'PARTIALLY_FULFILLED';
    node.lineItems.nodes[0].unfulfilledQuantity = 1; // 2 of 3 fulfilled in Shopify before the download
    const { order } = mapOk(node);
    expect(order.lines.map((l) => [l.cartLineId, l.quantity, l.orderedQuantity])).toEqual([
      ['gid://shopify/LineItem/466157049', 1, 3],
      ['gid://shopify/LineItem/703073504', 1, 1],
    ]);
  });

  it('keeps a line the cart fulfilled entirely, with nothing to ship, and leaves removed lines out', () => {
    const node = fixture();
    node.lineItems.nodes[2].unfulfilledQuantity = 0;
    const { order } = mapOk(node);
    expect(order.lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantity, orderedQuantity: l.orderedQuantity }))).toEqual([
      { lineNo: 1, sku: 'IPOD2008GREEN', quantity: 3, orderedQuantity: 3 },
      { lineNo: 2, sku: '', quantity: 0, orderedQuantity: 1 },
    ]);
  });

  it('never asks for more than the current quantity, whatever the unfulfilled count says', () => {
    const node = fixture();
    node.lineItems.nodes[0].currentQuantity = 2; // one unit removed by an order edit
    node.lineItems.nodes[0].unfulfilledQuantity = 3;
    expect(mapOk(node).order.lines[0]).toMatchObject({ quantity: 2, orderedQuantity: 2 });
  });

  it('refuses a line without its unfulfilled quantity rather than sending the full quantity', () => {
    const node = fixture();
    delete node.lineItems.nodes[0].unfulfilledQuantity;
    expect(mapShopifyOrder(node)).toMatchObject({ ok: false, reason: 'lineItems[0].unfulfilledQuantity is not a whole number' });
  });

  it("carries the cart's test flag", () => {
    const node = fixture();
    node.test = true;
    expect(mapOk(node).order.cartState.test).toBe(true);
  });

  it('converts timestamps with any offset to UTC', () => {
    const node = fixture();
    node.updatedAt = '2026-11-22T09:30:15+05:30';
    node.createdAt = '2026-11-20T15:00:00Z';
    const { order } = mapOk(node);
    expect(order.updatedAt).toBe('2026-11-22T04:00:15.000Z');
    expect(order.orderDate).toBe('2026-11-20T15:00:00.000Z');
  });

  it('marks a cancelled order and reports it closed', () => {
    const node = fixture();
    node.cancelledAt = '2026-11-22T08:00:00-05:00';
    node.closedAt = '2026-11-22T08:00:00-05:00';
    const { order, facts } = mapOk(node);
    expect(order.cartState.canceled).toBe(true);
    expect(facts).toEqual({ canceled: true, closed: true });
  });

  it('uses the shipping line title when it has no code, and an empty ship code without a shipping line', () => {
    const node = fixture();
    node.shippingLine = { code: null, title: 'Local Delivery', source: 'shopify', carrierIdentifier: null };
    expect(mapOk(node).order).toMatchObject({ shipCode: 'Local Delivery', carrier: 'shopify' });
    node.shippingLine = null;
    const { order } = mapOk(node);
    expect(order.shipCode).toBe('');
    expect(order.carrier).toBeUndefined();
  });

  it('counts missing optional money bags as zero but requires the total', () => {
    const node = fixture();
    node.totalDiscountsSet = null;
    expect(mapOk(node).order.discount).toBe('0.00');
    node.totalPriceSet = null;
    const result = mapShopifyOrder(node);
    expect(result).toMatchObject({ ok: false, cartOrderId: 'gid://shopify/Order/450789469', orderNumber: '#1001' });
  });

  it('refuses an amount that is not a decimal, naming the field', () => {
    const node = fixture();
    node.lineItems.nodes[0].originalUnitPriceSet.shopMoney.amount = 'N/A';
    const result = mapShopifyOrder(node);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('lineItems[0].originalUnitPriceSet');
  });

  it('refuses a timestamp without a zone rather than guessing one', () => {
    const node = fixture();
    node.updatedAt = '2026-11-21 23:30:15';
    const result = mapShopifyOrder(node);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('updatedAt');
  });

  it('refuses nodes that are not orders at all', () => {
    expect(mapShopifyOrder(null)).toMatchObject({ ok: false, reason: 'the order is not an object' });
    const node = fixture();
    delete node.lineItems;
    expect(mapShopifyOrder(node)).toMatchObject({ ok: false, reason: 'lineItems is missing' });
  });
});
