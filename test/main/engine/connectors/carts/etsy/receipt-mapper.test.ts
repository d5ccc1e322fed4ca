import { describe, expect, it } from 'vitest';
import { etsyMoneyText, offeringPriceNumber } from '../../../../../../main/engine/connectors/carts/etsy/money.js';
import { mapEtsyReceipt } from '../../../../../../main/engine/connectors/carts/etsy/receipt-mapper.js';

const usd = (amount: number, divisor = 100) => ({ amount, divisor, currency_code: 'USD' });

function receipt(overrides: Record<string, unknown> = {}) {
  return {
    receipt_id: 3011,
    status: 'Paid',
    buyer_email: 'ann@example.com',
    name: 'Ann Mary Smith',
    first_line: '1 Main St',
    second_line: null,
    city: 'Brooklyn',
    state: 'NY',
    zip: '11201',
    country_iso: 'US',
    message_from_buyer: 'Leave at the door',
    gift_message: 'Happy birthday',
    is_paid: true,
    is_shipped: false,
    create_timestamp: 1_795_000_000,
    update_timestamp: 1_795_000_123,
    grandtotal: usd(3047),
    subtotal: usd(2500),
    total_shipping_cost: usd(499),
    total_tax_cost: usd(148),
    discount_amt: usd(100),
    transactions: [
      { transaction_id: 9001, sku: 'MUG', title: 'Mug', quantity: 2, price: usd(1250), shipping_method: null, shipping_upgrade: 'Priority' },
    ],
    ...overrides,
  };
}

describe("Etsy's money", () => {
  it('is converted exactly from amount and divisor, never through a float', () => {
    expect(etsyMoneyText(usd(1999))).toBe('19.99');
    expect(etsyMoneyText(usd(5))).toBe('0.05');
    expect(etsyMoneyText(usd(-250))).toBe('-2.50');
    expect(etsyMoneyText(usd(12345, 1000))).toBe('12.345');
    expect(etsyMoneyText(usd(700, 1))).toBe('700.00');
    expect(etsyMoneyText(usd(900719925474099, 100))).toBe('9007199254740.99');
    expect(etsyMoneyText(usd(10, 3))).toBeNull();
    expect(offeringPriceNumber(usd(1999))).toBe(19.99);
  });
});

describe('an Etsy receipt as an order', () => {
  it('carries the receipt id as number, unix times in UTC, exact totals, the buyer and the lines', () => {
    const mapped = mapEtsyReceipt(receipt());
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    expect(mapped.order).toMatchObject({
      cartOrderId: '3011',
      orderNumber: '3011',
      orderDate: '2026-11-18T11:06:40.000Z',
      updatedAt: '2026-11-18T11:08:43.000Z',
      shipCode: 'Priority',
      currency: 'USD',
      subtotal: '25.00',
      discount: '1.00',
      tax: '1.48',
      shipping: '4.99',
      total: '30.47',
      giftMessage: 'Happy birthday',
      shippingInstructions: 'Leave at the door',
      shipTo: { firstName: 'Ann Mary', lastName: 'Smith', address1: '1 Main St', city: 'Brooklyn', state: 'NY', zip: '11201', country: 'US', email: 'ann@example.com' },
      lines: [{ lineNo: 1, sku: 'MUG', name: 'Mug', quantity: 2, price: '12.50', cartLineId: '9001' }],
      cartState: { canceled: false, financialStatus: 'paid', fulfillmentStatus: 'unshipped' },
    });
  });

  it('takes the transactions fetched for a receipt that came without them', () => {
    const { transactions, ...bare } = receipt();
    const mapped = mapEtsyReceipt(bare, transactions);
    expect(mapped.ok && mapped.order.lines.map((l) => l.sku)).toEqual(['MUG']);
  });

  it('is refused with a reason, and what identifies it, when off the documented shape', () => {
    expect(mapEtsyReceipt(receipt({ grandtotal: 'twelve dollars' }))).toMatchObject({ ok: false, cartOrderId: '3011', updatedAt: '2026-11-18T11:08:43.000Z', reason: expect.stringContaining('grandtotal') });
    expect(mapEtsyReceipt(receipt({ subtotal: usd(2500, 3) }))).toMatchObject({ ok: false, reason: expect.stringContaining('not a power of ten') });
    const noSku = receipt({ transactions: [{ transaction_id: 9002, sku: '', title: 'Scarf', quantity: 1, price: usd(100) }] });
    expect(mapEtsyReceipt(noSku)).toMatchObject({ ok: false, reason: expect.stringContaining('has no SKU') });
  });
});
