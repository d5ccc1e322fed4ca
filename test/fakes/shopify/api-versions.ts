/**
 * The Admin API versions the fake speaks, and what each changed for the fields Dockhand uses, as
 * Shopify's changelog documents it:
 * - 2026-01: InventoryQuantityInput.changeFromQuantity (optional; any value, null included, overrides
 *   compareQuantity and ignoreCompareQuantity; a stale one answers CHANGE_FROM_QUANTITY_STALE), and the
 *   optional @idempotent(key:) directive on inventorySetQuantities.
 * - 2026-04: compareQuantity and ignoreCompareQuantity are removed from the schema; changeFromQuantity
 *   and the @idempotent directive are required at run time (the schema still shows them optional).
 * - 2026-10: ITEM_NOT_STOCKED_AT_LOCATION is gone (quantities can be set at any location), and
 *   Order.displayFulfillmentStatus answers FULFILLMENT_NOT_REQUIRED for an unfulfilled order with
 *   nothing left to fulfil (canceled, or every unit removed).
 * A request for a version Shopify no longer serves gets the oldest one it serves ("falls forward").
 */

export const FAKE_API_VERSIONS = ['2025-07', '2025-10', '2026-01', '2026-04', '2026-07', '2026-10'] as const;
export type FakeApiVersion = (typeof FAKE_API_VERSIONS)[number];

/** The oldest version Shopify serves on the day the fake models (December 2026). */
export const FAKE_OLDEST_SERVED_VERSION: FakeApiVersion = '2026-01';

export interface FakeDialect {
  /** The version whose behaviour answers (after falling forward). */
  version: FakeApiVersion;
  changeFromQuantity: boolean;
  /** compareQuantity and ignoreCompareQuantity are gone; changeFromQuantity and @idempotent are required. */
  compareAndSwapRequired: boolean;
  idempotentDirective: boolean;
  stockAtAnyLocation: boolean;
  fulfillmentNotRequired: boolean;
}

export function dialectOf(version: FakeApiVersion): FakeDialect {
  return {
    version,
    changeFromQuantity: version >= '2026-01',
    compareAndSwapRequired: version >= '2026-04',
    idempotentDirective: version >= '2026-01',
    stockAtAnyLocation: version >= '2026-10',
    fulfillmentNotRequired: version >= '2026-10',
  };
}

/**
 * The version that answers a request for `requested` (the URL's /admin/api/<version>/): itself when the
 * fake serves it, the oldest served one for an older version, the newest for a newer one or "unstable";
 * undefined for something that is not a version (Shopify answers 404).
 */
export function servedVersion(requested: string, oldestServed: FakeApiVersion = FAKE_OLDEST_SERVED_VERSION): FakeApiVersion | undefined {
  const newest = FAKE_API_VERSIONS[FAKE_API_VERSIONS.length - 1];
  if (requested === 'unstable') return newest;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(requested)) return undefined;
  if (requested <= oldestServed) return oldestServed;
  // The release in force at that month: 2026-05 is answered as 2026-04.
  return [...FAKE_API_VERSIONS].reverse().find((v) => v <= requested) ?? newest;
}
