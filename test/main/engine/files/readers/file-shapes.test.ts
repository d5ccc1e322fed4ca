import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIRMATION_PROFILE, DEFAULT_INVENTORY_PROFILE } from '../../../../../shared/csv-defaults.js';
import { confirmationFileProfileSchema, inventoryFileProfileSchema } from '../../../../../shared/schemas/csv-profile.js';
import { confirmationRowReader, readConfirmationFile } from '../../../../../main/engine/files/readers/confirmation-reader.js';
import { UnreadableFileError } from '../../../../../main/engine/files/readers/inbound-table.js';
import { inventoryRowReader, readInventoryFile } from '../../../../../main/engine/files/readers/inventory-reader.js';
import { readAll } from '../../../../../main/engine/files/readers/row-reader.js';

const inventory = (content: Buffer | string, profile: Record<string, unknown> = {}) =>
  readInventoryFile('stock.csv', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), inventoryFileProfileSchema.parse({ ...DEFAULT_INVENTORY_PROFILE, ...profile }));

describe('inbound files of every shape', () => {
  it.each([
    [',', 'SKU,Quantity\r\nA,1\r\n'],
    [';', 'SKU;Quantity\nA;1\n'],
    ['\t', 'SKU\tQuantity\rA\t1\r'],
    ['|', 'SKU|Quantity\nA|1'],
  ])('read delimiter %j with CRLF, LF or CR line ends', (delimiter, text) => {
    expect(inventory(text, { delimiter }).rows).toEqual([{ sku: 'A', quantity: 1, line: 2 }]);
  });

  it('read UTF-8 with and without a BOM, Windows-1252 detected or named, and UTF-16 with its BOM alike', () => {
    const text = 'SKU,Quantity\nMüller-Ä,3\n';
    const expected = [{ sku: 'Müller-Ä', quantity: 3, line: 2 }];
    expect(inventory(Buffer.from(text, 'utf8')).rows).toEqual(expected);
    expect(inventory(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])).rows).toEqual(expected);
    expect(inventory(Buffer.from(text, 'latin1')).rows).toEqual(expected);
    expect(inventory(Buffer.from(text, 'latin1'), { encoding: 'windows-1252' }).rows).toEqual(expected);
    expect(inventory(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).rows).toEqual(expected);
    // € is 0x80 in Windows-1252 (not in Latin-1).
    expect(inventory(Buffer.from([...Buffer.from('SKU,Quantity\n'), 0x80, ...Buffer.from('-1,2\n')])).rows[0].sku).toBe('€-1');
  });

  it('decide a stream’s encoding on its first 64 KB, and refuse bytes after that which are not UTF-8, naming the line', async () => {
    const good = 'SKU,Quantity\n' + 'A,1\n'.repeat(20_000);
    const file = Buffer.concat([Buffer.from(good), Buffer.from([0xfc]), Buffer.from(',1\n')]);
    const chunks = [file.subarray(0, 65_536), file.subarray(65_536)];
    await expect(readAll(inventoryRowReader('i.csv', DEFAULT_INVENTORY_PROFILE), chunks)).rejects.toThrow(/not valid UTF-8 on line 20002 \(set the format.s encoding to Windows-1252/);
    // Read whole, the file is one sample: its one odd byte makes it Windows-1252.
    expect(inventory(file).rows.at(-1)).toEqual({ sku: 'ü', quantity: 1, line: 20_002 });
  });

  it('keep quoted newlines, delimiters and quotes inside cells, counting lines as an editor does', () => {
    const { rows, rowErrors } = inventory('SKU,Quantity,Location\n"A\nB","1","x, ""y"""\nC,2,\n');
    expect(rowErrors).toEqual([]);
    expect(rows).toEqual([
      { sku: 'A\nB', quantity: 1, location: 'x, "y"', line: 2 },
      { sku: 'C', quantity: 2, line: 4 },
    ]);
  });

  it('report ragged rows and broken quotes per row, and read the rows around them', () => {
    const { rows, rowErrors } = inventory('SKU,Quantity\nA,1\nB,2,oops\n"C"x,3\nD\nE,5\n');
    expect(rows.map((r) => r.sku)).toEqual(['A', 'E']);
    expect(rowErrors).toEqual([
      { file: 'stock.csv', line: 3, reason: 'the row has 3 cells but the header has 2 (a delimiter inside a cell that is not quoted?)' },
      { file: 'stock.csv', line: 4, reason: 'A quoted cell has text after its closing quote (check the quotes on this row)' },
      { file: 'stock.csv', line: 5, reason: 'quantity is empty' },
    ]);
  });

  it('report an unclosed quote on its row without taking the file down', () => {
    const { rows, rowErrors } = inventory('SKU,Quantity\nA,1\n"B,2\nC,3\n');
    expect(rows).toEqual([{ sku: 'A', quantity: 1, line: 2 }]);
    expect(rowErrors).toEqual([{ file: 'stock.csv', line: 3, reason: expect.stringContaining('not closed before the end of the file') }]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'The file is empty'],
    ['a file of blank lines', Buffer.from('\r\n\r\n,,\r\n'), 'The file has no rows'],
    ['a binary file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'not a text file'],
    ['a header-only inventory file', Buffer.from('SKU,Quantity\r\n'), 'a header row but no data rows'],
  ])('refuse %s as a whole, saying why', (_name, content, message) => {
    expect(() => inventory(content)).toThrow(UnreadableFileError);
    expect(() => inventory(content)).toThrow(message);
  });

  it('take a header-only confirmation file as nothing shipped', () => {
    expect(readConfirmationFile('c.csv', Buffer.from('Order Number,SKU,Quantity,Carrier,Tracking Number,Ship Date\n'), DEFAULT_CONFIRMATION_PROFILE)).toEqual({ rows: [], rowErrors: [] });
  });

  it('ignore columns the format does not name, read constants, and run each column through its transforms', () => {
    const { rows, rowErrors } = inventory('Bin;Item;Junk;On hand\nA1;00042;;1.234\nB2;7;zz;12\n', {
      delimiter: ';',
      columns: {
        sku: { source: { kind: 'column', column: 'Item' }, transforms: [{ kind: 'pad', length: 6, char: '0' }, { kind: 'prefix', action: 'add', value: 'SKU-' }] },
        quantity: { source: { kind: 'column', column: 'On hand' }, transforms: [{ kind: 'number', decimalSeparator: ',', thousands: '.' }] },
        location: { source: { kind: 'constant', value: 'MAIN' } },
      },
    });
    expect(rowErrors).toEqual([]);
    expect(rows).toEqual([
      { sku: 'SKU-42', quantity: 1234, location: 'MAIN', line: 2 },
      { sku: 'SKU-7', quantity: 12, location: 'MAIN', line: 3 },
    ]);
  });

  it('read a confirmation whose order number comes from a PO column with a prefix, and whose store column names the cart', () => {
    const profile = confirmationFileProfileSchema.parse({
      columns: {
        orderSource: 'Store',
        orderNumber: { source: { kind: 'column', column: 'Customer PO' }, transforms: [{ kind: 'prefix', action: 'strip', value: 'PO' }, { kind: 'prefix', action: 'add', value: '#' }] },
        sku: 'Item',
        quantity: 'Qty',
        shipDate: { source: { kind: 'column', column: 'Shipped' }, transforms: [{ kind: 'date', format: 'UNIX_SECONDS' }] },
      },
    });
    const file = 'Store,Customer PO,Item,Qty,Shipped,Order Number\nAcme EU,PO1001,A,2,1795758884,999\n';
    expect(readConfirmationFile('c.csv', Buffer.from(file), profile)).toEqual({
      rows: [{ orderSource: 'Acme EU', orderNumber: '#1001', sku: 'A', quantity: 2, carrier: '', trackingNumber: '', shipDate: '2026-11-27T05:54:44.000Z', line: 2 }],
      rowErrors: [],
    });
  });

  it('refuse a format that needs a column the file lacks, naming it and the header', () => {
    const profile = confirmationFileProfileSchema.parse({ groupBy: 'shipmentId', columns: { orderNumber: 'Order', sku: 'SKU', quantity: 'Qty', shipDate: 'Date', shipmentId: 'Shipment' } });
    expect(() => readConfirmationFile('c.csv', Buffer.from('Order,SKU,Qty,Date\n1,A,1,2026-11-27\n'), profile)).toThrow('Missing required column "Shipment" (the header has: "Order", "SKU", "Qty", "Date")');
    expect(confirmationFileProfileSchema.safeParse({ groupBy: 'shipmentId', columns: { orderNumber: 'O', sku: 'S', quantity: 'Q', shipDate: 'D' } }).success).toBe(false);
  });

  it('read a file fed one byte at a time exactly as the whole file (chunk edges inside quotes, CRLF and multi-byte characters)', async () => {
    const text = '\uFEFFOrder Number,SKU,Quantity,Carrier,Tracking Number,Ship Date\r\n"#1\r\n001",Müll€r,2,UPS,"1Z""9",2026-11-27\r\n#2,B,x,UPS,1Z2,2026-11-27\r\n#3,C,1,UPS,1Z3,11/28/2026\r\n';
    const bytes = Buffer.from(text, 'utf8');
    const whole = readConfirmationFile('c.csv', bytes, DEFAULT_CONFIRMATION_PROFILE);
    const oneByOne = await readAll(confirmationRowReader('c.csv', DEFAULT_CONFIRMATION_PROFILE), Array.from(bytes, (b) => Buffer.from([b])));
    expect(oneByOne).toEqual(whole);
    expect(whole.rows.map((r) => [r.orderNumber, r.sku, r.trackingNumber, r.line])).toEqual([
      ['#1\r\n001', 'Müll€r', '1Z"9', 2],
      ['#3', 'C', '1Z3', 5],
    ]);
    expect(whole.rowErrors).toEqual([{ file: 'c.csv', line: 4, reason: 'quantity "x" is not a whole number' }]);
    const inv = Buffer.from('SKU,Quantity\n' + Array.from({ length: 5000 }, (_, i) => `S${i},${i}`).join('\n'));
    const chunks = [inv.subarray(0, 7), inv.subarray(7, 70_001), inv.subarray(70_001)];
    expect(await readAll(inventoryRowReader('i.csv', DEFAULT_INVENTORY_PROFILE), chunks)).toEqual(readInventoryFile('i.csv', inv, DEFAULT_INVENTORY_PROFILE));
  });
});
