import { describe, expect, it } from 'vitest';
import { sumInventoryRows } from '../../../../main/engine/services/inventory-totals.js';

describe('the stock of one inventory file, per SKU', () => {
  it('adds up the rows of a SKU listed in several bins, and names the repetition with the file, the SKU and its lines', () => {
    const { levels, notices } = sumInventoryRows('stock-1.csv', [
      { sku: 'A', quantity: 5, location: 'BIN-1', line: 2 },
      { sku: 'B', quantity: 7, line: 3 },
      { sku: 'A', quantity: 3, location: 'BIN-2', line: 4 },
      { sku: 'A', quantity: 0, location: 'BIN-1', line: 6 },
    ]);
    expect(levels).toEqual([
      { sku: 'A', quantity: 8, location: 'BIN-1, BIN-2' },
      { sku: 'B', quantity: 7 },
    ]);
    expect(notices).toEqual([
      { file: 'stock-1.csv', line: 2, reason: 'SKU A is on 3 rows (lines 2, 4, 6): their quantities were added up to 8' },
    ]);
  });

  it('passes single rows on as they are, with nothing to report', () => {
    expect(sumInventoryRows('f.csv', [{ sku: 'A', quantity: 1, line: 2 }])).toEqual({ levels: [{ sku: 'A', quantity: 1 }], notices: [] });
  });
});
