import { describe, expect, it } from 'vitest';
import { DEFAULT_INVENTORY_PROFILE } from '../../../../../shared/csv-defaults.js';
import { UnreadableFileError } from '../../../../../main/engine/files/readers/inbound-table.js';
import { readInventoryFile } from '../../../../../main/engine/files/readers/inventory-reader.js';

const read = (text: string) => readInventoryFile('inv.csv', Buffer.from(text, 'utf8'), DEFAULT_INVENTORY_PROFILE);

describe('readInventoryFile', () => {
  it('reads SKU, quantity (zero allowed) and the optional location', () => {
    const { rows, rowErrors } = read('SKU,Quantity,Location\r\nA,10,BIN-1\r\nB,0,\r\nA,5,BIN-2\r\n');
    expect(rowErrors).toEqual([]);
    expect(rows).toEqual([
      { sku: 'A', quantity: 10, location: 'BIN-1', line: 2 },
      { sku: 'B', quantity: 0, line: 3 },
      { sku: 'A', quantity: 5, location: 'BIN-2', line: 4 },
    ]);
  });

  it('reads a file without the optional location column', () => {
    expect(read('sku,quantity\nA,3\n').rows).toEqual([{ sku: 'A', quantity: 3, line: 2 }]);
  });

  it('reports negative, fractional and missing quantities and empty SKUs per line', () => {
    const { rows, rowErrors } = read('SKU,Quantity\nA,-2\nB,1.5\nC,\n,4\nD,7\n');
    expect(rows).toEqual([{ sku: 'D', quantity: 7, line: 6 }]);
    expect(rowErrors).toEqual([
      { file: 'inv.csv', line: 2, reason: 'quantity -2 is negative' },
      { file: 'inv.csv', line: 3, reason: 'quantity "1.5" is not a whole number' },
      { file: 'inv.csv', line: 4, reason: 'quantity is empty' },
      { file: 'inv.csv', line: 5, reason: 'SKU is empty' },
    ]);
  });

  it('refuses a file without a quantity column as unreadable', () => {
    expect(() => read('SKU,Stock\nA,1\n')).toThrow(UnreadableFileError);
    expect(() => read('SKU,Stock\nA,1\n')).toThrow('Missing required column "Quantity"');
  });
});
