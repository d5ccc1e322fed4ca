/** Small pure conversions at the Shopify edge: timestamps to UTC, Decimal scalars to money strings. */

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * "2026-11-20T10:00:00-05:00" -> "2026-11-20T15:00:00.000Z". A timestamp without a zone is refused rather
 * than guessed: read in the host's zone it would shift the sync window by hours.
 */
export function toUtcIso(value: unknown): string | null {
  if (typeof value !== 'string' || !ISO_WITH_ZONE.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Shopify's Decimal scalar ("10.0", "598.94") as a money string with at least two decimals, no float. */
export function toMoney(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (typeof value !== 'string' || !DECIMAL.test(value.trim())) return null;
  const [whole, fraction = ''] = value.trim().split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}
