import { keepPreviousData } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useApi } from '../../api/hooks.js';
import { Link, navigate } from '../../app/router.js';
import { Pager } from '../../components/pager.js';
import { Empty, QueryView } from '../../components/states.js';
import { OrdersFilters } from './orders-filters.js';
import { filterFromQuery, hasFilters, ordersPath, PAGE_SIZE, type OrdersFilter } from './orders-query.js';
import { OrdersTable } from './orders-table.js';

/** Orders (`#/orders?merchant=&cart=&bucket=&status=&q=&sort=&offset=`): filtered, searched, sorted (newest first unless a header says otherwise) and paged. */
export function OrdersScreen({ query }: { query: URLSearchParams }) {
  const filter = filterFromQuery(query);
  const orders = useApi(
    'orders.list',
    {
      merchantId: filter.merchantId,
      cartId: filter.cartId,
      bucket: filter.bucket,
      status: filter.status,
      search: filter.search,
      sort: filter.sort,
      limit: PAGE_SIZE,
      offset: filter.offset,
    },
    // Keep the old page on screen while the next one loads, instead of flashing a spinner.
    { placeholderData: keepPreviousData },
  );
  const go = useCallback((next: OrdersFilter) => navigate(ordersPath(next)), []);
  return (
    <div className="orders">
      <div className="page-header">
        <h1>Orders</h1>
        {orders.data ? <span className="muted">{orders.data.total.toLocaleString()} {orders.data.total === 1 ? 'order' : 'orders'}</span> : null}
      </div>
      <OrdersFilters filter={filter} onFilter={go} />
      <QueryView query={orders} what="Loading orders">
        {(page) => {
          if (page.items.length === 0 && page.total > 0 && filter.offset > 0) {
            return (
              <Empty title="This page is past the last order.">
                <Link to={ordersPath({ ...filter, offset: 0 })}>Go to the first page</Link>
              </Empty>
            );
          }
          if (page.total === 0) {
            return hasFilters(filter) ? (
              <Empty title="No orders match these filters.">
                <Link to="/orders">Clear the filters</Link>
              </Empty>
            ) : (
              <Empty title="No orders yet.">
                Orders appear here after a cart's Order Download runs. Connect a cart on the <Link to="/merchants">Merchants</Link> screen, or run
                a download now on the <Link to="/activity">Activity</Link> screen.
              </Empty>
            );
          }
          return (
            <>
              <OrdersTable orders={page.items} filter={filter} onFilter={go} />
              <Pager offset={filter.offset} limit={PAGE_SIZE} total={page.total} onOffset={(offset) => go({ ...filter, offset })} />
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
