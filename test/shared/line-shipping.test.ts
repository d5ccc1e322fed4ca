import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../shared/domain.js';
import { allocateShippedUnits, everyLineShipped, shippedByLine } from '../../shared/line-shipping.js';

const line = (lineNo: number, sku: string, quantity: number): OrderLine => ({ lineNo, sku, quantity, price: '10.00', cartLineId: `L${lineNo}` });

describe('shipped quantities per cart line', () => {
  const lines = [line(1, 'A', 2), line(2, 'B', 1), line(3, 'A', 3)];

  it('add up the items of every shipment on the line they name, with every line listed', () => {
    const shipped = shippedByLine(lines, [
      { sku: 'A', quantity: 1, cartLineId: 'L3' },
      { sku: 'A', quantity: 2, cartLineId: 'L3' },
      { sku: 'B', quantity: 1, cartLineId: 'L2' },
    ]);
    expect(Object.fromEntries(shipped)).toEqual({ L1: 0, L2: 1, L3: 3 });
  });

  it('fill the lines of a SKU in order for items that name no line (shipments saved before lines were named)', () => {
    const shipped = shippedByLine(lines, [{ sku: 'A', quantity: 4 }]);
    expect(Object.fromEntries(shipped)).toEqual({ L1: 2, L2: 0, L3: 2 });
  });

  it('say the order is shipped only when every line has all of its units shipped', () => {
    expect(everyLineShipped(lines, new Map([['L1', 2], ['L2', 1], ['L3', 2]]))).toBe(false);
    expect(everyLineShipped(lines, new Map([['L1', 2], ['L2', 1], ['L3', 3]]))).toBe(true);
  });
});

describe('allocating a confirmation row to the order lines', () => {
  const lines = [line(1, 'A', 2), line(2, 'B', 1), line(3, 'A', 3)];
  const none = new Map<string, number>();

  it('names the one line that carries the SKU', () => {
    expect(allocateShippedUnits(lines, none, 'B', 1)).toEqual({ ok: true, items: [{ sku: 'B', quantity: 1, cartLineId: 'L2' }] });
  });

  it('prefers the line whose open quantity the row matches exactly (a row of the order file echoed back)', () => {
    expect(allocateShippedUnits(lines, none, 'A', 3)).toEqual({ ok: true, items: [{ sku: 'A', quantity: 3, cartLineId: 'L3' }] });
  });

  it('spreads a row over the lines of its SKU, in line order, when no line matches it exactly', () => {
    expect(allocateShippedUnits(lines, none, 'A', 4)).toEqual({
      ok: true,
      items: [
        { sku: 'A', quantity: 2, cartLineId: 'L1' },
        { sku: 'A', quantity: 2, cartLineId: 'L3' },
      ],
    });
  });

  it('counts what earlier shipments already took', () => {
    expect(allocateShippedUnits(lines, new Map([['L1', 2]]), 'A', 1)).toEqual({ ok: true, items: [{ sku: 'A', quantity: 1, cartLineId: 'L3' }] });
  });

  it('refuses more than is left to ship, saying how much the line was to ship, has shipped and has left', () => {
    expect(allocateShippedUnits(lines, new Map([['L1', 2], ['L3', 1]]), 'A', 3)).toEqual({ ok: false, toShip: 5, shipped: 3, left: 2 });
  });
});
