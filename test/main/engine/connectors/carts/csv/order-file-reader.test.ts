import { describe, expect, it } from 'vitest';
import { readOrderFile } from '../../../../../../main/engine/connectors/carts/csv/order-file-reader.js';
import { UnreadableFileError } from '../../../../../../main/engine/files/readers/inbound-table.js';
import { csvOrderMappingSchema } from '../../../../../../shared/platforms/csv.js';

const AT = '2026-11-20T10:00:00.000Z';

const vertical = csvOrderMappingSchema.parse({
  dateFormat: 'DD/MM/YYYY',
  timeZone: 'Europe/Berlin',
  columns: {
    orderNumber: 'Order',
    orderDate: 'Date',
    name: 'Customer',
    address1: 'Street',
    city: 'City',
    zip: 'Zip',
    country: 'Country',
    email: 'Email',
    phone: 'Phone',
    shipCode: 'Ship',
    sku: 'SKU',
    quantity: 'Qty',
    price: 'Price',
    lineId: 'Line',
  },
});

const HEADER = 'Order,Date,Customer,Street,City,Zip,Country,Email,Phone,Ship,SKU,Qty,Price,Line';

function read(text: string | Buffer, mapping = vertical, fileName = 'orders-1.csv') {
  return readOrderFile({ fileName, content: Buffer.isBuffer(text) ? text : Buffer.from(text), modifiedAt: AT }, mapping);
}

