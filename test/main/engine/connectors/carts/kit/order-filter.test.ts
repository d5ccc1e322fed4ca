import { describe, expect, it } from 'vitest';
import { allowedValues, refuseWhen, skipReason, type OrderRule } from '../../../../../../main/engine/connectors/carts/kit/order-filter.js';

interface Order {
  id: string;
  status: string;
  test: boolean;
}

const rules: OrderRule<Order>[] = [
  refuseWhen<Order>('test orders', (o) => o.test, 'test order: left out unless the settings include them'),
  allowedValues<Order>('order status', (o) => o.status, ['processing', 'on-hold']),
  refuseWhen<Order>('odd ids', (o) => o.id.endsWith('7'), (o) => `order ${o.id} ends in 7`),
];

describe('engine-level order filters', () => {
  it('lets an order through when no rule refuses it', () => {
    expect(skipReason({ id: '1', status: 'processing', test: false }, rules)).toBeUndefined();
  });

  it('gives the reason of the first rule that refuses, in plain words', () => {
    expect(skipReason({ id: '7', status: 'completed', test: true }, rules)).toBe('test order: left out unless the settings include them');
    expect(skipReason({ id: '7', status: 'completed', test: false }, rules)).toBe('order status completed is not in the filter (processing, on-hold)');
    expect(skipReason({ id: '7', status: 'on-hold', test: false }, rules)).toBe('order 7 ends in 7');
  });

  it('treats an empty list of allowed values as "any"', () => {
    const anyStatus = allowedValues<Order>('order status', (o) => o.status, []);
    expect(anyStatus.refuses({ id: '1', status: 'whatever', test: false })).toBeUndefined();
    expect(anyStatus.name).toBe('order status');
  });

  it('lets everything through an empty list of rules', () => {
    expect(skipReason({ id: '1', status: 'x', test: true }, [])).toBeUndefined();
  });
});
