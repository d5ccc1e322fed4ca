import { describe, expect, it } from 'vitest';
import { matches, pageOf, parseSearchCriteria, sortRecords } from './search-criteria.js';

const rows = [
  { entity_id: 1, status: 'pending', grand_total: 5, updated_at: '2026-11-20 10:00:00' },
  { entity_id: 2, status: 'processing', grand_total: 50, updated_at: '2026-11-20 09:00:00' },
  { entity_id: 3, status: 'complete', grand_total: 500, updated_at: '2026-11-20 11:00:00' },
];

describe('searchCriteria in the fake', () => {
  it('reads camelCase keys as Magento\'s binder does, and eq when no condition is given', () => {
    const c = parseSearchCriteria(new URLSearchParams({ 'searchCriteria[filterGroups][0][filters][0][field]': 'status', 'searchCriteria[filterGroups][0][filters][0][value]': 'pending' }));
    expect(c.filter_groups).toEqual([{ filters: [{ field: 'status', value: 'pending', condition_type: 'eq' }] }]);
    expect(rows.filter((r) => matches(r, c)).map((r) => r.entity_id)).toEqual([1]);
  });

  it('compares numbers as numbers and Magento times as text', () => {
    const gt = parseSearchCriteria(new URLSearchParams({
      'searchCriteria[filter_groups][0][filters][0][field]': 'grand_total',
      'searchCriteria[filter_groups][0][filters][0][value]': '9',
      'searchCriteria[filter_groups][0][filters][0][condition_type]': 'gt',
    }));
    expect(rows.filter((r) => matches(r, gt)).map((r) => r.entity_id)).toEqual([2, 3]);
  });

  it('supports like with % and in/nin lists', () => {
    const like = parseSearchCriteria(new URLSearchParams({
      'searchCriteria[filter_groups][0][filters][0][field]': 'status',
      'searchCriteria[filter_groups][0][filters][0][value]': 'p%',
      'searchCriteria[filter_groups][0][filters][0][condition_type]': 'like',
    }));
    expect(rows.filter((r) => matches(r, like)).map((r) => r.entity_id)).toEqual([1, 2]);
    const nin = parseSearchCriteria(new URLSearchParams({
      'searchCriteria[filter_groups][0][filters][0][field]': 'status',
      'searchCriteria[filter_groups][0][filters][0][value]': 'pending,complete',
      'searchCriteria[filter_groups][0][filters][0][condition_type]': 'nin',
    }));
    expect(rows.filter((r) => matches(r, nin)).map((r) => r.entity_id)).toEqual([2]);
  });

  it('sorts by the sort orders then entity_id, and clamps a page past the end to the last page', () => {
    const c = parseSearchCriteria(new URLSearchParams({
      'searchCriteria[sortOrders][0][field]': 'updated_at',
      'searchCriteria[sortOrders][0][direction]': 'asc',
      'searchCriteria[pageSize]': '2',
      'searchCriteria[currentPage]': '5',
    }));
    const sorted = sortRecords(rows, c);
    expect(sorted.map((r) => r.entity_id)).toEqual([2, 1, 3]);
    expect(pageOf(sorted, c).map((r) => r.entity_id)).toEqual([3]);
  });

  it('refuses a page size that is not a whole number', () => {
    expect(() => parseSearchCriteria(new URLSearchParams({ 'searchCriteria[pageSize]': 'ten' }))).toThrow(/"int" type was expected/);
  });
});
