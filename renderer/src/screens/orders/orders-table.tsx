import type { OrderSummaryView } from '../../../../shared/api-types.js';
import { Link } from '../../app/router.js';
import { OrderStatusBadge } from '../../components/status-badge.js';
import { formatDateTime } from '../../format/time.js';
import { formatMoney } from './money.js';
import { OrderFlags, ShipCodeCell } from './order-flags.js';

export function OrdersTable({ orders }: { orders: OrderSummaryView[] }) {
  return (
    <div className="table-wrap">
      <table aria-label="Orders">
        <thead>
          <tr>
            <th>Order</th>
            <th>Date</th>
            <th>Ship to</th>
            <th className="orders__num">Total</th>
            <th>Ship code</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} className={order.status === 'error' || order.status === 'on_hold' ? 'row--highlight' : undefined}>
              <td>
                <Link to={`/orders/${order.id}`}>{order.orderNumber}</Link>
              </td>
              <td>{formatDateTime(order.orderDate)}</td>
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
