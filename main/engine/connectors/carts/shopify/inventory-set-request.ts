/**
 * The inventorySetQuantities call in the dialect of the API version that answers it. The level pushed is
 * the warehouse's count, the truth Shopify is told to take, so no version compares it with what Shopify
 * had:
 * - before 2026-01: ignoreCompareQuantity: true (otherwise every quantity needs a matching compareQuantity);
 * - from 2026-01: changeFromQuantity: null on each quantity (null opts out of the comparison), and an
 *   @idempotent key. 2026-04 requires both and removes ignoreCompareQuantity and compareQuantity, so the
 *   older dialect is refused there by the schema.
 * This is the one place that chooses by version.
 */

/** The first version with changeFromQuantity and the @idempotent directive. */
const CHANGE_FROM_QUANTITY_SINCE = '2026-01';

export interface InventoryQuantity {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
}

export interface InventorySetRequest {
  document: string;
  variables: Record<string, unknown>;
}

const PAYLOAD = `inventoryAdjustmentGroup { id }
    userErrors { code field message }`;

const LEGACY_DOCUMENT = `mutation DockhandInventorySet($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) {
    ${PAYLOAD}
  }
}`;

// A retry of the same request carries the same key (it is in the variables), so Shopify applies it once.
const IDEMPOTENT_DOCUMENT = `mutation DockhandInventorySet($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
    ${PAYLOAD}
  }
}`;

/** `idempotencyKey` must be new for each distinct request (a retry of the same one keeps it). */
export function inventorySetRequest(apiVersion: string, quantities: InventoryQuantity[], idempotencyKey: string): InventorySetRequest {
  const base = { name: 'available', reason: 'correction' };
  if (apiVersion < CHANGE_FROM_QUANTITY_SINCE) {
    return { document: LEGACY_DOCUMENT, variables: { input: { ...base, ignoreCompareQuantity: true, quantities } } };
  }
  return {
    document: IDEMPOTENT_DOCUMENT,
    variables: { input: { ...base, quantities: quantities.map((q) => ({ ...q, changeFromQuantity: null })) }, idempotencyKey },
  };
}
