/**
 * An order as the orders.v2 reference shows it (order 100, its products and shipping address examples),
 * trimmed to fields Dockhand reads plus a few it ignores, each call a fresh copy to change.
 */

export function documentedOrder(): Record<string, unknown> {
  return {
    id: 100,
    customer_id: 20,
    date_created: 'Wed, 10 Jan 2018 21:05:30 +0000',
    date_modified: 'Wed, 05 Dec 2018 20:16:55 +0000',
    date_shipped: '',
    status_id: 11,
    status: 'Awaiting Fulfillment',
    subtotal_ex_tax: '336.3200',
    subtotal_inc_tax: '361.9500',
    shipping_cost_ex_tax: '12.0000',
    shipping_cost_inc_tax: '12.9900',
    total_ex_tax: '348.3200',
    total_inc_tax: '373.9500',
    total_tax: '25.6300',
    items_total: 3,
    items_shipped: 0,
    payment_method: 'Credit Card',
    payment_status: 'authorized',
    currency_code: 'USD',
    staff_notes: '',
    customer_message: 'Leave at the back door',
    discount_amount: '1.5900',
    coupon_discount: '10.0000',
    shipping_address_count: 1,
    is_deleted: false,
    billing_address: {
      first_name: 'Jane',
      last_name: 'Doe',
      company: '',
      street_1: '455 Main Street',
      street_2: '',
      city: 'Austin',
      state: 'Texas',
      zip: '78751',
      country: 'United States',
      country_iso2: 'US',
      phone: '555-123-4567',
      email: 'janedoe@example.com',
      form_fields: [],
    },
    products: { url: 'https://api.bigcommerce.com/stores/{store_hash}/v2/orders/100/products', resource: '/orders/100/products' },
    shipping_addresses: { url: 'https://api.bigcommerce.com/stores/{store_hash}/v2/orders/100/shippingaddresses', resource: '/orders/100/shippingaddresses' },
    channel_id: 1,
    external_order_id: 'external-order-id',
  };
}

export function documentedProducts(): Record<string, unknown>[] {
  return [
    {
      id: 65,
      order_id: 100,
      product_id: 77,
      variant_id: 3,
      order_address_id: 51,
      name: 'Fog Linen Chambray Towel - Beige Stripe',
      sku: 'S-ORAN',
      type: 'physical',
      base_price: '55.9900',
      price_ex_tax: '55.9900',
      price_inc_tax: '65.2300',
      quantity: 2,
      quantity_shipped: 0,
      quantity_refunded: 0,
      is_refunded: false,
      wrapping_message: '',
      applied_discounts: [{ id: 'manual-discount', amount: '1.5900', name: 'Manual Discount', code: null, target: 'order' }],
      product_options: [],
    },
    {
      id: 66,
      order_id: 100,
      product_id: 80,
      variant_id: 9,
      order_address_id: 51,
      name: 'Orbit Terrarium - Large',
      sku: 'OTL',
      type: 'physical',
      price_ex_tax: '224.3400',
      quantity: 1,
      quantity_shipped: 0,
      quantity_refunded: 0,
      wrapping_message: '',
      applied_discounts: [],
    },
  ];
}

export function documentedShippingAddresses(): Record<string, unknown>[] {
  return [
    {
      id: 51,
      order_id: 100,
      first_name: 'Trishy',
      last_name: 'Smith',
      company: 'Acme Pty Ltd',
      street_1: '666 Sussex St',
      street_2: '',
      city: 'San Antonio',
      zip: '78251',
      country: 'United States',
      country_iso2: 'US',
      state: 'Texas',
      email: '',
      phone: '',
      items_total: 3,
      items_shipped: 0,
      shipping_method: 'UPS Ground',
      cost_ex_tax: '12.0000',
      cost_inc_tax: '12.9900',
      form_fields: [],
    },
  ];
}

export function documentedParts() {
  return { order: documentedOrder(), products: documentedProducts(), shippingAddresses: documentedShippingAddresses() };
}
