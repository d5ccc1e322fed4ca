import { describe, expect, it } from 'vitest';
import { InventoryTotals, sumInventoryRows } from '../../../../main/engine/services/inventory-totals.js';

describe('the stock of one inventory file, per SKU', () => {
  it('adds up the rows of a SKU, and names a repetition no location explains with the file, the SKU and its lines', () => {
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
      { file: 'stock-1.csv', line: 2, reason: 'SKU A is on 3 rows (lines 2, 4, 6) without a location of its own on each: their quantities were added up to 8' },
    ]);
  });

  it('adds up a SKU kept in several bins, one row per bin, with nothing to report', () => {
    const { levels, notices } = sumInventoryRows('stock-2.csv', [
      { sku: 'A', quantity: 5, location: 'BIN-1', line: 2 },
      { sku: 'A', quantity: 3, location: 'BIN-2', line: 3 },
      { sku: 'A', quantity: 1, location: 'BIN-3', line: 4 },
    ]);
    expect(levels).toEqual([{ sku: 'A', quantity: 9, location: 'BIN-1, BIN-2, BIN-3' }]);
    expect(notices).toEqual([]);
  });

  it('reports a SKU listed twice without locations, and one whose first row had no location', () => {
    const twice = sumInventoryRows('f.csv', [
      { sku: 'A', quantity: 2, line: 2 },
      { sku: 'A', quantity: 2, line: 3 },
    ]);
    expect(twice.levels).toEqual([{ sku: 'A', quantity: 4 }]);
    expect(twice.notices).toHaveLength(1);
    const firstWithout = sumInventoryRows('f.csv', [
      { sku: 'A', quantity: 2, line: 2 },
      { sku: 'A', quantity: 2, location: 'BIN-1', line: 3 },
    ]);
    expect(firstWithout.notices).toHaveLength(1);
  });

  it('passes single rows on as they are, with nothing to report', () => {
    expect(sumInventoryRows('f.csv', [{ sku: 'A', quantity: 1, line: 2 }])).toEqual({ levels: [{ sku: 'A', quantity: 1 }], notices: [] });
  });

  it('sums the same fed a slice at a time, repetitions across slices included, and names them in the order the file first lists their SKUs', () => {
    const rows = [
      { sku: 'A', quantity: 1, line: 2 },
      { sku: 'B', quantity: 2, location: 'BIN-1', line: 3 },
      { sku: 'B', quantity: 3, location: 'BIN-1', line: 4 },
      { sku: 'C', quantity: 4, location: 'BIN-7', line: 5 },
      { sku: 'A', quantity: 5, line: 6 },
      { sku: 'C', quantity: 6, location: 'BIN-8', line: 7 },
    ];
    const totals = new InventoryTotals('f.csv');
    for (let i = 0; i < rows.length; i += 2) totals.add(rows, i, i + 2);
    const sliced = totals.finish();

    expect(sliced).toEqual(sumInventoryRows('f.csv', rows));
    expect(sliced.levels).toEqual([
      { sku: 'A', quantity: 6 },
      { sku: 'B', quantity: 5, location: 'BIN-1' },
      { sku: 'C', quantity: 10, location: 'BIN-7, BIN-8' },
    ]);
    expect(sliced.notices.map((n) => n.line)).toEqual([2, 3]);
  });
});
