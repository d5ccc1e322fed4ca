import { ORDER_STATUSES, type OrderStatus } from '../../../../shared/domain.js';
import { withQuery } from '../../app/router.js';

/** The Orders list's filters live in the URL (`#/orders?merchant=&cart=&status=&q=&offset=`), so links and back work. */
export interface OrdersFilter {
  merchantId?: number;
  cartId?: number;
  status?: OrderStatus;
  search?: string;
  offset: number;
}

export const PAGE_SIZE = 50;

const positiveInt = (value: string | null): number | undefined => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export function filterFromQuery(query: URLSearchParams): OrdersFilter {
  const status = query.get('status');
  const offset = Number(query.get('offset'));
  return {
    merchantId: positiveInt(query.get('merchant')),
    cartId: positiveInt(query.get('cart')),
    status: (ORDER_STATUSES as readonly string[]).includes(status ?? '') ? (status as OrderStatus) : undefined,
    search: query.get('q')?.trim() || undefined,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

export function ordersPath(filter: OrdersFilter): string {
  return withQuery('/orders', {
    merchant: filter.merchantId,
    cart: filter.cartId,
    status: filter.status,
    q: filter.search,
    offset: filter.offset || undefined,
  });
}

export function hasFilters(filter: OrdersFilter): boolean {
  return Boolean(filter.merchantId || filter.cartId || filter.status || filter.search);
}
