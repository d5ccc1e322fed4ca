import type { OrderLine } from '../../../../shared/domain.js';
import { orderedQuantityOf } from '../../../../shared/order-lines.js';
import { lineQuantityNote, showsOrderedQuantity } from './line-quantities.js';
import { lineShipped } from './line-shipped.js';
import { formatMoney } from './money.js';

/**
 * The order's lines: what the warehouse is asked to ship (and what was ordered, where the cart had
 * fulfilled part before download), and how much of it the warehouse has shipped.
 */
export function OrderLines({
  lines,
  currency,
  shippedQuantities,
  restCanceled,
}: {
  lines: OrderLine[];
  currency: string;
  shippedQuantities: Record<string, number>;
  restCanceled: boolean;
}) {
  const withOrdered = showsOrderedQuantity(lines);
  return (
    <section aria-labelledby="order-lines-title">
      <h2 id="order-lines-title">Lines</h2>
      <div className="table-wrap">
        <table aria-label="Lines">
          <thead>
            <tr>
              <th>Line</th>
              <th>SKU</th>
              <th>Name</th>
              <th className="orders__num">{withOrdered ? 'To ship' : 'Qty'}</th>
              {withOrdered ? <th className="orders__num">Ordered</th> : null}
              <th className="orders__num">Shipped</th>
              <th className="orders__num">Price</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const shipped = lineShipped(line, shippedQuantities, restCanceled);
              const note = lineQuantityNote(line);
              return (
                <tr key={line.lineNo}>
                  <td>{line.lineNo}</td>
                  <td className="mono">{line.sku}</td>
                  <td>
                    {line.name ?? <span className="muted">—</span>}
                    {line.comment ? <div className="muted">{line.comment}</div> : null}
                  </td>
                  <td className="orders__num">
                    {line.quantity}
                    {note ? <div className="muted">{note}</div> : null}
                  </td>
                  {withOrdered ? <td className="orders__num">{orderedQuantityOf(line)}</td> : null}
                  <td className={`orders__num${shipped.state === 'none' || shipped.state === 'canceled' ? ' muted' : ''}`}>{shipped.text}</td>
                  <td className="orders__num mono">
                    {formatMoney(line.price, currency)}
                    {line.discount && line.discount !== '0.00' ? <div className="muted">−{formatMoney(line.discount, currency)}</div> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
