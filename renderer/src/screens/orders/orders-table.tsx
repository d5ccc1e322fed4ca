import type { OrderSummaryView } from '../../../../shared/api-types.js';
import type { OrderSortField } from '../../../../shared/order-sort.js';
import { Link } from '../../app/router.js';
import { SortableHeader } from '../../components/sortable-header.js';
import { OrderStatusBadge } from '../../components/status-badge.js';
import { formatDateTime } from '../../format/time.js';
import { formatMoney } from './money.js';
import { OrderFlags, ShipCodeCell } from './order-flags.js';
import { sortedBy, withSort, type OrdersFilter } from './orders-query.js';

/** The orders of one page; the headers of the sortable columns sort the whole list (through the URL). */
export function OrdersTable({ orders, filter, onFilter }: { orders: OrderSummaryView[]; filter: OrdersFilter; onFilter: (next: OrdersFilter) => void }) {
  const header = (label: string, field: OrderSortField, className?: string) => (
    <SortableHeader label={label} sorted={sortedBy(filter, field)} onSort={() => onFilter(withSort(filter, field))} className={className} />
  );
  return (
    <div className="table-wrap">
      <table aria-label="Orders">
        <thead>
          <tr>
            {header('Order', 'number')}
            {header('Date', 'date')}
            {header('Merchant', 'merchant')}
            {header('Store', 'store')}
            <th scope="col">Ship to</th>
            {header('Total', 'total', 'orders__num')}
            <th scope="col">Ship code</th>
            {header('Status', 'status')}
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} className={order.status === 'error' || order.status === 'on_hold' ? 'row--highlight' : undefined}>
              <td>
                <Link to={`/orders/${order.id}`}>{order.orderNumber}</Link>
              </td>
              <td>{formatDateTime(order.orderDate)}</td>
              <td>
                <Link to={`/merchants/${order.merchantId}`}>{order.merchantName}</Link>
              </td>
              <td>{order.cartName}</td>
              <td>{order.shipToName || <span className="muted">—</span>}</td>
              <td className="orders__num mono">{formatMoney(order.total, order.currency)}</td>
              <td>
                <ShipCodeCell shipCode={order.shipCode} mappedShipCode={order.mappedShipCode} />
              </td>
              <td>
                <OrderStatusBadge status={order.status} />
                <OrderFlags order={order} />
                {order.statusReason ? <div className="orders__reason">{order.statusReason}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
