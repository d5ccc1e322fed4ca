/**
 * Spreadsheet formula injection: a WMS operator may open our order files in Excel or LibreOffice,
 * where a cell starting with = + - @ is evaluated as a formula. Importers also strip leading tabs,
 * carriage returns, line feeds and spaces first (LibreOffice's "trim spaces", Excel on paste), and
 * East Asian input turns the full-width ＝ ＋ － ＠ into their ASCII forms, so those count as a formula
 * start too. Shopper-typed text (names, addresses, gift messages) reaches these files, so every cell
 * we write is checked and a risky one is prefixed with a single quote.
 *
 * Two shapes of plain data are left alone, because prefixing them would corrupt the file for the WMS
 * import that reads the same bytes, and neither can call a function, reference a cell or reach DDE
 * (that takes letters, `!` or `|`): a plain number ("-5.00", a discount or refund) and a phone number
 * ("+1 555-0100": a plus, a digit, then only digits, spaces, brackets, dots and hyphens). At worst a
 * spreadsheet shows such a phone number computed as arithmetic. Anything else is neutralised.
 */

/** Control characters first, or a formula sign after any run of (also no-break and ideographic) spaces. */
const RISKY_START = /^(?:[\t\r\n]|[ \u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const PHONE_NUMBER = /^\+\d[\d ().-]*$/;

export function neutraliseCell(value: string): string {
  if (!RISKY_START.test(value) || PLAIN_NUMBER.test(value) || PHONE_NUMBER.test(value)) return value;
  return `'${value}`;
}
