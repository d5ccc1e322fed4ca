import { describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../../../../main/engine/files/writer/formula-guard.js';

describe('neutraliseCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['-cmd|calc', "'-cmd|calc"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['-', "'-"],
    ['-5.00x', "'-5.00x"],
    ['+1+cmd|\' /C calc\'!A0', "'+1+cmd|' /C calc'!A0"],
    ['+SUM(1,2)', "'+SUM(1,2)"],
  ])('prefixes %j with a quote', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it.each([
    ['a line feed first', '\n=HYPERLINK("http://evil")', '\'\n=HYPERLINK("http://evil")'],
    ['spaces before =', '  =1+1', "'  =1+1"],
    ['one space before =', ' =1', "' =1"],
    ['a no-break space before =', '\u00a0=1', "'\u00a0=1"],
    ['a full-width equals sign', '\uff1dSUM(A1)', "'\uff1dSUM(A1)"],
    ['spaces before a full-width equals sign', '  \uff1d1', "'  \uff1d1"],
    ['a full-width plus sign', '\uff0b1+1', "'\uff0b1+1"],
    ['spaces before @', '   @SUM(A1)', "'   @SUM(A1)"],
  ])('also prefixes a cell with %s', (_what, cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it.each(['-5.00', '-12.50', '-3', '12.50', '+14155550100', '0', '', 'Ann', 'a=b', 'Ann =1'])('leaves %j as it is', (cell) => {
    expect(neutraliseCell(cell)).toBe(cell);
  });

  it.each(['+1 555-0100', '+44 20 7946 0000', '+1 (614) 555-0142', '+49.30.1234567'])(
    'leaves the phone number %j as it is: digits and separators make no formula that can call anything',
    (cell) => {
      expect(neutraliseCell(cell)).toBe(cell);
    },
  );
});
