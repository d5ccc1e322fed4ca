import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { orderFileProfileSchema, type OrderFileProfile } from '../../../../../shared/schemas/csv-profile.js';
import { orderFileBuilder, writeOrderFile } from '../../../../../main/engine/files/writer/order-file-writer.js';
import { forDelivery, sampleLine, sampleOrder } from '../../csv/sample-orders.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const profile = (p: Omit<z.input<typeof orderFileProfileSchema>, 'name'>): OrderFileProfile =>
  orderFileProfileSchema.parse({ name: 'test', ...p });

const verticalProfile = profile({
  lineEnding: 'lf',
  columns: [
    { header: 'Order Number', source: { kind: 'field', field: 'orderNumber' } },
    { header: 'Order Date', source: { kind: 'field', field: 'orderDate' }, transforms: [{ kind: 'date', format: 'MM/DD/YYYY', timeZone: 'America/Los_Angeles' }] },
    { header: 'Ship Method', source: { kind: 'field', field: 'shipCode' } },
    { header: 'Name', source: { kind: 'field', field: 'shipTo.firstName' }, transforms: [{ kind: 'join', fields: ['shipTo.lastName'], separator: ' ' }] },
    { header: 'Company', source: { kind: 'field', field: 'shipTo.company' } },
    { header: 'Warehouse', source: { kind: 'constant', value: 'MAIN' } },
    { header: 'SKU', source: { kind: 'field', field: 'line.sku' } },
    { header: 'Qty', source: { kind: 'field', field: 'line.quantity' } },
    { header: 'Price', source: { kind: 'field', field: 'line.price' } },
    { header: 'Discount', source: { kind: 'field', field: 'discount' } },
  ],
});

const horizontalProfile = profile({
  layout: 'horizontal',
  maxItemsPerRow: 3,
  delimiter: ';',
  columns: [
    { header: 'Order', source: { kind: 'field', field: 'orderNumber' } },
    { header: 'Item{n}_SKU', source: { kind: 'field', field: 'line.sku' } },
    { header: 'Item{n}_Qty', source: { kind: 'field', field: 'line.quantity' } },
    { header: 'Ship Via', source: { kind: 'field', field: 'shipCode' } },
    { header: 'Price', source: { kind: 'field', field: 'line.price' } },
  ],
});

/** The file as text, for comparing with fixtures. */
const write = (...args: Parameters<typeof writeOrderFile>) => {
  const out = writeOrderFile(...args);
  return { ...out, content: out.content.toString('utf8') };
};

