import { describe, expect, it } from 'vitest';
import { demoOrder } from '../../../../../../main/engine/connectors/carts/demo/demo-orders.js';

const AT = '2026-03-01T10:00:00.000Z';
const person = (a: { firstName?: string; lastName?: string; address1?: string; zip?: string }) => `${a.firstName} ${a.lastName}, ${a.address1}, ${a.zip}`;

describe('the demo invents varied customers', () => {
  it('3,000 demo orders have at least 1,000 different customers, and no one person has more than a handful', () => {
    // Five fixed shoppers made 600 of 3,005 demo orders the same person.
    const orders = Array.from({ length: 3_000 }, (_, i) => demoOrder(7, i + 1, AT));
    const people = new Map<string, number>();
    for (const o of orders) people.set(person(o.shipTo), (people.get(person(o.shipTo)) ?? 0) + 1);
    expect(people.size).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...people.values())).toBeLessThanOrEqual(5);
    expect(new Set(orders.map((o) => `${o.shipTo.firstName} ${o.shipTo.lastName}`)).size).toBeGreaterThanOrEqual(1_000);
    expect(new Set(orders.map((o) => o.shipTo.city)).size).toBeGreaterThanOrEqual(15);
  });

  it('gives the same order the same customer every time, with a full address to ship to', () => {
    const a = demoOrder(7, 42, AT);
    expect(demoOrder(7, 42, AT)).toEqual(a);
    expect(a.shipTo).toMatchObject({ firstName: expect.any(String), lastName: expect.any(String), address1: expect.stringMatching(/^\d+ /), city: expect.any(String), state: expect.stringMatching(/^[A-Z]{2}$/), zip: expect.stringMatching(/^\d{5}$/), country: 'US' });
    expect(a.shipTo.email).toMatch(/^[a-z.]+@example\.com$/);
    expect(a.billTo).toEqual(a.shipTo);
  });
});
