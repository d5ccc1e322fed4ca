import { describe, expect, it } from 'vitest';
import { BUCKET_OF_STATUS, ORDER_STATUSES } from '../../shared/domain.js';

describe('the health bucket of each order status', () => {
  it('puts a partially shipped order at the warehouse, which owes the rest of it', () => {
    expect(ORDER_STATUSES.indexOf('partially_shipped')).toBe(ORDER_STATUSES.indexOf('at_wms') + 1);
    expect(BUCKET_OF_STATUS.partially_shipped).toBe('at_warehouse');
  });

  it('gives every status exactly one bucket, so the dashboard counts add up', () => {
    expect(Object.keys(BUCKET_OF_STATUS).sort()).toEqual([...ORDER_STATUSES].sort());
  });
});
