/**
 * searchCriteria as Magento reads it from a GET query string (AdobeDocs rest/use-rest/performing-searches):
 * searchCriteria[filter_groups][g][filters][f][field|value|condition_type], searchCriteria[sortOrders][i]
 * [field|direction], searchCriteria[pageSize], searchCriteria[currentPage]. Filters in one group are ORed,
 * groups are ANDed. Magento's binder accepts snake_case and camelCase keys alike.
 */

export interface SearchFilter {
  field: string;
  value: string;
  condition_type: string;
}

export interface SearchCriteria {
  filter_groups: { filters: SearchFilter[] }[];
  sort_orders?: { field: string; direction: 'ASC' | 'DESC' }[];
  page_size?: number;
  current_page?: number;
}

const CONDITIONS = new Set([
  'eq', 'finset', 'from', 'gt', 'gteq', 'in', 'like', 'lt', 'lteq', 'moreq', 'neq', 'nfinset', 'nin', 'nlike', 'notnull', 'null', 'to',
]);

export class SearchCriteriaError extends Error {}

export function parseSearchCriteria(params: URLSearchParams): SearchCriteria {
  const groups = new Map<number, Map<number, Partial<SearchFilter>>>();
  const sorts = new Map<number, { field?: string; direction?: string }>();
  const criteria: SearchCriteria = { filter_groups: [] };
  for (const [key, value] of params) {
    if (!key.startsWith('searchCriteria')) continue;
    const parts = [...key.slice('searchCriteria'.length).matchAll(/\[([^\]]*)\]/g)].map((m) => snake(m[1]));
    if (parts[0] === 'filter_groups' && parts[2] === 'filters' && parts.length === 5) {
      const group = groups.get(Number(parts[1])) ?? new Map<number, Partial<SearchFilter>>();
      groups.set(Number(parts[1]), group);
      const filter = group.get(Number(parts[3])) ?? {};
      group.set(Number(parts[3]), filter);
      if (parts[4] === 'field' || parts[4] === 'value' || parts[4] === 'condition_type') filter[parts[4]] = value;
    } else if (parts[0] === 'sort_orders' && parts.length === 3) {
      const sort = sorts.get(Number(parts[1])) ?? {};
      sorts.set(Number(parts[1]), sort);
      if (parts[2] === 'field') sort.field = value;
      if (parts[2] === 'direction') sort.direction = value;
    } else if (parts[0] === 'page_size' && parts.length === 1) {
      criteria.page_size = wholeNumber(value);
    } else if (parts[0] === 'current_page' && parts.length === 1) {
      criteria.current_page = wholeNumber(value);
    }
  }
  for (const [, group] of [...groups].sort((a, b) => a[0] - b[0])) {
    const filters: SearchFilter[] = [];
    for (const [, f] of [...group].sort((a, b) => a[0] - b[0])) {
      if (!f.field) throw new SearchCriteriaError('"field" is required. Enter and try again.');
      const condition = f.condition_type ?? 'eq';
      if (!CONDITIONS.has(condition)) throw new SearchCriteriaError(`Invalid condition type: ${condition}`);
      filters.push({ field: f.field, value: f.value ?? '', condition_type: condition });
    }
    criteria.filter_groups.push({ filters });
  }
  if (sorts.size > 0) {
    criteria.sort_orders = [...sorts]
      .sort((a, b) => a[0] - b[0])
      .map(([, s]) => ({ field: s.field ?? '', direction: (s.direction ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC' }));
  }
  return criteria;
}

export function matches(value: object, criteria: SearchCriteria): boolean {
  const record = value as Record<string, unknown>;
  return criteria.filter_groups.every((group) => group.filters.some((f) => matchesFilter(record[f.field], f)));
}

function matchesFilter(actual: unknown, f: SearchFilter): boolean {
  const list = () => f.value.split(',').map((v) => v.trim());
  switch (f.condition_type) {
    case 'null':
      return actual == null;
    case 'notnull':
      return actual != null;
    case 'in':
      return list().some((v) => compare(actual, v) === 0);
    case 'nin':
      return !list().some((v) => compare(actual, v) === 0);
    case 'like':
      return likePattern(f.value).test(String(actual ?? ''));
    case 'nlike':
      return !likePattern(f.value).test(String(actual ?? ''));
    case 'finset':
      return String(actual ?? '').split(',').includes(f.value);
    case 'nfinset':
      return !String(actual ?? '').split(',').includes(f.value);
    default: {
      if (actual == null) return false;
      const c = compare(actual, f.value);
      switch (f.condition_type) {
        case 'eq':
          return c === 0;
        case 'neq':
          return c !== 0;
        case 'gt':
          return c > 0;
        case 'gteq':
        case 'moreq':
        case 'from':
          return c >= 0;
        case 'lt':
          return c < 0;
        case 'lteq':
        case 'to':
          return c <= 0;
        default:
          return false;
      }
    }
  }
}

/** Numbers compare as numbers, everything else as text (Magento's times sort correctly as text). */
export function compare(actual: unknown, value: string): number {
  if (typeof actual === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return actual - Number(value);
  const a = String(actual);
  return a < value ? -1 : a > value ? 1 : 0;
}

export function sortRecords<T extends object>(records: T[], criteria: SearchCriteria): T[] {
  const orders = criteria.sort_orders ?? [];
  return [...records].sort((a, b) => {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    for (const o of orders) {
      const c = compare(x[o.field], String(y[o.field]));
      if (c !== 0) return o.direction === 'DESC' ? -c : c;
    }
    return Number(x.entity_id) - Number(y.entity_id);
  });
}

/**
 * The page Magento answers with. Without pageSize every match comes back. A currentPage past the last
 * page answers the LAST page again (the sales order collection clamps it; magento/magento2#25619), so a
 * client that pages until it sees an empty page never stops: it must stop by total_count.
 */
export function pageOf<T>(records: T[], criteria: SearchCriteria): T[] {
  if (criteria.page_size === undefined || criteria.page_size === 0) return records;
  const lastPage = Math.max(1, Math.ceil(records.length / criteria.page_size));
  const page = Math.min(Math.max(1, criteria.current_page ?? 1), lastPage);
  return records.slice((page - 1) * criteria.page_size, page * criteria.page_size);
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new SearchCriteriaError(`The "${value}" value's type is invalid. The "int" type was expected. Verify and try again.`);
  return Number(value);
}

function likePattern(value: string): RegExp {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}
