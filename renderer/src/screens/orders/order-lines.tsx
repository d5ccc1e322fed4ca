import type { OrderLine } from '../../../../shared/domain.js';
import { formatMoney } from './money.js';

export function OrderLines({ lines, currency }: { lines: OrderLine[]; currency: string }) {
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
              <th className="orders__num">Qty</th>
              <th className="orders__num">Price</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.lineNo}>
                <td>{line.lineNo}</td>
                <td className="mono">{line.sku}</td>
                <td>
                  {line.name ?? <span className="muted">—</span>}
                  {line.comment ? <div className="muted">{line.comment}</div> : null}
                </td>
                <td className="orders__num">{line.quantity}</td>
                <td className="orders__num mono">
                  {formatMoney(line.price, currency)}
                  {line.discount && line.discount !== '0.00' ? <div className="muted">−{formatMoney(line.discount, currency)}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