describe('writeOrderFile', () => {
  it('writes the vertical layout with one row per line item and the order columns repeated', () => {
    const orders = [
      forDelivery(sampleOrder()),
      forDelivery(sampleOrder({ cartOrderId: 'o2', orderNumber: '#1002', shipTo: { firstName: 'Bo', company: 'Bo "Best" Co' } }, 1), 'FDX2D'),
    ];
    const out = write(verticalProfile, { batchId: 'b1', merchantCode: 'ACME', orders });
    expect(out.content).toBe(fixture('vertical.csv'));
    expect(out.written).toEqual(['gid://shopify/Order/450789469', 'o2']);
    expect(out.rejected).toEqual([]);
  });

  it('writes the horizontal layout with item slots numbered in the headers and empty unused slots', () => {
    const orders = [forDelivery(sampleOrder({}, 2)), forDelivery(sampleOrder({ cartOrderId: 'o3', orderNumber: '#1003' }, 3))];
    const out = write(horizontalProfile, { batchId: 'b1', merchantCode: 'ACME', orders });
    expect(out.content).toBe(fixture('horizontal.csv'));
  });

  it('rejects an order with more lines than the horizontal slots and still writes the others', () => {
    const orders = [forDelivery(sampleOrder({ cartOrderId: 'big', orderNumber: '#2000' }, 4)), forDelivery(sampleOrder({ cartOrderId: 'ok' }, 1))];
    const out = write(horizontalProfile, { batchId: 'b1', merchantCode: 'ACME', orders });
    expect(out.written).toEqual(['ok']);
    expect(out.rejected).toEqual([{ cartOrderId: 'big', reason: expect.stringContaining('#2000 has 4 lines') }]);
    expect(out.rejected[0].reason).toContain('at most 3 items per row');
    expect(out.content.split('\r\n').filter(Boolean)).toHaveLength(2);
  });

  it('asks for the quantity still to ship and leaves out lines the cart fulfilled, keeping the ordered quantity at hand', () => {
    const partial = sampleOrder({
      lines: [
        sampleLine(1, { quantity: 1, orderedQuantity: 3 }),
        sampleLine(2, { quantity: 0, orderedQuantity: 2 }),
        sampleLine(3, { quantity: 4 }),
      ],
    });
    const p = profile({
      lineEnding: 'lf',
      columns: [
        { header: 'Line', source: { kind: 'field', field: 'line.lineNo' } },
        { header: 'SKU', source: { kind: 'field', field: 'line.sku' } },
        { header: 'Quantity', source: { kind: 'field', field: 'line.quantity' } },
        { header: 'Ordered', source: { kind: 'field', field: 'line.orderedQuantity' } },
      ],
    });
    const out = write(p, { batchId: 'b1', merchantCode: 'A', orders: [forDelivery(partial)] });
    expect(out.content).toBe('Line,SKU,Quantity,Ordered\n1,SKU-1,1,3\n3,SKU-3,4,4\n');
  });

  it('counts only the lines to ship against the horizontal item slots', () => {
    const lines = [sampleLine(1, { quantity: 0, orderedQuantity: 1 }), sampleLine(2), sampleLine(3), sampleLine(4)];
    const out = write(horizontalProfile, { batchId: 'b1', merchantCode: 'A', orders: [forDelivery(sampleOrder({ lines }))] });
    expect(out.rejected).toEqual([]);
    expect(out.content.split('\r\n')[1]).toBe('#1001;SKU-2;2;SKU-3;3;SKU-4;4;UPSGND;29.99;39.99;49.99');
  });

  it('rejects an order whose lines the cart fulfilled entirely, should one reach a file', () => {
    const done = sampleOrder({ cartOrderId: 'done', lines: [sampleLine(1, { quantity: 0, orderedQuantity: 1 })] });
    const out = write(verticalProfile, { batchId: 'b1', merchantCode: 'A', orders: [forDelivery(done)] });
    expect(out.rejected).toEqual([{ cartOrderId: 'done', reason: 'Order #1001 has nothing left to ship: the cart already fulfilled every line' }]);
  });

  it('rejects an order without line items', () => {
    const out = write(verticalProfile, { batchId: 'b1', merchantCode: 'A', orders: [forDelivery(sampleOrder({ cartOrderId: 'empty' }, 0))] });
    expect(out.rejected).toEqual([{ cartOrderId: 'empty', reason: 'Order #1001 has no line items to send' }]);
    expect(out.content).toBe('Order Number,Order Date,Ship Method,Name,Company,Warehouse,SKU,Qty,Price,Discount\n');
  });

  it('neutralises cells that a spreadsheet would run as formulas but leaves negative amounts and phone numbers alone', () => {
    const evil = sampleOrder({
      orderNumber: '=HYPERLINK("http://x.test","click")',
      shipTo: { firstName: '@SUM(A1)', lastName: '', company: '+A1*2', address1: '-2+3', city: '\tTab', state: '\rCR' },
      discount: '-5.00',
      lines: [sampleLine(1, { sku: '-SKU', price: '-3' })],
    });
    const p = profile({
      columns: [
        { header: '=Header', source: { kind: 'field', field: 'orderNumber' } },
        { header: 'First', source: { kind: 'field', field: 'shipTo.firstName' } },
        { header: 'Company', source: { kind: 'field', field: 'shipTo.company' } },
        { header: 'Address', source: { kind: 'field', field: 'shipTo.address1' } },
        { header: 'City', source: { kind: 'field', field: 'shipTo.city' } },
        { header: 'State', source: { kind: 'field', field: 'shipTo.state' } },
        { header: 'Discount', source: { kind: 'field', field: 'discount' } },
        { header: 'SKU', source: { kind: 'field', field: 'line.sku' } },
        { header: 'Price', source: { kind: 'field', field: 'line.price' } },
        { header: 'Const', source: { kind: 'constant', value: '=1+1' } },
      ],
    });
    const out = write(p, { batchId: 'b', merchantCode: 'A', orders: [forDelivery(evil)] });
    const [header, row] = Papa.parse<string[]>(out.content, { skipEmptyLines: true }).data;
    expect(header[0]).toBe("'=Header");
    expect(row).toEqual([
      `'=HYPERLINK("http://x.test","click")`,
      "'@SUM(A1)",
      "'+A1*2",
      "'-2+3",
      "'\tTab",
      "'\rCR",
      '-5.00',
      "'-SKU",
      '-3',
      "'=1+1",
    ]);
  });

  it('quotes cells holding the delimiter, quotes or line breaks and nothing else', () => {
    const order = sampleOrder({ giftMessage: 'Happy\nbirthday', shipTo: { company: 'Lee, Inc.', city: 'He said "hi"' } }, 1);
    const p = profile({
      lineEnding: 'lf',
      columns: [
        { header: 'Gift', source: { kind: 'field', field: 'giftMessage' } },
        { header: 'Company', source: { kind: 'field', field: 'shipTo.company' } },
        { header: 'City', source: { kind: 'field', field: 'shipTo.city' } },
        { header: 'SKU', source: { kind: 'field', field: 'line.sku' } },
      ],
    });
    const out = write(p, { batchId: 'b', merchantCode: 'A', orders: [forDelivery(order)] });
    expect(out.content).toBe('Gift,Company,City,SKU\n"Happy\nbirthday","Lee, Inc.","He said ""hi""",SKU-1\n');
  });

  it('applies cut and date transforms and leaves out the header row when the profile has none', () => {
    const order = sampleOrder({ requestedShipDate: '2026-12-01', shipTo: { address1: '1234567890 Very Long Street Name' } }, 1);
    const p = profile({
      headerRow: false,
      lineEnding: 'lf',
      delimiter: '|',
      columns: [
        { header: 'Addr', source: { kind: 'field', field: 'shipTo.address1' }, transforms: [{ kind: 'cut', length: 10 }] },
        // An instant is shown in the zone: 05:54Z is still the 26th in Los Angeles, already the 27th in Tokyo.
        { header: 'LA', source: { kind: 'field', field: 'orderDate' }, transforms: [{ kind: 'date', format: 'YYYY-MM-DD', timeZone: 'America/Los_Angeles' }] },
        { header: 'Tokyo', source: { kind: 'field', field: 'orderDate' }, transforms: [{ kind: 'date', format: 'ISO', timeZone: 'Asia/Tokyo' }] },
        { header: 'UTC', source: { kind: 'field', field: 'orderDate' }, transforms: [{ kind: 'date', format: 'YYYYMMDD' }] },
        // A calendar date is never shifted by a zone.
        { header: 'Ship by', source: { kind: 'field', field: 'requestedShipDate' }, transforms: [{ kind: 'date', format: 'DD/MM/YYYY', timeZone: 'America/Los_Angeles' }] },
        { header: 'Joined', source: { kind: 'field', field: 'shipTo.city' }, transforms: [{ kind: 'join', fields: ['line.sku', 'poNumber'], separator: '/' }, { kind: 'cut', length: 9 }] },
      ],
    });
    const out = write(p, { batchId: 'b', merchantCode: 'A', orders: [forDelivery(order)] });
    expect(out.content).toBe('1234567890|2026-11-26|2026-11-27T14:54:44+09:00|20261127|01/12/2026|SKU-1/PO-\n');
  });

  it('writes thousands of orders in several chunks without losing or reordering a row', () => {
    const orders = Array.from({ length: 1200 }, (_, i) => forDelivery(sampleOrder({ cartOrderId: `o${i}`, orderNumber: `#${i}` }, 2)));
    const out = write(verticalProfile, { batchId: 'b', merchantCode: 'A', orders });
    const lines = out.content.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1 + 2400);
    expect(lines.map((l) => l.split(',')[0]).filter((_, i) => i % 2 === 1)).toEqual(orders.map((o) => o.order.orderNumber));
  });

  it('builds the same file order by order as in one call, rejections included', () => {
    const orders = Array.from({ length: 1200 }, (_, i) =>
      forDelivery(sampleOrder({ cartOrderId: `o${i}`, orderNumber: `#${i}` }, i % 5 === 0 ? 4 : 2)),
    );
    const whole = writeOrderFile(horizontalProfile, { batchId: 'b1', merchantCode: 'ACME', orders });
    const builder = orderFileBuilder(horizontalProfile, { batchId: 'b1', merchantCode: 'ACME' });
    for (const item of orders) builder.add(item);
    const built = builder.finish();
    expect(built.content.equals(whole.content)).toBe(true);
    expect(built.written).toEqual(whole.written);
    expect(built.rejected).toHaveLength(240);
    expect(built.rejected).toEqual(whole.rejected);
  });
});

