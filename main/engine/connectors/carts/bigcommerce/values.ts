/**
 * Small pure conversions at the BigCommerce edge. v2 writes dates as RFC 2822 ("Tue, 20 Nov 2012
 * 00:00:00 +0000") and money as decimal strings with four places ("336.3200"); Dockhand keeps UTC ISO
 * strings and money as decimal strings, never binary floats.
 */

const RFC_2822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}(:\d{2})? [+-]\d{4}$/;

/** RFC 2822 with its zone -> "2012-11-20T00:00:00.000Z"; anything else is refused rather than guessed. */
export function rfc2822ToUtcIso(value: unknown): string | null {
  if (typeof value !== 'string' || !RFC_2822.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * An ISO UTC time as a min_date_modified value. The API takes RFC 2822 or ISO 8601 and keeps whole
 * seconds, so the value is rounded down: a filter never starts after the order it must include.
 */
export function toDateFilter(isoUtc: string): string {
  const ms = Date.parse(isoUtc);
  if (Number.isNaN(ms)) throw new Error(`not a timestamp: ${isoUtc}`);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function isDecimal(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value);
}

/** "336.3200" -> "336.32", "1.2345" -> "1.2345", "5" -> "5.00": trailing zeros past the cents go, precision stays. */
export function toMoney(value: string): string {
  if (!DECIMAL.test(value)) throw new Error(`not a decimal: ${value}`);
  const [whole, fraction = ''] = value.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return `${whole}.${trimmed.padEnd(2, '0')}`;
}

/** Exact sum of decimal strings (no floats), as money. */
export function addMoney(...values: string[]): string {
  const places = Math.max(2, ...values.map((v) => (v.split('.')[1] ?? '').length));
  const scaled = values.reduce((sum, v) => sum + scale(v, places), 0n);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const text = `${negative ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return toMoney(text);
}

function scale(value: string, places: number): bigint {
  if (!DECIMAL.test(value)) throw new Error(`not a decimal: ${value}`);
  const negative = value.startsWith('-');
  const [whole, fraction = ''] = value.replace('-', '').split('.');
  const n = BigInt(whole + fraction.padEnd(places, '0'));
  return negative ? -n : n;
}
