import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount, unitAmount } from '../../../../../../main/engine/connectors/carts/amazon/amounts.js';
import { amazonShipCode, mapAmazonOrder, NO_RESTRICTED_ROLE_NOTE, readAmazonOrder } from '../../../../../../main/engine/connectors/carts/amazon/order-mapper.js';

/** getOrders' and getOrderItems' documented examples (ordersV0.json sandbox), trimmed to what is mapped. */
const ORDER = {
  AmazonOrderId: '902-1845936-5435065',
  PurchaseDate: '1970-01-19T03:58:30Z',
  LastUpdateDate: '1970-01-19T03:58:32Z',
  OrderStatus: 'PartiallyShipped',
  FulfillmentChannel: 'MFN',
  SalesChannel: 'Amazon.com',
  ShipServiceLevel: 'Std US D2D Dom',
  ShipmentServiceLevelCategory: 'Standard',
  OrderTotal: { CurrencyCode: 'USD', Amount: '33.97' },
  MarketplaceId: 'ATVPDKIKX0DER',
  LatestShipDate: '1970-01-19T03:59:00Z',
  IsPrime: false,
  ShippingAddress: { Name: 'Michigan address', AddressLine1: '1 Cross St.', City: 'Canton', StateOrRegion: 'MI', PostalCode: '48817', CountryCode: 'US' },
  BuyerInfo: { BuyerEmail: 'user@example.com', BuyerName: 'John Doe', PurchaseOrderNumber: 'PO-19' },
};
const ITEMS = [
  {
    ASIN: 'BT0093TELA',
    SellerSKU: 'CBA_OTF_1',
    OrderItemId: '68828574383266',
    Title: 'Example item name',
    QuantityOrdered: 3,
    QuantityShipped: 1,
    ItemPrice: { CurrencyCode: 'USD', Amount: '25.99' },
    ItemTax: { CurrencyCode: 'USD', Amount: '1.99' },
    ShippingPrice: { CurrencyCode: 'USD', Amount: '5.99' },
    PromotionDiscount: { CurrencyCode: 'USD', Amount: '0.00' },
  },
];
const settings = { shipCodeFrom: 'category' as const, primeShipCodes: true };

function header() {
  const read = readAmazonOrder(structuredClone(ORDER));
  if (!read.ok) throw new Error(read.reason);
  return read.order;
}

describe('mapping an Amazon order', () => {
  it('maps the documented example to the canonical order, money exact and the quantity still to ship', () => {
    const mapped = mapAmazonOrder(header(), ITEMS, { settings, restrictedData: true });
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    expect(mapped.order).toMatchObject({
      cartOrderId: '902-1845936-5435065',
      orderNumber: '902-1845936-5435065',
      poNumber: 'PO-19',
      orderDate: '1970-01-19T03:58:30.000Z',
      updatedAt: '1970-01-19T03:58:32.000Z',
      shipCode: 'Standard',
      currency: 'USD',
      subtotal: '25.99',
      tax: '1.99',
      shipping: '5.99',
      discount: '0.00',
      total: '33.97',
      requestedShipDate: '1970-01-19T03:59:00.000Z',
      customFields: ['ATVPDKIKX0DER'],
      cartState: { canceled: false, fulfillmentStatus: 'PartiallyShipped' },
    });
    expect(mapped.order.lines).toEqual([{ lineNo: 1, sku: 'CBA_OTF_1', name: 'Example item name', quantity: 2, orderedQuantity: 3, price: '8.6633', cartLineId: '68828574383266' }]);
    expect(mapped.order.shipTo).toMatchObject({ firstName: 'Michigan', lastName: 'address', address1: '1 Cross St.', city: 'Canton', state: 'MI', zip: '48817', email: 'user@example.com' });
    expect(mapped.order.billTo).toEqual({ firstName: 'John', lastName: 'Doe', email: 'user@example.com' });
    expect(mapped.order.shippingInstructions).toBeUndefined();
    expect(mapped.order.gaps).toBeUndefined();
  });

  it('states the gap on the order when the buyer was withheld for want of the Restricted Data role', () => {
    const order = { ...header(), ShippingAddress: { City: 'Canton', StateOrRegion: 'MI', PostalCode: '48817', CountryCode: 'US' }, BuyerInfo: undefined };
    const mapped = mapAmazonOrder(order, ITEMS, { settings, restrictedData: false });
    if (!mapped.ok) throw new Error(mapped.reason);
    expect(mapped.order.gaps).toEqual([NO_RESTRICTED_ROLE_NOTE]);
    // Shipping instructions are the buyer's words to the warehouse: the gap is not one of them.
    expect(mapped.order.shippingInstructions).toBeUndefined();
  });

  it('makes the ship code from the category or the service level, Prime first when asked', () => {
    const prime = { ...header(), IsPrime: true };
    expect(amazonShipCode(prime, settings)).toBe('Prime Standard');
    expect(amazonShipCode(prime, { shipCodeFrom: 'service_level', primeShipCodes: true })).toBe('Prime Std US D2D Dom');
    expect(amazonShipCode(prime, { shipCodeFrom: 'service_level', primeShipCodes: false })).toBe('Std US D2D Dom');
  });

  it('refuses an amount in words or in another currency, and an order without its dates, with the reason', () => {
    const words = mapAmazonOrder(header(), [{ ...ITEMS[0], ItemTax: { CurrencyCode: 'USD', Amount: 'two' } }], { settings, restrictedData: true });
    expect(words).toMatchObject({ ok: false, reason: expect.stringContaining('ItemTax of item 68828574383266 is not an amount') });
    const euros = mapAmazonOrder(header(), [{ ...ITEMS[0], ItemPrice: { CurrencyCode: 'EUR', Amount: '1.00' } }], { settings, restrictedData: true });
    expect(euros).toMatchObject({ ok: false, reason: expect.stringContaining('in EUR, the order in USD') });
    const undated = readAmazonOrder({ ...ORDER, PurchaseDate: undefined });
    expect(undated).toMatchObject({ ok: false, cartOrderId: '902-1845936-5435065', updatedAt: '1970-01-19T03:58:32.000Z' });
  });

  it('adds money in ten-thousandths, never in floating point', () => {
    const sum = ['0.10', '0.20', '0.30'].reduce((t, a) => t + parseAmount(a)!, 0n);
    expect(formatAmount(sum)).toBe('0.60');
    expect(formatAmount(unitAmount(parseAmount('10.00')!, 3))).toBe('3.3333');
    expect(formatAmount(unitAmount(parseAmount('25.00')!, 2))).toBe('12.50');
    expect(parseAmount('1.23456')).toBeNull();
    expect(formatAmount(parseAmount('-5')!)).toBe('-5.00');
  });
});
