import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servedVersion } from './api-versions.js';
import { inventoryItemGid } from './ids.js';
import { createFakeShopify, type FakeShopify } from './index.js';

let fake: FakeShopify;

async function gqlAt(version: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${fake.url}/admin/api/${version}/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': fake.token },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const SET = `mutation($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) { inventoryAdjustmentGroup { id } userErrors { code field message } }
}`;
const SET_IDEMPOTENT = `mutation($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { id } userErrors { code field message } }
}`;

const item = () => inventoryItemGid(fake.state.variantBySku('DH-1000')!.index);
const at = () => fake.state.locations[0].id;
const input = (quantity: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: 'available',
  reason: 'correction',
  ...extra,
  quantities: [{ inventoryItemId: item(), locationId: at(), quantity: 4, ...quantity }],
});

beforeEach(async () => {
  fake = await createFakeShopify({ orders: 2, products: 5 });
  fake.state.setInventory('DH-1000', 10);
});

afterEach(async () => {
  await fake.close();
});

describe('fake Shopify API versions', () => {
  it('answers a retired version with the oldest one it serves, and a later month with the release in force', () => {
    expect(servedVersion('2025-10')).toBe('2026-01');
    expect(servedVersion('2025-10', '2025-07')).toBe('2025-10');
    expect(servedVersion('2026-05')).toBe('2026-04');
    expect(servedVersion('2027-01')).toBe('2026-10');
    expect(servedVersion('unstable')).toBe('2026-10');
    expect(servedVersion('latest')).toBeUndefined();
  });

  it('serves the version in the URL and counts the versions asked for', async () => {
    expect((await gqlAt('latest', '{ shop { name } }')).status).toBe(404);
    const old = await gqlAt('2025-10', SET_IDEMPOTENT, { input: input({ changeFromQuantity: null }), key: 'k-1' });
    expect(old.body.data.inventorySetQuantities.userErrors).toEqual([]); // answered as 2026-01
    expect(fake.state.inventory('DH-1000')).toBe(4);
    expect(Object.fromEntries(fake.state.apiVersionsRequested)).toEqual({ '2025-10': 1 }); // a 404 answers nothing
  });

  it('before 2026-01: ignoreCompareQuantity or a matching compareQuantity; changeFromQuantity does not exist', async () => {
    await fake.close();
    fake = await createFakeShopify({ orders: 2, products: 5, oldestServedApiVersion: '2025-07' });
    fake.state.setInventory('DH-1000', 10);
    const unknown = await gqlAt('2025-10', SET, { input: input({ changeFromQuantity: null }) });
    expect(unknown.body.errors[0].message).toContain('Field "changeFromQuantity" is not defined by type "InventoryQuantityInput"');
    const stale = await gqlAt('2025-10', SET, { input: input({ compareQuantity: 9 }) });
    expect(stale.body.data.inventorySetQuantities.userErrors).toEqual([
      { code: 'COMPARE_QUANTITY_STALE', field: ['input', 'quantities', '0', 'compareQuantity'], message: 'The compareQuantity value does not match persisted value.' },
    ]);
    expect((await gqlAt('2025-10', SET, { input: input({}) })).body.data.inventorySetQuantities.userErrors[0].code).toBe('COMPARE_QUANTITY_REQUIRED');
    expect((await gqlAt('2025-10', SET, { input: input({}, { ignoreCompareQuantity: true }) })).body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect(fake.state.inventory('DH-1000')).toBe(4);
  });

  it('2026-01: both syntaxes work, changeFromQuantity wins, and a stale one is refused', async () => {
    expect((await gqlAt('2026-01', SET, { input: input({}, { ignoreCompareQuantity: true }) })).body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect(fake.state.inventory('DH-1000')).toBe(4);
    const stale = await gqlAt('2026-01', SET, { input: input({ quantity: 6, changeFromQuantity: 10 }, { ignoreCompareQuantity: true }) });
    expect(stale.body.data.inventorySetQuantities).toEqual({
      inventoryAdjustmentGroup: null,
      userErrors: [
        { code: 'CHANGE_FROM_QUANTITY_STALE', field: ['input', 'quantities', '0', 'changeFromQuantity'], message: 'The changeFromQuantity value does not match persisted value.' },
      ],
    });
    expect((await gqlAt('2026-01', SET, { input: input({ quantity: 6, changeFromQuantity: 4 }) })).body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect((await gqlAt('2026-01', SET, { input: input({ quantity: 7, changeFromQuantity: null }) })).body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect(fake.state.inventory('DH-1000')).toBe(7);
  });

  it('2026-04 and later: compareQuantity and ignoreCompareQuantity are gone, changeFromQuantity and @idempotent are required', async () => {
    for (const version of ['2026-04', '2026-07', '2026-10']) {
      const removed = await gqlAt(version, SET_IDEMPOTENT, { input: input({ changeFromQuantity: null }, { ignoreCompareQuantity: true }), key: `a-${version}` });
      expect(removed.body.errors[0].message).toContain('Field "ignoreCompareQuantity" is not defined by type "InventorySetQuantitiesInput"');
      const compare = await gqlAt(version, SET_IDEMPOTENT, { input: input({ compareQuantity: 10 }), key: `b-${version}` });
      expect(compare.body.errors[0].message).toContain('Field "compareQuantity" is not defined by type "InventoryQuantityInput"');
      const missing = await gqlAt(version, SET_IDEMPOTENT, { input: input({}), key: `c-${version}` });
      expect(missing.body.data.inventorySetQuantities.userErrors).toEqual([
        expect.objectContaining({ code: 'COMPARE_QUANTITY_REQUIRED', field: ['input', 'quantities', '0', 'changeFromQuantity'] }),
      ]);
      const noKey = await gqlAt(version, SET, { input: input({ changeFromQuantity: null }) });
      expect(noKey.body.data.inventorySetQuantities).toBeNull();
      expect(noKey.body.errors[0]).toMatchObject({ message: expect.stringContaining('@idempotent'), path: ['inventorySetQuantities'] });
      expect(fake.state.inventoryUpdates).toEqual([]);
    }
    const ok = await gqlAt('2026-04', SET_IDEMPOTENT, { input: input({ changeFromQuantity: null }), key: 'd' });
    expect(ok.body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect(fake.state.inventory('DH-1000')).toBe(4);
  });

  it('answers a repeated idempotency key with the first result, and refuses it with other parameters', async () => {
    const first = await gqlAt('2026-10', SET_IDEMPOTENT, { input: input({ changeFromQuantity: null }), key: 'same' });
    fake.state.setInventory('DH-1000', 10);
    const again = await gqlAt('2026-10', SET_IDEMPOTENT, { input: input({ changeFromQuantity: null }), key: 'same' });
    expect(again.body.data).toEqual(first.body.data);
    expect(fake.state.inventoryUpdates).toHaveLength(1);
    expect(fake.state.inventory('DH-1000')).toBe(10);
    const other = await gqlAt('2026-10', SET_IDEMPOTENT, { input: input({ quantity: 5, changeFromQuantity: null }), key: 'same' });
    expect(other.body.data.inventorySetQuantities.userErrors[0].code).toBe('IDEMPOTENCY_KEY_PARAMETER_MISMATCH');
  });

  it('2026-10: a quantity can be set where the item was not stocked; before, that is refused', async () => {
    const elsewhere = { locationId: fake.state.locations[1].id, changeFromQuantity: null };
    const before = await gqlAt('2026-07', SET_IDEMPOTENT, { input: input(elsewhere), key: 'e' });
    expect(before.body.data.inventorySetQuantities.userErrors[0].code).toBe('ITEM_NOT_STOCKED_AT_LOCATION');
    const after = await gqlAt('2026-10', SET_IDEMPOTENT, { input: input(elsewhere), key: 'f' });
    expect(after.body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect(fake.state.inventory('DH-1000', 1)).toBe(4);
  });

  it('2026-10: an unfulfilled order with nothing left to fulfil is FULFILLMENT_NOT_REQUIRED', async () => {
    const order = fake.state.addOrder({ lines: [{ sku: 'DH-1001', quantity: 2 }] });
    fake.state.cancelOrder(order.id);
    const query = `query($id: ID!) { order(id: $id) { displayFulfillmentStatus } }`;
    expect((await gqlAt('2026-07', query, { id: order.id })).body.data.order.displayFulfillmentStatus).toBe('UNFULFILLED');
    expect((await gqlAt('2026-10', query, { id: order.id })).body.data.order.displayFulfillmentStatus).toBe('FULFILLMENT_NOT_REQUIRED');
  });
});
