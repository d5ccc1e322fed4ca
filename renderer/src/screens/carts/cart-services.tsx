import { CART_SERVICES } from '../../../../shared/domain.js';
import type { FieldErrors } from '../../../../shared/errors.js';
import { FrequencyField } from '../../components/frequency-field.js';
import { SERVICE_LABELS } from '../../format/labels.js';
import { supportedServices, type Capabilities, type CartSchedules } from './cart-draft.js';

/** How often each of the cart's services runs; services the platform cannot do are named, not offered. */
export function CartServices({
  schedules,
  onSchedules,
  capabilities,
  platformName,
  errors,
}: {
  schedules: CartSchedules;
  onSchedules: (next: CartSchedules) => void;
  capabilities: Capabilities;
  platformName: string;
  errors: FieldErrors;
}) {
  const supported = supportedServices(capabilities);
  const unsupported = CART_SERVICES.filter((s) => !supported.includes(s));
  return (
    <fieldset className="cart-form__services">
      <legend>Services</legend>
      <div className="form-grid form-grid--thirds">
        {supported.map((service) => (
          <FrequencyField
            key={service}
            service={service}
            value={schedules[service]}
            onValue={(minutes) => onSchedules({ ...schedules, [service]: minutes })}
            error={errors[`schedules.${service}`]}
          />
        ))}
      </div>
      {unsupported.length > 0 ? (
        <p className="muted">
          {platformName} does not support {unsupported.map((s) => SERVICE_LABELS[s]).join(' or ')}.
        </p>
      ) : null}
    </fieldset>
  );
}
