import { describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../../../main/engine/csv/formula-guard.js';

describe('neutraliseCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-cmd|calc', "'-cmd|calc"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['-', "'-"],
    ['-5.00x', "'-5.00x"],
  ])('prefixes %j with a quote', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it.each(['-5.00', '-3', '12.50', '0', '', 'Ann', 'a=b', ' =1'])('leaves %j as it is', (cell) => {
    expect(neutraliseCell(cell)).toBe(cell);
  });
});
