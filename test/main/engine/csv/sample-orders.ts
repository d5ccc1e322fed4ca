import type { CanonicalOrder, OrderLine } from '../../../../shared/domain.js';
import type { OrderForDelivery } from '../../../../main/engine/connectors/wms/wms-connector.js';

/** Realistic canonical orders for CSV tests (not a test file itself). */

export function sampleLine(lineNo: number, overrides: Partial<OrderLine> = {}): OrderLine {
  return {
    lineNo,
    sku: `SKU-${lineNo}`,
    name: `Item ${lineNo}`,
    quantity: lineNo,
    price: `${lineNo}9.99`,
    cartLineId: `gid://shopify/LineItem/${1000 + lineNo}`,
    ...overrides,
  };
}

export function sampleOrder(overrides: Partial<CanonicalOrder> = {}, lineCount = 2): CanonicalOrder {
  return {
    cartOrderId: 'gid://shopify/Order/450789469',
    orderNumber: '#1001',
    poNumber: 'PO-77',
    orderDate: '2026-11-27T05:54:44.000Z',
    updatedAt: '2026-11-27T06:00:00.000Z',
    shipCode: 'Standard Shipping',
    carrier: 'UPS',
    shipTo: {
      firstName: 'Ann',
      lastName: 'Lee',
      company: 'Lee & Sons, Inc.',
      address1: '12 Main St',
      city: 'Springfield',
      state: 'IL',
      zip: '62701',
      country: 'US',
      phone: '+1 555 0100',
      email: 'ann@example.com',
    },
    billTo: { firstName: 'Ann', lastName: 'Lee' },
    currency: 'USD',
    subtotal: '49.97',
    discount: '-5.00',
    tax: '3.50',
    shipping: '4.99',
    total: '53.46',
    lines: Array.from({ length: lineCount }, (_, i) => sampleLine(i + 1)),
    cartState: { canceled: false },
    ...overrides,
  };
}

export function forDelivery(order: CanonicalOrder, mappedShipCode = 'UPSGND', orderSource = 'Shopify'): OrderForDelivery {
  return { order, mappedShipCode, orderSource };
}
