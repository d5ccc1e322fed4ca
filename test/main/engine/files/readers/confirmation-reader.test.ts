import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIRMATION_PROFILE } from '../../../../../shared/csv-defaults.js';
import { confirmationFileProfileSchema } from '../../../../../shared/schemas/csv-profile.js';
import { readConfirmationFile } from '../../../../../main/engine/files/readers/confirmation-reader.js';
import { UnreadableFileError } from '../../../../../main/engine/files/readers/inbound-table.js';

const read = (text: string | Buffer, profile = DEFAULT_CONFIRMATION_PROFILE) =>
  readConfirmationFile('ship-1.csv', Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), profile);

const HEADER = 'Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date,Cost,Weight';

describe('readConfirmationFile', () => {
  it('reads good rows into typed rows with their line numbers and keeps partial shipments as separate rows', () => {
    const file = [
      HEADER,
      '#1001,SKU-1,1,UPS,Ground,1Z999,2026-11-27,7.50,1.2',
      '#1001,SKU-2,2,UPS,Ground,1Z999,2026-11-27,,',
      '#1001,SKU-2,1,FDX,2Day,7788,11/28/2026,,',
    ].join('\r\n');
    const { rows, rowErrors } = read(file);
    expect(rowErrors).toEqual([]);
    expect(rows).toEqual([
      { orderNumber: '#1001', sku: 'SKU-1', quantity: 1, carrier: 'UPS', service: 'Ground', trackingNumber: '1Z999', shipDate: '2026-11-27T00:00:00.000Z', cost: '7.50', weight: '1.2', line: 2 },
      { orderNumber: '#1001', sku: 'SKU-2', quantity: 2, carrier: 'UPS', service: 'Ground', trackingNumber: '1Z999', shipDate: '2026-11-27T00:00:00.000Z', line: 3 },
      { orderNumber: '#1001', sku: 'SKU-2', quantity: 1, carrier: 'FDX', service: '2Day', trackingNumber: '7788', shipDate: '2026-11-28T00:00:00.000Z', line: 4 },
    ]);
  });

  it('reports each bad row with file, line and reason while the good rows still come through', () => {
    const file = [
      HEADER,
      '#1001,SKU-1,1,UPS,,1Z1,2026-11-27,,',
      '#1002,SKU-1,0,UPS,,1Z2,2026-11-27,,',
      '#1003,SKU-1,two,UPS,,1Z3,2026-11-27,,',
      ',SKU-1,1,UPS,,1Z4,2026-11-27,,',
      '#1005,SKU-1,1,UPS,,,someday,abc,',
      '',
      '#1006,SKU-9,3,USPS,,9400,2026-11-27T10:00:00-08:00,,',
    ].join('\n');
    const { rows, rowErrors } = read(file);
    expect(rows.map((r) => [r.orderNumber, r.line])).toEqual([
      ['#1001', 2],
      ['#1006', 8],
    ]);
    expect(rows[1].shipDate).toBe('2026-11-27T18:00:00.000Z');
    expect(rowErrors).toEqual([
      { file: 'ship-1.csv', line: 3, reason: 'quantity must be at least 1, got 0' },
      { file: 'ship-1.csv', line: 4, reason: 'quantity "two" is not a whole number' },
      { file: 'ship-1.csv', line: 5, reason: 'order number is empty' },
      {
        file: 'ship-1.csv',
        line: 6,
        reason: 'tracking number is empty; ship date "someday" is not a date (use YYYY-MM-DD, MM/DD/YYYY or ISO 8601); cost "abc" is not a decimal number',
      },
    ]);
  });

  it('counts lines inside quoted cells so reported line numbers match the file', () => {
    const file = `${HEADER}\n"#1001","SKU\n1",1,UPS,,1Z1,2026-11-27,,\n#1002,SKU-2,-1,UPS,,1Z2,2026-11-27,,\n`;
    const { rows, rowErrors } = read(file);
    expect(rows[0]).toMatchObject({ sku: 'SKU\n1', line: 2 });
    expect(rowErrors).toEqual([{ file: 'ship-1.csv', line: 4, reason: 'quantity -1 is negative' }]);
  });

  it('strips a BOM, trims cells, matches headers ignoring case and reads dates in the profile zone', () => {
    const profile = confirmationFileProfileSchema.parse({ ...DEFAULT_CONFIRMATION_PROFILE, timeZone: 'America/Chicago' });
    const file = '\uFEFF order number ; sku;QUANTITY;Carrier;Tracking Number;Ship Date\r\n  #7 ; A1 ; 4 ; DHL ; JD01 ; 2026-11-27 08:00 \r\n';
    const { rows, rowErrors } = read(file, { ...profile, delimiter: ';' });
    expect(rowErrors).toEqual([]);
    expect(rows).toEqual([
      { orderNumber: '#7', sku: 'A1', quantity: 4, carrier: 'DHL', trackingNumber: 'JD01', shipDate: '2026-11-27T14:00:00.000Z', line: 2 },
    ]);
  });

  it('reads files without a header row by column position', () => {
    const profile = confirmationFileProfileSchema.parse({
      headerRow: false,
      columns: { orderNumber: 2, sku: 3, quantity: 4, carrier: 5, trackingNumber: 6, shipDate: 1 },
    });
    const { rows, rowErrors } = read('20261127|#9|S|1|UPS|1Z\n20261127|#10|S\n', { ...profile, delimiter: '|' });
    expect(rows).toEqual([{ orderNumber: '#9', sku: 'S', quantity: 1, carrier: 'UPS', trackingNumber: '1Z', shipDate: '2026-11-27T00:00:00.000Z', line: 1 }]);
    expect(rowErrors).toHaveLength(1);
    expect(rowErrors[0]).toMatchObject({ line: 2, reason: expect.stringContaining('quantity is empty') });
  });

  it('reads a Windows-1252 file without mangling it', () => {
    const file = Buffer.concat([Buffer.from(`${HEADER}\n#1,M`, 'latin1'), Buffer.from([0xfc]), Buffer.from('LLER,1,UPS,,1Z,2026-11-27,,\n', 'latin1')]);
    expect(read(file).rows[0].sku).toBe('MüLLER');
  });

  it.each([
    ['an empty file', '', 'The file is empty'],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), 'not a text file'],
    ['missing required columns', 'Order,SKU,Qty\n1,2,3\n', 'Missing required columns "Order Number", "Quantity", "Carrier", "Tracking Number", "Ship Date"'],
    ['the wrong delimiter', `${HEADER.replaceAll(',', ';')}\n1;2;3;4;5;6;7;8;9\n`, 'the header has: "Order Number;SKU'],
  ])('refuses %s as unreadable', (_name, content, message) => {
    expect(() => read(content as string | Buffer)).toThrow(UnreadableFileError);
    expect(() => read(content as string | Buffer)).toThrow(message);
  });

  it('reads a header without rows as nothing shipped, not as an unreadable file', () => {
    expect(read(`${HEADER}\r\n`)).toEqual({ rows: [], rowErrors: [] });
    expect(read(`${HEADER}\r\n\r\n,,,,,,,,\r\n`)).toEqual({ rows: [], rowErrors: [] });
  });

  it('reads the order source column when the file has one, and leaves it out when the cell or the column is empty', () => {
    const file = [`Order Source,${HEADER}`, 'Acme EU,#1001,SKU-1,1,UPS,,1Z1,2026-11-27,,', ',#1002,SKU-1,1,UPS,,1Z2,2026-11-27,,'].join('\n');
    const { rows, rowErrors } = read(file);
    expect(rowErrors).toEqual([]);
    expect(rows.map((r) => [r.orderNumber, r.orderSource])).toEqual([
      ['#1001', 'Acme EU'],
      ['#1002', undefined],
    ]);
    expect('orderSource' in rows[1]).toBe(false);
    expect(read(`${HEADER}\n#1003,SKU-1,1,UPS,,1Z3,2026-11-27,,\n`).rows[0]).not.toHaveProperty('orderSource');
  });

  it('refuses a profile with an unknown time zone as a config error', () => {
    expect(() => read(`${HEADER}\n`, { ...DEFAULT_CONFIRMATION_PROFILE, timeZone: 'Mars/Olympus' })).toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});
