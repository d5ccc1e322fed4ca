import { describe, expect, it } from 'vitest';
import { mapBigCommerceOrder } from '../../../../../../main/engine/connectors/carts/bigcommerce/order-mapper.js';
import { documentedOrder, documentedParts, documentedProducts, documentedShippingAddresses } from './documented-order.js';

function mapped(parts = documentedParts()) {
  const result = mapBigCommerceOrder(parts);
  if (!result.ok) throw new Error(`expected an order, got: ${result.reason}`);
  return result;
}

describe('BigCommerce order mapper', () => {
  it('maps the documented order with its products and shipping address to a canonical order', () => {
    const { order, facts } = mapped();
    expect(facts).toEqual({ statusId: 11 });
    expect(order).toMatchObject({
      cartOrderId: '100',
      orderNumber: '100',
      orderDate: '2018-01-10T21:05:30.000Z',
      updatedAt: '2018-12-05T20:16:55.000Z',
      shipCode: 'UPS Ground',
      currency: 'USD',
      subtotal: '336.32',
      discount: '11.59',
      tax: '25.63',
      shipping: '12.00',
      total: '373.95',
      shippingInstructions: 'Leave at the back door',
      cartState: { canceled: false, financialStatus: 'authorized', fulfillmentStatus: 'Awaiting Fulfillment' },
    });
    // The ship-to comes from the shipping_addresses sub-resource; its empty email falls back to the billing one.
    expect(order.shipTo).toEqual({
      firstName: 'Trishy',
      lastName: 'Smith',
      company: 'Acme Pty Ltd',
      address1: '666 Sussex St',
      city: 'San Antonio',
      state: 'Texas',
      zip: '78251',
      country: 'US',
      email: 'janedoe@example.com',
    });
    expect(order.billTo).toMatchObject({ firstName: 'Jane', address1: '455 Main Street', phone: '555-123-4567', country: 'US' });
    expect(order.lines).toEqual([
      { lineNo: 1, sku: 'S-ORAN', name: 'Fog Linen Chambray Towel - Beige Stripe', quantity: 2, orderedQuantity: 2, price: '55.99', cartLineId: '65', discount: '1.59' },
      { lineNo: 2, sku: 'OTL', name: 'Orbit Terrarium - Large', quantity: 1, orderedQuantity: 1, price: '224.34', cartLineId: '66' },
    ]);
  });

  it('reads an RFC 2822 date in any zone as UTC', () => {
    const parts = documentedParts();
    parts.order.date_modified = 'Thu, 20 Apr 2017 11:32:00 -0400';
    expect(mapped(parts).order.updatedAt).toBe('2017-04-20T15:32:00.000Z');
  });

  it('asks the warehouse only for units neither shipped nor refunded, and nothing for digital lines', () => {
    const products = documentedProducts();
    products[0].quantity = 5;
    products[0].quantity_shipped = 1;
    products[0].quantity_refunded = 2;
    products[1].type = 'digital';
    const { order } = mapped({ order: documentedOrder(), products, shippingAddresses: documentedShippingAddresses() });
    expect(order.lines.map((l) => [l.quantity, l.orderedQuantity])).toEqual([
      [2, 3],
      [0, 1],
    ]);
  });

  it('drops a line refunded in full', () => {
    const products = documentedProducts();
    products[1].quantity_refunded = 1;
    const { order } = mapped({ order: documentedOrder(), products, shippingAddresses: documentedShippingAddresses() });
    expect(order.lines.map((l) => l.cartLineId)).toEqual(['65']);
  });

  it('marks a Cancelled order (status_id 5) as canceled', () => {
    const parts = documentedParts();
    Object.assign(parts.order, { status_id: 5, status: 'Cancelled' });
    expect(mapped(parts).order.cartState.canceled).toBe(true);
  });

  it('refuses money sent as a number, naming the field, and keeps the id and date_modified for the sync position', () => {
    const parts = documentedParts();
    parts.order.total_inc_tax = 373.95;
    const result = mapBigCommerceOrder(parts);
    expect(result).toMatchObject({ ok: false, cartOrderId: '100', orderNumber: '100', updatedAt: '2018-12-05T20:16:55.000Z' });
    expect(!result.ok && result.reason).toContain('total_inc_tax');
  });

  it('refuses a date that is not RFC 2822 with a zone rather than guessing its zone', () => {
    const parts = documentedParts();
    parts.order.date_created = '2018-01-10 21:05:30';
    const result = mapBigCommerceOrder(parts);
    expect(!result.ok && result.reason).toBe('date_created is not an RFC 2822 date with a zone ("2018-01-10 21:05:30")');
  });

  it('refuses a products sub-resource that is not a list, naming it', () => {
    const result = mapBigCommerceOrder({ order: documentedOrder(), products: { url: 'x' }, shippingAddresses: documentedShippingAddresses() });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^products/);
  });

  it('refuses a line whose quantity is not a whole number', () => {
    const products = documentedProducts();
    products[1].quantity = '1';
    const result = mapBigCommerceOrder({ order: documentedOrder(), products, shippingAddresses: documentedShippingAddresses() });
    expect(!result.ok && result.reason).toContain('products.1.quantity');
  });

  it('refuses an order split over two shipping addresses, saying why', () => {
    const addresses = [...documentedShippingAddresses(), { ...documentedShippingAddresses()[0], id: 52 }];
    const result = mapBigCommerceOrder({ order: documentedOrder(), products: documentedProducts(), shippingAddresses: addresses });
    expect(!result.ok && result.reason).toContain('ships to 2 addresses');
  });

  it('refuses physical items without a shipping address', () => {
    const result = mapBigCommerceOrder({ order: documentedOrder(), products: documentedProducts(), shippingAddresses: [] });
    expect(!result.ok && result.reason).toContain('no shipping address');
  });

  it('answers an order that is not an object with a reason and no id', () => {
    const result = mapBigCommerceOrder({ order: 'oops', products: [], shippingAddresses: [] });
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('cartOrderId');
  });
});
