import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderSummaryView, Page } from '../../../../shared/api-types.js';
import { UNMAPPED_REASON_PREFIX } from '../../../../shared/order-actions.js';
import { ApiError } from '../../../../renderer/src/api/api-error.js';

// The engine is replaced by a list of orders: `orders.list` pages through it, `orders.release` may refuse.
const engine = vi.hoisted(() => ({
  orders: [] as OrderSummaryView[],
  refuse: new Map<number, string>(),
  released: [] as number[],
  listCalls: [] as Record<string, unknown>[],
}));

vi.mock('../../../../renderer/src/api/client.js', () => ({
  call: async (method: string, input: Record<string, unknown>) => {
    if (method === 'orders.list') {
      engine.listCalls.push(input);
      // As the engine does: exact ship code when one is given.
      const matching = engine.orders.filter(
        (o) => o.cartId === input.cartId && o.status === input.status && (input.shipCode === undefined || o.shipCode === input.shipCode),
      );
      const offset = input.offset as number;
      const limit = input.limit as number;
      const page: Page<OrderSummaryView> = { items: matching.slice(offset, offset + limit), total: matching.length, limit, offset };
      return page;
    }
    if (method === 'orders.release') {
      const id = input.id as number;
      const refusal = engine.refuse.get(id);
      if (refusal) throw new ApiError('conflict', refusal);
      engine.released.push(id);
      return {};
    }
    throw new Error(`unexpected call ${method}`);
  },
}));

const { findHeldOrders, isHeldForCode, releaseHeldOrders } = await import('../../../../renderer/src/screens/ship-methods/release-held-orders.js');

function order(id: number, overrides: Partial<OrderSummaryView> = {}): OrderSummaryView {
  return {
    id,
    cartId: 7,
    merchantId: 1,
    orderNumber: `#${1000 + id}`,
    status: 'error',
    statusReason: `${UNMAPPED_REASON_PREFIX}EXPRESS`,
    shipCode: 'EXPRESS',
    mappedShipCode: null,
    orderDate: '2026-03-01T09:00:00.000Z',
    total: '10.00',
    currency: 'USD',
    shipToName: 'Maria Lopez',
    changedAfterDelivery: false,
    failedSends: 0,
    atWmsAt: null,
    updatedAt: '2026-03-01T09:00:00.000Z',
    merchantName: 'Acme',
    cartName: 'Acme shop',
    gaps: 0,
    ...overrides,
  };
}

beforeEach(() => {
  engine.orders = [];
  engine.refuse.clear();
  engine.released = [];
  engine.listCalls = [];
});

describe('an order held for an unmapped ship code', () => {
  it('is one in error whose reason is that very code', () => {
    expect(isHeldForCode(order(1), 'EXPRESS')).toBe(true);
  });

  it('is not one held for another code, failed for another reason, or no longer in error', () => {
    expect(isHeldForCode(order(1), 'GROUND')).toBe(false);
    expect(isHeldForCode(order(1, { statusReason: 'The WMS refused the file' }), 'EXPRESS')).toBe(false);
    expect(isHeldForCode(order(1, { statusReason: null }), 'EXPRESS')).toBe(false);
    expect(isHeldForCode(order(1, { status: 'new' }), 'EXPRESS')).toBe(false);
  });
});

describe('finding the orders a ship code holds', () => {
  it("finds them on every page of the cart's failed orders", async () => {
    engine.orders = Array.from({ length: 1201 }, (_, i) => order(i + 1));
    const held = await findHeldOrders(7, 'EXPRESS');
    expect(held).toHaveLength(1201);
    expect(engine.listCalls.map((c) => c.offset)).toEqual([0, 500, 1000]);
  });

  it("leaves out other carts' orders and orders in error for other reasons", async () => {
    engine.orders = [order(1), order(2, { cartId: 8 }), order(3, { statusReason: 'Delivery failed' }), order(4, { shipCode: 'GROUND', statusReason: `${UNMAPPED_REASON_PREFIX}GROUND` })];
    expect((await findHeldOrders(7, 'EXPRESS')).map((o) => o.id)).toEqual([1]);
  });

  it('asks the engine for the exact code as received, not a text search', async () => {
    await findHeldOrders(7, 'EXPRESS');
    await findHeldOrders(7, '');
    expect(engine.listCalls.map((c) => c.shipCode)).toEqual(['EXPRESS', '']);
    expect(engine.listCalls.every((c) => c.search === undefined)).toBe(true);
  });

  it('finds the orders of a code with a quote or a backslash', async () => {
    const code = 'Next "Day" \\ Air';
    const held = (id: number, shipCode: string) => order(id, { shipCode, statusReason: `${UNMAPPED_REASON_PREFIX}${shipCode}` });
    engine.orders = [held(1, code), held(2, 'Next "Day"'), held(3, code)];
    expect((await findHeldOrders(7, code)).map((o) => o.id)).toEqual([1, 3]);
    expect(engine.listCalls).toEqual([{ cartId: 7, status: 'error', shipCode: code, limit: 500, offset: 0 }]);
  });
});

describe('releasing the orders a ship code held', () => {
  it('releases each one and reports progress from zero to all', async () => {
    engine.orders = [order(1), order(2), order(3)];
    const progress: [number, number][] = [];
    const outcome = await releaseHeldOrders(7, 'EXPRESS', (done, total) => progress.push([done, total]));
    expect(outcome).toEqual({ released: 3, failed: [] });
    expect(engine.released).toEqual([1, 2, 3]);
    expect(progress).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('carries on past an order the engine refuses, and names it with the reason', async () => {
    engine.orders = [order(1), order(2), order(3)];
    engine.refuse.set(2, 'Ship code not mapped: EXPRESS: map it on the Ship methods screen first');
    const outcome = await releaseHeldOrders(7, 'EXPRESS', () => {});
    expect(outcome).toEqual({
      released: 2,
      failed: [{ orderNumber: '#1002', message: 'Ship code not mapped: EXPRESS: map it on the Ship methods screen first' }],
    });
    expect(engine.released).toEqual([1, 3]);
  });

  it('reports nothing to release when the code holds no orders', async () => {
    const progress: [number, number][] = [];
    expect(await releaseHeldOrders(7, 'EXPRESS', (done, total) => progress.push([done, total]))).toEqual({ released: 0, failed: [] });
    expect(progress).toEqual([[0, 0]]);
  });
});
