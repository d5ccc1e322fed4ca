/**
 * Money as decimal text, added and multiplied without binary floats ("19.99" x 3 = "59.97"): an order
 * file's prices become the order's subtotal exactly as a person would add them up.
 */

interface Scaled {
  units: bigint;
  scale: number;
}

function scaled(text: string): Scaled {
  const [whole, fraction = ''] = text.split('.');
  return { units: BigInt(`${whole}${fraction}` || '0'), scale: fraction.length };
}

function rescale(value: Scaled, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function text(units: bigint, scale: number): string {
  const digits = units.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

export function multiplyDecimal(price: string, quantity: number): string {
  const p = scaled(price);
  return text(p.units * BigInt(quantity), p.scale);
}

export function addDecimals(values: string[]): string {
  const all = values.map(scaled);
  const scale = Math.max(2, ...all.map((v) => v.scale));
  return text(all.reduce((sum, v) => sum + rescale(v, scale), 0n), scale);
}
