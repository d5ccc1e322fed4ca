import { useState } from 'react';
import { carrierForCart } from '../../../../shared/carrier-mapping.js';
import { CARRIERS } from '../../../../shared/carriers.js';
import { cartPlatform } from '../../../../shared/platforms/index.js';
import { FieldError } from '../../components/field-error.js';
import type { FieldErrors } from '../../../../shared/errors.js';

/**
 * The carriers a shipment reaches the cart with: for each warehouse carrier, the platform's own name
 * (shown as the placeholder) and the cart's override; plus carriers only this warehouse writes, added
 * by the text its files use. Blank keeps the platform's name (shared/carrier-mapping.ts).
 */
export function CartCarriers({
  platform,
  platformName,
  names,
  onNames,
  errors,
}: {
  platform: string;
  platformName: string;
  names: Record<string, string>;
  onNames: (names: Record<string, string>) => void;
  errors: FieldErrors;
}) {
  const [added, setAdded] = useState('');
  const carriers = cartPlatform(platform)?.carriers ?? { names: {}, custom: 'name' as const };
  const codes = new Set<string>(CARRIERS.map((c) => c.code));
  const ownCarriers = Object.keys(names).filter((key) => !codes.has(key));
  const rows = [...CARRIERS.map((c) => ({ key: c.code, label: `${c.name} (${c.code})` })), ...ownCarriers.map((key) => ({ key, label: key }))];
  const set = (key: string, value: string) => onNames({ ...names, [key]: value });
  const addOwn = () => {
    const key = added.trim();
    if (key === '' || Object.hasOwn(names, key)) return;
    set(key, '');
    setAdded('');
  };

  const own = Object.values(names).filter((name) => name.trim() !== '').length;
  const hasErrors = Object.keys(errors).some((key) => key === 'carrierNames' || key.startsWith('carrierNames.'));
  return (
    // Closed until a cart has names of its own: most carts send the platform's names as they are.
    <details className="panel cart-form__advanced cart-carriers" open={own > 0 || hasErrors || undefined}>
      <summary id="cart-carriers-title">
        Carriers <span className="muted">{own === 0 ? `(${platformName}'s own names)` : `(${own} named for this cart)`}</span>
      </summary>
      <p className="muted">
        What {platformName} is told for each carrier in the warehouse&apos;s confirmations. Leave a name blank to use {platformName}&apos;s own; a carrier{' '}
        {platformName} does not list is sent under its own name{carriers.custom === 'name_and_url' ? ' with its tracking page' : ''}.
      </p>
      <div className="table-wrap">
        <table aria-label="Carriers">
          <thead>
            <tr>
              <th scope="col">Warehouse carrier</th>
              <th scope="col">Sent to {platformName} as</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, label }) => {
              const fallback = carrierForCart(carriers, {}, { carrier: key, trackingNumber: '' });
              const error = errors[`carrierNames.${key}`];
              return (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>
                    <input
                      aria-label={`Name sent to ${platformName} for ${label}`}
                      value={names[key] ?? ''}
                      placeholder={fallback.listed ? fallback.carrier : `${fallback.carrier} (custom carrier)`}
                      maxLength={100}
                      aria-invalid={error ? true : undefined}
                      onChange={(event) => set(key, event.target.value)}
                    />
                    <FieldError message={error} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <input
          aria-label="Another carrier, as the warehouse writes it"
          placeholder="Another carrier, as the warehouse writes it"
          value={added}
          maxLength={60}
          onChange={(event) => setAdded(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              addOwn();
            }
          }}
        />
        <button type="button" className="button button--small" onClick={addOwn} disabled={added.trim() === '' || Object.hasOwn(names, added.trim())}>
          Add carrier
        </button>
      </div>
      <FieldError message={errors.carrierNames} />
    </details>
  );
}