describe('reading a CSV order file by its mapping', () => {
  it('groups the rows of a vertical file into one order per order number, with its address, lines and subtotal', () => {
    const { orders, invalid } = read(
      [
        HEADER,
        '1001,03/04/2026,Ada Lovelace,1 Main St,Berlin,10115,DE,ada@example.com,+49 30 1234,STD,MUG-1,2,9.99,A',
        '1001,03/04/2026,Ada Lovelace,1 Main St,Berlin,10115,DE,ada@example.com,+49 30 1234,STD,TEE-2,1,20.00,B',
        '1002,04/04/2026 14:30,Grace Hopper,2 Side St,Hamburg,20095,DE,,,EXP,MUG-1,3,9.99,',
      ].join('\n'),
    );
    expect(invalid).toEqual([]);
    expect(orders.map((o) => o.orderNumber)).toEqual(['1001', '1002']);
    const [first, second] = orders;
    expect(first).toMatchObject({
      cartOrderId: '1001',
      // The 3rd of April (DD/MM/YYYY, never guessed), midnight in Berlin (UTC+2 in April).
      orderDate: '2026-04-02T22:00:00.000Z',
      updatedAt: AT,
      shipCode: 'STD',
      shipTo: { firstName: 'Ada', lastName: 'Lovelace', address1: '1 Main St', city: 'Berlin', zip: '10115', country: 'DE', email: 'ada@example.com', phone: '+49 30 1234' },
      subtotal: '39.98',
      total: '39.98',
    });
    expect(first.lines).toEqual([
      { lineNo: 1, sku: 'MUG-1', quantity: 2, price: '9.99', cartLineId: '1001/A' },
      { lineNo: 2, sku: 'TEE-2', quantity: 1, price: '20.00', cartLineId: '1001/B' },
    ]);
    expect(second.orderDate).toBe('2026-04-04T12:30:00.000Z');
    // Without a line id column value, the item's place in the order is its key.
    expect(second.lines[0].cartLineId).toBe('1002/1');
  });

  it('reports a bad row with file, line and reason, makes its whole order invalid, and keeps the good orders', () => {
    const { orders, invalid } = read(
      [
        HEADER,
        '1001,03/04/2026,Ada,1 Main St,Berlin,10115,DE,,,STD,MUG-1,2,9.99,A',
        '1001,03/04/2026,Ada,1 Main St,Berlin,10115,DE,,,STD,TEE-2,two,9.99,B',
        '1002,31/02/2026,Bob,2 Side St,Hamburg,20095,DE,,,STD,MUG-1,1,9.99,A',
        ',03/04/2026,Eve,3 Lane,Bonn,53111,DE,,,STD,MUG-1,1,9.99,A',
        '1003,03/04/2026,Cy,4 Road,Köln,50667,DE,,,STD,MUG-1,1,9.99,A',
      ].join('\r\n'),
    );
    expect(orders.map((o) => o.orderNumber)).toEqual(['1003']);
    expect(invalid).toEqual([
      { reason: 'orders-1.csv line 5: the order number is empty' },
      { orderNumber: '1001', cartOrderId: '1001', reason: 'Order 1001: orders-1.csv line 3: the quantity "two" is not a whole number' },
      {
        orderNumber: '1002',
        cartOrderId: '1002',
        reason: 'Order 1002: orders-1.csv line 4: the order date "31/02/2026" is not written as DD/MM/YYYY (such as 03/04/2026)',
      },
    ]);
  });

  it('refuses a date in another format than the mapping says instead of guessing it', () => {
    const { orders, invalid } = read([HEADER, '1001,2026-04-03,Ada,1 Main St,Berlin,10115,DE,,,STD,MUG-1,1,9.99,A'].join('\n'));
    expect(orders).toEqual([]);
    expect(invalid[0].reason).toContain('the order date "2026-04-03" is not written as DD/MM/YYYY');
  });

  it('reads a horizontal file with items side by side in numbered columns, skipping empty item slots', () => {
    const mapping = csvOrderMappingSchema.parse({
      layout: 'horizontal',
      maxItemsPerRow: 3,
      columns: { orderNumber: 'PO', name: 'Name', sku: 'Item {n}', quantity: 'Qty {n}', price: 'Price {n}' },
    });
    const { orders, invalid } = read(
      ['PO,Name,Item 1,Qty 1,Price 1,Item 2,Qty 2,Price 2,Item 3,Qty 3,Price 3', 'H-1,Ada,MUG-1,1,5.00,TEE-2,2,7.50,,,', 'H-2,Bob,MUG-1,0,5.00,,,,CAP-3,1,'].join('\n'),
      mapping,
    );
    expect(orders.map((o) => [o.orderNumber, o.lines.map((l) => `${l.sku}x${l.quantity}@${l.price}`)])).toEqual([['H-1', ['MUG-1x1@5.00', 'TEE-2x2@7.50']]]);
    expect(orders[0].subtotal).toBe('20.00');
    expect(invalid).toEqual([{ orderNumber: 'H-2', cartOrderId: 'H-2', reason: 'Order H-2: orders-1.csv line 3: the quantity (item 1) must be at least 1, got 0' }]);
  });

  it('keeps a quoted newline inside a cell and counts lines from where each row starts', () => {
    const { orders, invalid } = read(
      [HEADER, '1001,03/04/2026,Ada,"1 Main St', 'Back door",Berlin,10115,DE,,,STD,MUG-1,1,9.99,A', '1002,03/04/2026,Bob,2 Side St,Hamburg,20095,DE,,,STD,MUG-1,x,9.99,A'].join('\n'),
    );
    expect(orders[0].shipTo.address1).toBe('1 Main St\nBack door');
    expect(invalid[0].reason).toBe('Order 1002: orders-1.csv line 4: the quantity "x" is not a whole number');
  });

  it('reads a file saved with a byte order mark, its first header found', () => {
    const text = `\uFEFF${HEADER}\n1001,03/04/2026,Ada,1 Main St,Berlin,10115,DE,,,STD,MUG-1,1,9.99,A\n`;
    expect(read(Buffer.from(text, 'utf8')).orders.map((o) => o.orderNumber)).toEqual(['1001']);
  });

  it('reads files without a header row by column number, and semicolons as the delimiter', () => {
    const mapping = csvOrderMappingSchema.parse({ delimiter: ';', headerRow: false, columns: { orderNumber: '1', sku: '2', quantity: '3' } });
    const { orders } = read('A-1;MUG-1;2\nA-1;TEE-2;1\n', mapping);
    expect(orders.map((o) => [o.orderNumber, o.lines.length, o.subtotal])).toEqual([['A-1', 2, '0.00']]);
  });

  it('calls a file without the mapped columns, an empty file or a binary one unreadable, naming why', () => {
    expect(() => read('Order,Item\n1,MUG\n')).toThrow(UnreadableFileError);
    expect(() => read('Order,Item\n1,MUG\n')).toThrow(/Missing required columns "Date", "Customer", .*"Ship", "SKU", "Qty", "Price", "Line" \(the header has: "Order", "Item"\)/);
    expect(() => read('')).toThrow(/empty/);
    // A column the mapping names is expected in the file: a missing price column is not a price of 0.
    expect(() => read(HEADER.replace(',Price', ',Cost'))).toThrow(/Missing required column "Price"/);
    expect(() => read('Order,Date,Customer,Street,City,Zip,Country,Email,Phone,Ship\n1\n')).toThrow(/Missing required columns "SKU", "Qty", "Price", "Line"/);
    expect(() => read(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toThrow(/binary/);
  });

  it('reads a header-only file as no orders', () => {
    expect(read(`${HEADER}\n`)).toEqual({ orders: [], invalid: [] });
  });
});

describe('the CSV order mapping record', () => {
  it('asks for numbered columns without a header row, and {n} in a horizontal file\'s item columns', () => {
    const noHeader = csvOrderMappingSchema.safeParse({ headerRow: false, columns: { orderNumber: 'Order', sku: '2', quantity: '3' } });
    expect(noHeader.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['columns.orderNumber', 'Without a header row, name a column by its number (1 = the first column)'],
    ]);
    const horizontal = csvOrderMappingSchema.safeParse({ layout: 'horizontal', columns: { orderNumber: 'PO', sku: 'SKU', quantity: 'Qty{n}' } });
    expect(horizontal.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['columns.sku', 'Put {n} where the item number goes, such as SKU{n}']]);
    const missing = csvOrderMappingSchema.safeParse({ columns: { orderNumber: '', sku: 'SKU', quantity: 'Qty' } });
    expect(missing.error?.issues[0].message).toBe('Enter the column that holds the order number');
  });
});
