import { sampleLine, sampleOrder } from '../csv/sample-orders.js';
import { forDelivery } from '../csv/sample-orders.js';
import type { OrderForDelivery } from '../../../../main/engine/files/row-types.js';

/**
 * Order profiles exactly as installations saved them before the transform registry (JSON literals of
 * the first schema: date formats as an enum, only date/cut/join transforms), and orders that exercise
 * every old transform. Their files were written by the old writer into fixtures/old-profiles/ and must
 * never change by a byte.
 */
export const OLD_ORDER_PROFILES: Record<string, unknown> = {
  'every-old-date-format': {
    name: 'Dates',
    delimiter: ';',
    headerRow: true,
    layout: 'vertical',
    maxItemsPerRow: 10,
    lineEnding: 'lf',
    columns: [
      { header: 'No', source: { kind: 'field', field: 'orderNumber' } },
      { header: 'D1', source: { kind: 'field', field: 'orderDate' }, transforms: [{ kind: 'date', format: 'YYYY-MM-DD' }] },
      { header: 'D2', source: { kind: 'field', field: 'orderDate' }, transforms: [{ kind: 'date', format: 'MM/DD/YYYY', timeZone: 'America/Los_Angeles' }] },
      { header: 'D3', source: { kind: 'field', field: 'orderDate' }, transforms: [{ kind: 'date', format: 'DD/MM/YYYY', timeZone: 'Asia/Tokyo' }] },
      { header: 'D4', source: { kind: 'field', field: 'orderDate' }, transforms: [{ kind: 'date', format: 'YYYYMMDD', timeZone: 'Pacific/Kiritimati' }] },
      { header: 'D5', source: { kind: 'field', field: 'orderDate' }, transforms: [{ kind: 'date', format: 'ISO', timeZone: 'America/New_York' }] },
      { header: 'D6', source: { kind: 'field', field: 'orderDate' }, transforms: [{ kind: 'date', format: 'ISO' }] },
      { header: 'Ship by', source: { kind: 'field', field: 'requestedShipDate' }, transforms: [{ kind: 'date', format: 'ISO', timeZone: 'Asia/Kolkata' }] },
      { header: 'Ship by US', source: { kind: 'field', field: 'requestedShipDate' }, transforms: [{ kind: 'date', format: 'MM/DD/YYYY', timeZone: 'Asia/Kolkata' }] },
      { header: 'Not a date', source: { kind: 'field', field: 'poNumber' }, transforms: [{ kind: 'date', format: 'YYYY-MM-DD' }] },
      { header: 'SKU', source: { kind: 'field', field: 'line.sku' } },
    ],
  },
  'cut-join-constant-horizontal': {
    name: 'Horizontal',
    delimiter: '|',
    headerRow: true,
    layout: 'horizontal',
    maxItemsPerRow: 3,
    lineEnding: 'crlf',
    columns: [
      { header: 'Client', source: { kind: 'constant', value: 'ACME-01' } },
      { header: 'Name', source: { kind: 'field', field: 'shipTo.firstName' }, transforms: [{ kind: 'join', fields: ['shipTo.firstName', 'shipTo.lastName'], separator: ' ' }, { kind: 'cut', length: 6 }] },
      { header: 'Street', source: { kind: 'field', field: 'shipTo.address1' }, transforms: [{ kind: 'cut', length: 4 }] },
      { header: 'Emoji', source: { kind: 'field', field: 'giftMessage' }, transforms: [{ kind: 'cut', length: 3 }] },
      { header: 'Item{n}', source: { kind: 'field', field: 'line.sku' } },
      { header: 'Qty', source: { kind: 'field', field: 'line.quantity' } },
      { header: 'Label', source: { kind: 'field', field: 'line.name' }, transforms: [{ kind: 'join', fields: ['line.sku', 'orderNumber'], separator: '/' }] },
      { header: 'Phone', source: { kind: 'field', field: 'shipTo.phone' } },
      { header: 'Discount', source: { kind: 'field', field: 'discount' } },
      { header: 'Formula', source: { kind: 'field', field: 'shippingInstructions' } },
    ],
  },
  'no-header-tab': {
    name: 'Tabbed',
    delimiter: '\t',
    headerRow: false,
    columns: [
      { header: '=Order', source: { kind: 'field', field: 'orderNumber' } },
      { header: 'Lot', source: { kind: 'field', field: 'line.lot' }, transforms: [] },
      { header: 'Note', source: { kind: 'field', field: 'line.comment' } },
      { header: 'Ordered', source: { kind: 'field', field: 'line.orderedQuantity' } },
      { header: 'Custom', source: { kind: 'field', field: 'customField2' } },
    ],
  },
};

/** Orders that reach every branch of the old transforms: zones, calendar dates, emoji, formulas, quotes. */
export function oldProfileOrders(): OrderForDelivery[] {
  return [
    forDelivery(sampleOrder({ requestedShipDate: '2026-12-01', giftMessage: '🎁🎄🎅🤶', shippingInstructions: '=HYPERLINK("x")' })),
    forDelivery(
      sampleOrder(
        {
          cartOrderId: 'o2',
          orderNumber: '1002',
          orderDate: '2026-03-08T10:30:15.123Z',
          poNumber: 'not-a-date',
          shipTo: { firstName: 'Zoë', lastName: 'Müller, "Jr"', address1: 'Line\nbreak', phone: '+14155550100' },
          discount: '-12.50',
          shippingInstructions: '@SUM(1)',
          customFields: ['a', 'Multi; value'],
        },
        3,
      ),
      'FEDEX',
      'Woo',
    ),
    forDelivery(sampleOrder({ cartOrderId: 'o3', orderNumber: '-5', orderDate: '2026-11-01T06:59:59.000Z', lines: [sampleLine(1, { lot: 'L-1', comment: '+comment', quantity: 2, orderedQuantity: 3 })] })),
  ];
}
