import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeShopify, type FakeShopify } from '../../../../../fakes/shopify/index.js';
import { ACCEPT_ALL, allOrders, collectPages, connectTo, lastCursor } from './helpers.js';

/**
 * Positions Shopify saved in users' databases before the connector kit existed, written out literally:
 * they must resume at the same place (same overlap, same created-at floor, same de-duplication).
 */

let fake: FakeShopify;
const names: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeEach(async () => {
  fake = await createFakeShopify({ orders: 0, restoreRate: 1e6, maximumAvailable: 1e6 });
  const add = (key: string, createdAt: string, updatedAt: string) => {
    const order = fake.state.addOrder({ createdAt, updatedAt, financialStatus: 'PAID' });
    names[key] = order.name;
    ids[key] = order.id;
  };
  add('handedOver', '2026-11-20T09:00:00Z', '2026-11-20T15:30:00Z'); // in the saved recent list, unchanged
  add('late', '2026-11-20T09:00:00Z', '2026-11-20T15:29:00Z'); // inside the overlap, never handed over
  add('old', '2026-11-20T09:00:00Z', '2026-11-20T15:20:00Z'); // before the overlap
  add('beforeFloor', '2025-06-01T00:00:00Z', '2026-11-20T15:31:00Z'); // created before the earliest order date
  add('new', '2026-11-20T09:00:00Z', '2026-11-20T15:40:00Z');
});

afterEach(async () => {
  await fake.close();
});

const handedOver = async (cursor: string) => {
  const pages = await collectPages(connectTo(fake, { settings: ACCEPT_ALL }).connector, cursor);
  const byName = Object.fromEntries(Object.entries(names).map(([k, v]) => [v, k]));
  return { keys: allOrders(pages).map((o) => byName[o.orderNumber]).sort(), next: JSON.parse(lastCursor(pages)) };
};

describe('Shopify positions saved before the connector kit', () => {
  it('resumes a versioned JSON position: overlap re-read, created-at floor kept, unchanged hand-overs not repeated', async () => {
    const saved = `{"v":1,"updatedAt":"2026-11-20T15:32:10.000Z","recent":{"${ids.handedOver}":"2026-11-20T15:30:00.000Z"},"createdAtMin":"2026-01-01T00:00:00.000Z"}`;
    const { keys, next } = await handedOver(saved);
    expect(keys).toEqual(['late', 'new']);
    expect(next.v).toBe(1);
    expect(next.updatedAt).toBe('2026-11-20T15:40:00.000Z');
    expect(next.createdAtMin).toBe('2026-01-01T00:00:00.000Z');
  });

  it('resumes a bare timestamp with an offset at the same instant, with no created-at floor', async () => {
    const { keys, next } = await handedOver('2026-11-20T10:32:10-05:00');
    expect(keys).toEqual(['beforeFloor', 'handedOver', 'late', 'new']);
    expect(next.updatedAt).toBe('2026-11-20T15:40:00.000Z');
    expect(next.createdAtMin).toBeUndefined();
  });

  it('never moves a saved position backwards when nothing newer is found', async () => {
    // 15:44 asks from 15:39: the order changed at 15:40 is re-read, and the position stays at 15:44.
    const { keys, next } = await handedOver('{"v":1,"updatedAt":"2026-11-20T15:44:00.000Z","recent":{},"createdAtMin":"2026-01-01T00:00:00.000Z"}');
    expect(keys).toEqual(['new']);
    expect(next.updatedAt).toBe('2026-11-20T15:44:00.000Z');
  });
});
