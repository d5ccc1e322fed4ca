import { z } from 'zod';

/**
 * How the Orders table may be sorted: one column and a direction, written "field:dir" (the same text in
 * the URL and in `orders.list`'s `sort`). Only these: each has an index (migration 009), so a sort on
 * 100,000 orders reads one page of an index instead of sorting them all.
 */
export const ORDER_SORT_FIELDS = ['date', 'number', 'merchant', 'store', 'status', 'total'] as const;
export type OrderSortField = (typeof ORDER_SORT_FIELDS)[number];
export type SortDirection = 'asc' | 'desc';
export type OrderSort = `${OrderSortField}:${SortDirection}`;

export const ORDER_SORTS = ORDER_SORT_FIELDS.flatMap((f) => [`${f}:asc`, `${f}:desc`] as const) as readonly OrderSort[];

export const orderSortSchema = z.enum(ORDER_SORTS as [OrderSort, ...OrderSort[]], {
  error: `Sort by one of ${ORDER_SORT_FIELDS.join(', ')}, then ":asc" or ":desc" (for example "date:desc")`,
});

export function parseOrderSort(sort: OrderSort): { field: OrderSortField; dir: SortDirection } {
  const [field, dir] = sort.split(':') as [OrderSortField, SortDirection];
  return { field, dir };
}

/**
 * The sort a URL asks for; undefined when it names none or one this version does not know (the list is
 * then newest first, as received).
 */
export function orderSortOf(text: string | null | undefined): OrderSort | undefined {
  return (ORDER_SORTS as readonly string[]).includes(text ?? '') ? (text as OrderSort) : undefined;
}

/** A header's first click sorts the way people read that column first: dates and totals largest first. */
export function firstDirection(field: OrderSortField): SortDirection {
  return field === 'date' || field === 'total' ? 'desc' : 'asc';
}
