import type { CanonicalOrder } from '../../../../shared/domain.js';
import { formatMoney } from './money.js';

/** The order's amounts exactly as the cart sent them. */
export function OrderMoney({ order }: { order: CanonicalOrder }) {
  const rows: [string, string][] = [
    ['Subtotal', order.subtotal],
    ['Discount', order.discount],
    ['Tax', order.tax],
    ['Shipping', order.shipping],
  ];
  return (
    <section aria-label="Money">
      <h3>Money</h3>
      <dl className="details order__money">
        {rows.map(([label, amount]) => (
          <div key={label} className="order__money-row">
            <dt>{label}</dt>
            <dd className="mono">{formatMoney(amount, order.currency)}</dd>
          </div>
        ))}
        <div className="order__money-row order__money-total">
          <dt>Total</dt>
          <dd className="mono">{formatMoney(order.total, order.currency)}</dd>
        </div>
      </dl>
    </section>
  );
}
