import { afterEach, describe, expect, it } from 'vitest';
import { inventorySetRequest } from '../../../../../../main/engine/connectors/carts/shopify/inventory-set-request.js';
import { inventoryItemGid } from '../../../../../fakes/shopify/ids.js';
import { createFakeShopify, type FakeShopify } from '../../../../../fakes/shopify/index.js';

const quantities = (fake: FakeShopify) => [
  { inventoryItemId: inventoryItemGid(fake.state.variantBySku('DH-1000')!.index), locationId: fake.state.locations[0].id, quantity: 3 },
];

let fake: FakeShopify | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Posts a request as the connector builds it, to the fake at `version`. */
async function send(shop: FakeShopify, version: string, request: { document: string; variables: Record<string, unknown> }) {
  const res = await fetch(`${shop.url}/admin/api/${version}/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': shop.token },
    body: JSON.stringify({ query: request.document, variables: request.variables }),
  });
  return (await res.json()) as { data?: { inventorySetQuantities: { userErrors: unknown[] } | null }; errors?: { message: string }[] };
}

describe('the inventorySetQuantities request for an API version', () => {
  it('before 2026-01 skips the comparison with ignoreCompareQuantity, as those versions require', async () => {
    fake = await createFakeShopify({ orders: 0, products: 3, oldestServedApiVersion: '2025-07' });
    fake.state.setInventory('DH-1000', 9);
    const old = inventorySetRequest('2025-10', quantities(fake), 'key-1');
    expect(old.variables.input).toMatchObject({ name: 'available', reason: 'correction', ignoreCompareQuantity: true });
    expect(JSON.stringify(old)).not.toContain('changeFromQuantity');
    expect(old.document).not.toContain('@idempotent');
    expect((await send(fake, '2025-10', old)).data?.inventorySetQuantities?.userErrors).toEqual([]);
    expect(fake.state.inventory('DH-1000')).toBe(3);
    // The newer syntax does not exist there.
    expect((await send(fake, '2025-10', inventorySetRequest('2026-01', quantities(fake), 'key-2'))).errors?.[0].message).toBe('Unknown directive "@idempotent".');
  });

  it.each(['2026-01', '2026-04', '2026-07', '2026-10'])('from 2026-01 (%s) sends changeFromQuantity null on each quantity and an @idempotent key', async (version) => {
    fake = await createFakeShopify({ orders: 0, products: 3 });
    fake.state.setInventory('DH-1000', 9);
    const request = inventorySetRequest(version, quantities(fake), 'key-3');
    const input = request.variables.input as { quantities: Record<string, unknown>[] };
    expect(input).not.toHaveProperty('ignoreCompareQuantity');
    expect(input.quantities.every((q) => q.changeFromQuantity === null && !('compareQuantity' in q))).toBe(true);
    expect(request.variables.idempotencyKey).toBe('key-3');
    expect((await send(fake, version, request)).data?.inventorySetQuantities?.userErrors).toEqual([]);
    expect(fake.state.inventory('DH-1000')).toBe(3);
    if (version >= '2026-04') {
      // What the connector sent before: refused by the schema of these versions.
      const legacy = await send(fake, version, inventorySetRequest('2025-10', quantities(fake), 'key-4'));
      expect(legacy.errors?.[0].message).toContain('Field "ignoreCompareQuantity" is not defined');
    }
  });
});
