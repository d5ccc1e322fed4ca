/**
 * Spreadsheet formula injection: a WMS operator may open our order files in Excel or LibreOffice,
 * where a cell starting with = + - @ (or a tab / carriage return that some importers strip first)
 * is evaluated as a formula. Shopper-typed text (names, addresses, gift messages) reaches these
 * files, so every cell we write is checked and a risky one is prefixed with a single quote.
 *
 * A cell that is a plain number ("-5.00", "-3") is left alone: a spreadsheet reads it as a number,
 * never as a formula, and prefixing it would corrupt money columns (discounts, refunds) for the
 * WMS import that reads the same file. Anything else starting with "-" ("-5+cmd|...") is neutralised.
 */

const RISKY_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutraliseCell(value: string): string {
  if (!RISKY_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}