describe('the Carrier column', () => {
  const carrierProfile = profile({
    lineEnding: 'lf',
    columns: [
      { header: 'Order', source: { kind: 'field', field: 'orderNumber' } },
      { header: 'Ship Method', source: { kind: 'field', field: 'shipCode' } },
      { header: 'Carrier', source: { kind: 'field', field: 'carrier' } },
    ],
  });
  const carrierOf = (content: Buffer) => Papa.parse<string[]>(content.toString('utf8').trim()).data.slice(1).map((row) => row[2]);

  it('is filled from the ship method the order is mapped to, even when the cart sent no carrier', () => {
    // It was the cart's carrier, which Shopify never sends: an empty column the warehouse had to guess.
    const file = writeOrderFile(carrierProfile, {
      batchId: 'B1',
      merchantCode: 'ACME',
      carriers: new Map([['UPSGND', 'UPS'], ['FDX2', 'FedEx']]),
      orders: [forDelivery(sampleOrder({ orderNumber: '1', carrier: undefined }), 'UPSGND'), forDelivery(sampleOrder({ orderNumber: '2', carrier: undefined }), 'FDX2')],
    });
    expect(carrierOf(file.content)).toEqual(['UPS', 'UPS', 'FedEx', 'FedEx']);
  });

  it("keeps the cart's carrier when the ship method names none", () => {
    const file = writeOrderFile(carrierProfile, {
      batchId: 'B1',
      merchantCode: 'ACME',
      carriers: new Map(),
      orders: [forDelivery(sampleOrder({ orderNumber: '1', carrier: 'DHL' }, 1), 'UNKNOWN')],
    });
    expect(carrierOf(file.content)).toEqual(['DHL']);
  });
});
