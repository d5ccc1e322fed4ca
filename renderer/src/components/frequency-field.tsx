import { useId, useState } from 'react';
import type { ServiceName } from '../../../shared/domain.js';
import { allowedRangeText, describeMinutes, frequencyChoices } from '../../../shared/frequency.js';
import { SERVICE_LABELS } from '../format/labels.js';
import { FieldError } from './field-error.js';

/**
 * The minutes typed in the Custom box. Blank is NaN, which the schema refuses with "Enter how often
 * ..." (BLANK_FREQUENCY_MESSAGE): a blank box must never be taken for Off (null).
 */
export function customMinutes(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/**
 * A service's frequency: the allowed choices for that service, Off, or "Custom" minutes. The value is
 * checked by the form with the same schema as the API (frequencySchema), and its message shown here.
 */
export function FrequencyField({
  service,
  value,
  onValue,
  error,
  label = SERVICE_LABELS[service],
}: {
  service: ServiceName;
  value: number | null;
  onValue: (minutes: number | null) => void;
  error?: string;
  label?: string;
}) {
  const id = useId();
  const choices = frequencyChoices(service);
  const isChoice = value === null || choices.includes(value);
  const [custom, setCustom] = useState(!isChoice);
  const selectValue = custom ? 'custom' : value === null ? 'off' : String(value);
  return (
    <div className={`field field--frequency${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field__row">
        <select
          id={id}
          value={selectValue}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(event) => {
            const next = event.target.value;
            if (next === 'custom') {
              setCustom(true);
              // From Off there are no minutes to start from: the box is blank until a person types.
              if (value === null) onValue(Number.NaN);
              return;
            }
            setCustom(false);
            onValue(next === 'off' ? null : Number(next));
          }}
        >
          <option value="off">Off</option>
          {choices.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {describeMinutes(minutes)}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
        {custom ? (
          <input
            type="number"
            aria-label={`${label}: minutes`}
            value={value === null || Number.isNaN(value) ? '' : value}
            onChange={(event) => onValue(customMinutes(event.target.value))}
          />
        ) : null}
      </div>
      <div className="field__hint" id={`${id}-hint`}>
        Allowed: {allowedRangeText(service)}
      </div>
      <FieldError message={error} id={`${id}-error`} />
    </div>
  );
}
