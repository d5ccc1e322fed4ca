import { invalidParam, type FakeReply } from './wp-replies.js';

/**
 * Paging parameters as WordPress validates them: page >= 1, per_page 1..100 (default 10), offset >= 0.
 * WP_Query ignores page when offset is given; X-WP-Total counts every match, offset or not, and
 * X-WP-TotalPages is that total over per_page.
 */

export interface Paging {
  page: number;
  perPage: number;
  offset?: number;
}

export const MAX_PER_PAGE = 100;

export function readPaging(query: URLSearchParams): Paging | FakeReply {
  const page = orDefault(readInt(query, 'page'), 1);
  if (page === null || page < 1) return invalidParam('page', 'page must be greater than or equal to 1');
  const perPage = orDefault(readInt(query, 'per_page'), 10);
  if (perPage === null || perPage < 1 || perPage > MAX_PER_PAGE) {
    return invalidParam('per_page', `per_page must be between 1 (inclusive) and ${MAX_PER_PAGE} (inclusive)`);
  }
  const offset = readInt(query, 'offset');
  if (offset === null || (offset !== undefined && offset < 0)) return invalidParam('offset', 'offset is not of type integer.');
  return { page, perPage, offset };
}

function orDefault(value: number | null | undefined, fallback: number): number | null {
  return value === undefined ? fallback : value;
}

export function slice<T>(items: T[], paging: Paging): T[] {
  const start = paging.offset ?? (paging.page - 1) * paging.perPage;
  return items.slice(start, start + paging.perPage);
}

/** X-WP-Total, X-WP-TotalPages and the Link header (rel prev/next, as WordPress core writes them). */
export function pagingHeaders(total: number, paging: Paging, url: URL): Record<string, string> {
  const totalPages = Math.ceil(total / paging.perPage);
  const headers: Record<string, string> = { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(totalPages) };
  const link = (page: number, rel: string) => {
    const next = new URL(url);
    next.searchParams.set('page', String(page));
    return `<${next.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (paging.page > 1 && paging.page - 1 <= totalPages) links.push(link(paging.page - 1, 'prev'));
  if (paging.page < totalPages) links.push(link(paging.page + 1, 'next'));
  if (links.length > 0) headers.Link = links.join(', ');
  return headers;
}

/** undefined when absent, null when not a whole number. */
function readInt(query: URLSearchParams, name: string): number | null | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

/** WordPress accepts arrays as `status=a,b` or `status[]=a&status[]=b`. */
export function readList(query: URLSearchParams, name: string): string[] | undefined {
  const values = [...query.getAll(name), ...query.getAll(`${name}[]`)];
  if (values.length === 0) return undefined;
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

export function readBool(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  return raw === 'true' || raw === '1';
}
