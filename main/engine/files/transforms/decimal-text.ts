/**
 * Decimal numbers as text, never through a float ("1.005" rounds to "1.01", as a person rounds it).
 * Used by the number and money transforms.
 */

const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?$/;

export interface DecimalStyle {
  decimals?: number;
  decimalSeparator: '.' | ',';
  thousands: string;
}

/** Plain decimal text ("-1234.5") in a style ("-1.234,50"); null when the value is not a plain decimal. */
export function formatDecimal(value: string, style: DecimalStyle): string | null {
  const m = PLAIN.exec(value.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  let [whole, fraction] = [m[2] || '0', m[3] ?? ''];
  if (style.decimals !== undefined) [whole, fraction] = round(whole, fraction, style.decimals);
  whole = whole.replace(/^0+(?=\d)/, '');
  const negative = m[1] === '-' && /[1-9]/.test(whole + fraction);
  const grouped = style.thousands ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, style.thousands) : whole;
  return `${negative ? '-' : ''}${grouped}${fraction ? style.decimalSeparator + fraction : ''}`;
}

function round(whole: string, fraction: string, decimals: number): [string, string] {
  if (fraction.length <= decimals) return [whole, fraction.padEnd(decimals, '0')];
  const up = fraction.charCodeAt(decimals) >= 53; // '5'
  let digits = (whole + fraction.slice(0, decimals)).split('').map(Number);
  if (up) {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) digits[i--] = 0;
    if (i < 0) digits = [1, ...digits];
    else digits[i]++;
  }
  const text = digits.join('');
  const cut = text.length - decimals;
  return [text.slice(0, cut) || '0', text.slice(cut)];
}

/** Text in a style ("1.234,50") back to plain decimal text ("1234.50"); null when it is not a number in that style. */
export function parseDecimal(text: string, style: Omit<DecimalStyle, 'decimals'>): string | null {
  let t = text.trim();
  if (style.thousands) {
    // Thousands separators only between groups of three digits.
    const sep = style.thousands.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const dec = style.decimalSeparator === '.' ? '\\.' : ',';
    if (!new RegExp(`^[+-]?\\d{1,3}(${sep}\\d{3})*(${dec}\\d+)?$|^[+-]?\\d*(${dec}\\d+)?$`).test(t)) return null;
    t = t.split(style.thousands).join('');
  }
  if (style.decimalSeparator === ',') {
    if (t.includes('.')) return null;
    t = t.replace(',', '.');
  }
  const m = PLAIN.exec(t);
  if (!m || (m[2] === '' && (m[3] ?? '') === '') || t.endsWith('.')) return null;
  return `${m[1] === '-' ? '-' : ''}${m[2] || '0'}${m[3] ? `.${m[3]}` : ''}`;
}
