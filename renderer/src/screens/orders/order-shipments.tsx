import type { ShipmentView } from '../../../../shared/api-types.js';
import { Empty } from '../../components/states.js';
import { formatDate, formatDateTime } from '../../format/time.js';

const UPLOAD_LABELS: Record<ShipmentView['status'], string> = {
  pending: 'Waiting for upload',
  submitted: 'Sent; the cart confirms it later',
  uploaded: 'Uploaded to the cart',
  error: 'Upload failed',
  kept: 'On the order only: its lines went out under another package',
};
const UPLOAD_BADGES: Record<ShipmentView['status'], string> = {
  pending: 'badge--order-at_wms',
  submitted: 'badge--order-at_wms',
  uploaded: 'badge--order-confirmed',
  error: 'badge--order-error',
  kept: 'badge--order-skipped',
};

/** Only http(s) tracking links: a URL from a file must not become a javascript: link. */
function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function OrderShipments({ shipments }: { shipments: ShipmentView[] }) {
  return (
    <section aria-labelledby="order-shipments-title">
      <h2 id="order-shipments-title">Shipments</h2>
      {shipments.length === 0 ? (
        <Empty title="No shipments yet">The warehouse's shipping confirmation adds them here.</Empty>
      ) : (
        <div className="table-wrap">
          <table aria-label="Shipments">
            <thead>
              <tr>
                <th>Carrier</th>
                <th>Tracking number</th>
                <th>Ship date</th>
                <th>Items</th>
                <th>Upload</th>
              </tr>
            </thead>
            <tbody>
              {shipments.map((s) => {
                const link = safeUrl(s.trackingUrl);
                return (
                  <tr key={s.id}>
                    <td>
                      {s.carrier}
                      {s.service ? <div className="muted">{s.service}</div> : null}
                    </td>
                    <td className="mono">
                      {link ? (
                        <a href={link} target="_blank" rel="noreferrer noopener">
                          {s.trackingNumber}
                        </a>
                      ) : (
                        s.trackingNumber
                      )}
                    </td>
                    <td>{formatDate(s.shipDate)}</td>
                    <td>
                      {/* One item per order line: a SKU on two lines appears twice. */}
                      {s.items.map((item, k) => (
                        <div key={k}>
                          <span className="mono">{item.sku}</span> × {item.quantity}
                        </div>
                      ))}
                    </td>
                    <td>
                      <span className={`badge ${UPLOAD_BADGES[s.status]}`}>{UPLOAD_LABELS[s.status]}</span>
                      {s.uploadedAt ? <div className="muted">{formatDateTime(s.uploadedAt)}</div> : null}
                      {s.remoteId ? <div className="muted mono">Cart id: {s.remoteId}</div> : null}
                      {s.error ? <div className="field__error">{s.error}</div> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
