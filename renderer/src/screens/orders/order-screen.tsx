import type { OrderDetailView } from '../../../../shared/api-types.js';
import { useApi } from '../../api/hooks.js';
import { Link, withQuery } from '../../app/router.js';
import { Banner, Empty, ErrorState, Loading } from '../../components/states.js';
import { OrderStatusBadge } from '../../components/status-badge.js';
import { formatDateTime } from '../../format/time.js';
import { OrderActions } from './order-actions.js';
import { OrderAddress } from './order-address.js';
import { OrderFlags, ShipCodeCell } from './order-flags.js';
import { OrderGaps } from './order-gaps.js';
import { OrderHistory } from './order-history.js';
import { OrderLines } from './order-lines.js';
import { OrderMoney } from './order-money.js';
import { OrderShipments } from './order-shipments.js';

/** One order (`#/orders/:id`): what the cart sent, where it is in the loop, and what a person can do. */
export function OrderScreen({ id }: { id: number }) {
  const order = useApi('orders.get', { id }, { enabled: Number.isInteger(id) && id > 0 });
  if (!Number.isInteger(id) || id <= 0 || order.error?.kind === 'not_found') {
    return (
      <Empty title="There is no such order.">
        <Link to="/orders">Back to the orders</Link>
      </Empty>
    );
  }
  if (order.isPending) return <Loading what="Loading the order" />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  return <OrderDetail order={order.data} />;
}

function OrderDetail({ order }: { order: OrderDetailView }) {
  const o = order.order;
  return (
    <div className="order">
      <p>
        <Link to={withQuery('/orders', { cart: order.cartId })}>← Orders of this cart</Link>
      </p>
      <div className="page-header">
        <h1>
          Order {order.orderNumber} <OrderStatusBadge status={order.status} />
        </h1>
        <OrderFlags order={order} />
      </div>
      {order.statusReason ? <Banner kind={order.status === 'error' ? 'error' : 'info'}>{order.statusReason}</Banner> : null}
      <OrderGaps gaps={o.gaps} />
      <OrderActions order={order} />
      <div className="panel">
        <dl className="details">
          <dt>Order date</dt>
          <dd>{formatDateTime(order.orderDate)}</dd>
          <dt>Ship code</dt>
          <dd>
            <ShipCodeCell shipCode={order.shipCode} mappedShipCode={order.mappedShipCode} />
          </dd>
          <dt>Cart's order id</dt>
          <dd className="mono">{order.cartOrderId}</dd>
          <dt>Batch</dt>
          <dd className="mono">{order.batchId ?? <span className="muted">not sent yet</span>}</dd>
          <dt>Sent to the WMS</dt>
          <dd>{formatDateTime(order.atWmsAt)}</dd>
          {o.poNumber ? (
            <>
              <dt>PO number</dt>
              <dd>{o.poNumber}</dd>
            </>
          ) : null}
          {o.giftMessage ? (
            <>
              <dt>Gift message</dt>
              <dd>{o.giftMessage}</dd>
            </>
          ) : null}
          {o.shippingInstructions ? (
            <>
              <dt>Instructions</dt>
              <dd>{o.shippingInstructions}</dd>
            </>
          ) : null}
        </dl>
      </div>
      <div className="panel order__summary">
        <OrderAddress title="Ship to" address={o.shipTo} />
        <OrderAddress title="Bill to" address={o.billTo} />
        <OrderMoney order={o} />
      </div>
      <OrderLines lines={o.lines} currency={o.currency} shippedQuantities={order.shippedQuantities} restCanceled={order.restCanceledAt !== null} />
      <OrderShipments shipments={order.shipments} />
      <OrderHistory history={order.history} />
    </div>
  );
}
