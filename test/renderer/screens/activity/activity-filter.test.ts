import { describe, expect, it } from 'vitest';
import { matchesFilter, readActivityFilter } from '../../../../renderer/src/screens/activity/activity-filter.js';

const read = (query: string) => readActivityFilter(new URLSearchParams(query));

describe('the Activity filter in the URL', () => {
  it('reads a service and a target', () => {
    expect(read('service=order_download&target=3')).toEqual({ service: 'order_download', targetId: 3 });
  });

  it('is empty without a query', () => {
    expect(read('')).toEqual({ service: undefined, targetId: undefined });
  });

  it('ignores a service that does not exist and a target that is not an id', () => {
    expect(read('service=teleport&target=abc')).toEqual({ service: undefined, targetId: undefined });
    expect(read('target=0')).toEqual({ service: undefined, targetId: undefined });
    expect(read('target=-2')).toEqual({ service: undefined, targetId: undefined });
    expect(read('target=2.5')).toEqual({ service: undefined, targetId: undefined });
  });
});

describe('a run or job on the filtered Activity screen', () => {
  const run = { service: 'order_download' as const, targetId: 3 };

  it('shows when it matches the service and the target', () => {
    expect(matchesFilter({ service: 'order_download', targetId: 3 }, run)).toBe(true);
  });

  it('is hidden when the service or the target differs', () => {
    expect(matchesFilter({ service: 'shipment_upload', targetId: 3 }, run)).toBe(false);
    expect(matchesFilter({ service: 'order_download', targetId: 4 }, run)).toBe(false);
  });

  it('shows for any target when only the service is chosen, and for any service when only the target is', () => {
    expect(matchesFilter({ service: 'order_download', targetId: undefined }, run)).toBe(true);
    expect(matchesFilter({ service: undefined, targetId: 3 }, run)).toBe(true);
    expect(matchesFilter({ service: undefined, targetId: undefined }, run)).toBe(true);
  });
});
