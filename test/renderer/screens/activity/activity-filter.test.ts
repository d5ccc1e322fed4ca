import { describe, expect, it } from 'vitest';
import {
  activityPath,
  describeFilter,
  isFiltered,
  matchesFilter,
  readActivityFilter,
  withService,
  type ActivityFilter,
} from '../../../../renderer/src/screens/activity/activity-filter.js';

const read = (query: string) => readActivityFilter(new URLSearchParams(query));
const filter = (f: Partial<ActivityFilter>): ActivityFilter => ({ service: undefined, kind: undefined, targetId: undefined, ...f });

describe('the Activity filter in the URL', () => {
  it('reads a service, a kind of target and a target', () => {
    expect(read('service=order_download&kind=cart&target=3')).toEqual({ service: 'order_download', kind: 'cart', targetId: 3 });
    expect(read('kind=merchant&target=1')).toEqual({ service: undefined, kind: 'merchant', targetId: 1 });
  });

  it('is empty without a query', () => {
    expect(read('')).toEqual({ service: undefined, kind: undefined, targetId: undefined });
    expect(isFiltered(read(''))).toBe(false);
  });

  it('ignores a service or kind that does not exist and a target that is not an id', () => {
    expect(read('service=teleport&kind=order&target=abc')).toEqual({ service: undefined, kind: undefined, targetId: undefined });
    expect(read('target=0').targetId).toBeUndefined();
    expect(read('target=-2').targetId).toBeUndefined();
    expect(read('target=2.5').targetId).toBeUndefined();
  });

  it('writes back only what is set, and reads back the same', () => {
    expect(activityPath({ kind: 'merchant', targetId: 4 })).toBe('/activity?kind=merchant&target=4');
    expect(activityPath({})).toBe('/activity');
    const f = filter({ service: 'shipment_upload', kind: 'cart', targetId: 2 });
    expect(read(activityPath(f).split('?')[1])).toEqual(f);
  });
});

describe('a run or job on the filtered Activity screen', () => {
  const download = { service: 'order_download' as const, targetId: 3 };
  const delivery = { service: 'order_delivery' as const, targetId: 3 };

  it('shows when it matches the service and the target', () => {
    expect(matchesFilter(filter({ service: 'order_download', targetId: 3 }), download)).toBe(true);
  });

  it('is hidden when the service or the target differs', () => {
    expect(matchesFilter(filter({ service: 'shipment_upload', targetId: 3 }), download)).toBe(false);
    expect(matchesFilter(filter({ service: 'order_download', targetId: 4 }), download)).toBe(false);
  });

  it("of cart 3 is not one of merchant 3, though both have target id 3", () => {
    expect(matchesFilter(filter({ kind: 'cart', targetId: 3 }), download)).toBe(true);
    expect(matchesFilter(filter({ kind: 'cart', targetId: 3 }), delivery)).toBe(false);
    expect(matchesFilter(filter({ kind: 'merchant', targetId: 3 }), delivery)).toBe(true);
    expect(matchesFilter(filter({ kind: 'merchant', targetId: 3 }), download)).toBe(false);
    // Every merchant-side service of the merchant, not only its deliveries.
    expect(matchesFilter(filter({ kind: 'merchant', targetId: 3 }), { service: 'shipment_pickup', targetId: 3 })).toBe(true);
    expect(matchesFilter(filter({ kind: 'merchant', targetId: 3 }), { service: 'inventory_pickup', targetId: 3 })).toBe(true);
  });

  it('shows for any target when only the service is chosen, and for any service when only the target is', () => {
    expect(matchesFilter(filter({ service: 'order_download' }), download)).toBe(true);
    expect(matchesFilter(filter({ targetId: 3 }), download)).toBe(true);
    expect(matchesFilter(filter({}), download)).toBe(true);
  });
});

describe('choosing a service on a filtered Activity screen', () => {
  it('keeps the target when the service runs for that kind of target', () => {
    expect(withService(filter({ kind: 'merchant', targetId: 3 }), 'shipment_pickup')).toEqual({ service: 'shipment_pickup', kind: 'merchant', targetId: 3 });
  });

  it('drops the target when the service runs for the other kind, rather than show nothing', () => {
    expect(withService(filter({ kind: 'merchant', targetId: 3 }), 'order_download')).toEqual({ service: 'order_download', kind: undefined, targetId: undefined });
  });

  it('keeps the target when going back to all services', () => {
    expect(withService(filter({ service: 'order_download', kind: 'cart', targetId: 3 }), undefined)).toEqual({ service: undefined, kind: 'cart', targetId: 3 });
  });
});

describe('what the filtered Activity screen says it shows', () => {
  const jobs = [
    { service: 'order_download' as const, targetId: 1, targetName: 'Demo store' },
    { service: 'order_delivery' as const, targetId: 1, targetName: 'Demo Merchant' },
  ];

  it('names the store connection or the merchant by its name', () => {
    expect(describeFilter(filter({ kind: 'cart', targetId: 1 }), jobs)).toBe('all services of store connection Demo store');
    expect(describeFilter(filter({ kind: 'merchant', targetId: 1 }), jobs)).toBe('all services of merchant Demo Merchant');
    expect(describeFilter(filter({ service: 'order_download', targetId: 1 }), jobs)).toBe('Order Download of store connection Demo store');
  });

  it('falls back to the id when the name is not known, and says when an id alone is ambiguous', () => {
    expect(describeFilter(filter({ kind: 'merchant', targetId: 9 }), jobs)).toBe('all services of merchant #9');
    expect(describeFilter(filter({ targetId: 1 }), jobs)).toBe('all services of target #1 (a store connection or a merchant)');
    expect(describeFilter(filter({ kind: 'cart' }), jobs)).toBe('all services of every store connection');
  });
});
