/**
 * eBay money is a decimal string per amount ({"value":"12.00"}): kept as text, never a float. A line's
 * cost is the whole line's (unit price times quantity); the unit price is divided out exactly in
 * ten-thousandths and given with two decimals where that is exact.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "12.5" -> "12.50"; a minus sign dropped where the canonical amount is what was taken off. */
export function moneyText(value: string, positive = false): string {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new Error(`not an amount: ${value}`);
  const fraction = (m[3] ?? '').padEnd(2, '0');
  return `${positive ? '' : m[1]}${m[2]}.${fraction}`;
}

/** The unit price of a line whose cost for `quantity` units is `lineCost`, exact to four decimals (half up). */
export function unitPrice(lineCost: string, quantity: number): string {
  if (quantity <= 0) return moneyText(lineCost);
  const m = DECIMAL.exec(lineCost.trim());
  if (!m) throw new Error(`not an amount: ${lineCost}`);
  const scale = 10_000n;
  const fraction = (m[3] ?? '').padEnd(4, '0');
  if (fraction.length > 4) return moneyText(lineCost);
  const minor = BigInt(m[2]) * scale + BigInt(fraction);
  const q = BigInt(quantity);
  const unit = (minor * 2n + q) / (2n * q);
  const whole = unit / scale;
  let frac = (unit % scale).toString().padStart(4, '0');
  frac = frac.endsWith('00') ? frac.slice(0, 2) : frac.replace(/0+$/, '');
  return `${m[1]}${whole}.${frac}`;
}
