/** Timestamps at a platform's edge: every sync position and every order's updatedAt is kept in UTC. */

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * "2026-11-20T10:00:00-05:00" -> "2026-11-20T15:00:00.000Z". A timestamp without a zone is refused rather
 * than guessed: read in the host's zone it would shift the sync window by hours. Platforms that send local
 * times without an offset (WooCommerce without dates_are_gmt) convert before they reach the kit.
 */
export function toUtcIso(value: unknown): string | null {
  if (typeof value !== 'string' || !ISO_WITH_ZONE.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
