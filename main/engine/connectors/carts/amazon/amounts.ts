/**
 * Amazon's money is a decimal string ("12.34") with its currency: added up exactly in ten-thousandths
 * (BigInt), never in floating point, and written back with at least two decimals.
 */

const SCALE = 4;
const FACTOR = 10n ** BigInt(SCALE);
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** "12.34" -> 123400n (ten-thousandths); null when it is not a decimal or has more than four decimals. */
export function parseAmount(text: string | undefined): bigint | null {
  if (text === undefined) return 0n;
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const fraction = m[3] ?? '';
  if (fraction.length > SCALE && /[1-9]/.test(fraction.slice(SCALE))) return null;
  const value = BigInt(m[2]) * FACTOR + BigInt(fraction.slice(0, SCALE).padEnd(SCALE, '0'));
  return m[1] ? -value : value;
}

/** 123400n -> "12.34"; 123456n -> "12.3456". */
export function formatAmount(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / FACTOR;
  const fraction = (abs % FACTOR).toString().padStart(SCALE, '0').replace(/0{1,2}$/, '');
  return `${negative ? '-' : ''}${whole}.${fraction.padEnd(2, '0')}`;
}

/**
 * The unit price of a line whose ItemPrice is the price of all its units: exact when it divides to four
 * decimals (the usual case), else rounded half up at the fourth.
 */
export function unitAmount(total: bigint, quantity: number): bigint {
  if (quantity <= 1) return total;
  const q = BigInt(quantity);
  const doubled = (total * 2n) / q;
  return doubled % 2n === 0n ? doubled / 2n : (doubled + (total >= 0n ? 1n : -1n)) / 2n;
}
