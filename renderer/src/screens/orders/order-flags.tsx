import type { OrderSummaryView } from '../../../../shared/api-types.js';

/**
 * Warnings a person must notice on an order: edited in the cart after the WMS got it, failed sends,
 * details the cart could not give (the order page says which).
 */
export function OrderFlags({ order }: { order: Pick<OrderSummaryView, 'changedAfterDelivery' | 'failedSends' | 'gaps'> }) {
  if (!order.changedAfterDelivery && order.failedSends === 0 && order.gaps === 0) return null;
  return (
    <span className="orders__flags">
      {order.changedAfterDelivery ? (
        <span className="badge badge--order-on_hold" title="The order was edited in the cart after it was sent to the WMS">
          Changed after delivery
        </span>
      ) : null}
      {order.failedSends > 0 ? (
        <span className="badge badge--order-error" title="Attempts to send this order to the WMS that failed">
          {order.failedSends} failed {order.failedSends === 1 ? 'send' : 'sends'}
        </span>
      ) : null}
      {order.gaps > 0 ? (
        <span className="badge badge--order-on_hold" title="The cart did not give everything about this order: the order's page says what is missing">
          Incomplete from the cart
        </span>
      ) : null}
    </span>
  );
}

/** "Standard Shipping → UPS-GND", or the received code alone while unmapped. */
export function ShipCodeCell({ shipCode, mappedShipCode }: { shipCode: string; mappedShipCode: string | null }) {
  return (
    <span className="orders__ship-code">
      <span>{shipCode || '(none)'}</span>
      {mappedShipCode && mappedShipCode !== shipCode ? (
        <>
          {' → '}
          <span className="mono">{mappedShipCode}</span>
        </>
      ) : null}
      {!mappedShipCode ? <span className="muted"> (not mapped)</span> : null}
    </span>
  );
}
