import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { FieldError } from './field-error.js';

/** Labelled form controls with their error shown on the field (aria-invalid + aria-describedby). */

interface FieldFrameProps {
  label: string;
  error?: string;
  hint?: ReactNode;
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

function FieldFrame({ label, error, hint, children }: FieldFrameProps) {
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {children({ inputId, describedBy, invalid: Boolean(error) })}
      {hint ? (
        <div className="field__hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <FieldError message={error} id={errorId} />
    </div>
  );
}

/** What every labelled control takes: its label, error, hint and a string value. */
type ControlProps = { label: string; error?: string; hint?: ReactNode; value: string; onValue: (value: string) => void };

/** The attributes that tie a control to its label, its messages and its value. */
function controlAttributes(ids: { inputId: string; describedBy: string | undefined; invalid: boolean }, value: string, onValue: (value: string) => void) {
  return {
    id: ids.inputId,
    'aria-describedby': ids.describedBy,
    'aria-invalid': ids.invalid || undefined,
    value,
    onChange: (event: { target: { value: string } }) => onValue(event.target.value),
  };
}

export function TextField({ label, error, hint, value, onValue, ...input }: ControlProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {(ids) => <input {...controlAttributes(ids, value, onValue)} {...input} />}
    </FieldFrame>
  );
}

export function TextAreaField({ label, error, hint, value, onValue, ...input }: ControlProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'>) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {(ids) => <textarea {...controlAttributes(ids, value, onValue)} {...input} />}
    </FieldFrame>
  );
}

export function SelectField({
  label,
  error,
  hint,
  value,
  onValue,
  options,
  ...select
}: ControlProps & { options: readonly { value: string; label: string }[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {(ids) => (
        <select {...controlAttributes(ids, value, onValue)} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function CheckboxField({ label, checked, onChecked, hint, error }: { label: string; checked: boolean; onChecked: (checked: boolean) => void; hint?: ReactNode; error?: string }) {
  const id = useId();
  return (
    <div className={`field field--checkbox${error ? ' field--invalid' : ''}`}>
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChecked(event.target.checked)} aria-invalid={error ? true : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint ? <div className="field__hint">{hint}</div> : null}
      <FieldError message={error} />
    </div>
  );
}
