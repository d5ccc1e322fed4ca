import { useId, useState } from 'react';
import type { ShipCodeMappingView } from '../../../../shared/api-types.js';
import type { ShipMethod } from '../../../../shared/domain.js';
import { useApiMutation } from '../../api/hooks.js';
import { Link, withQuery } from '../../app/router.js';
import { ReleaseHeldButton } from './release-held-button.js';
import { UNMAPPED_REASON_PREFIX } from './release-held-orders.js';
import { FieldError } from '../../components/field-error.js';

/** One code the cart sent: the WMS method it maps to (saved on change), the orders it holds, release. */
export function MappingRow({ mapping, methods }: { mapping: ShipCodeMappingView; methods: ShipMethod[] }) {
  const map = useApiMutation('shipMethods.map');
  const [saved, setSaved] = useState(false);
  const errorId = useId();
  const unmapped = mapping.wmsCode === null;
  const code = mapping.cartCode || '(none)';
  const options = methods.map((m) => ({ value: m.code, label: m.description ? `${m.code} — ${m.description}` : m.code }));
  if (mapping.wmsCode && !methods.some((m) => m.code === mapping.wmsCode)) {
    options.push({ value: mapping.wmsCode, label: `${mapping.wmsCode} (no longer in the WMS list)` });
  }
  const heldLink = withQuery('/orders', { cart: mapping.cartId, status: 'error', q: mapping.cartCode || undefined });
  const error = map.error ? (map.error.fields.wmsCode ?? map.error.message) : null;

  return (
    <tr className={unmapped || mapping.heldOrders > 0 ? 'row--highlight' : undefined}>
      <td>
        <span className="mono">{code}</span>
        {unmapped ? <span className="badge badge--order-error ship-methods__flag">Not mapped</span> : null}
      </td>
      <td>
        <select
          aria-label={`WMS ship method for ${code}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          value={mapping.wmsCode ?? ''}
          disabled={map.isPending}
          onChange={(event) => {
            setSaved(false);
            map.mutate(
              { cartId: mapping.cartId, cartCode: mapping.cartCode, wmsCode: event.target.value || null },
              { onSuccess: () => setSaved(true) },
            );
          }}
        >
          <option value="">— Not mapped —</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {map.isPending ? <span className="muted ship-methods__saving"> Saving…</span> : null}
        {saved && !map.isPending ? (
          <span className="ship-methods__ok" role="status">
            {' '}
            Saved
          </span>
        ) : null}
        <FieldError message={error} id={errorId} />
      </td>
      <td>
        {mapping.heldOrders > 0 ? (
          <Link to={heldLink} title={`${UNMAPPED_REASON_PREFIX}${code}`}>
            {mapping.heldOrders} held {mapping.heldOrders === 1 ? 'order' : 'orders'}
          </Link>
        ) : (
          <span className="muted">none</span>
        )}
      </td>
      <td>
        {/* Mounted for every mapped code, so its result stays on screen after the held count drops to 0. */}
        {!unmapped ? <ReleaseHeldButton cartId={mapping.cartId} cartCode={mapping.cartCode} held={mapping.heldOrders} /> : null}
        {mapping.heldOrders > 0 && unmapped ? <span className="muted">Map the code first</span> : null}
      </td>
    </tr>
  );
}
