/** Small pure conversions at the Shopify edge: timestamps to UTC, Decimal scalars to money strings. */

/** Timestamps go through the kit's one conversion, shared by every cart. */
export { toUtcIso } from '../kit/utc-time.js';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Shopify's Decimal scalar ("10.0", "598.94") as a money string with at least two decimals, no float. */
export function toMoney(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (typeof value !== 'string' || !DECIMAL.test(value.trim())) return null;
  const [whole, fraction = ''] = value.trim().split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}
