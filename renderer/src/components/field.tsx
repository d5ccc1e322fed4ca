import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

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
      {error ? (
        <div className="field__error" id={errorId} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

type TextFieldProps = {
  label: string;
  error?: string;
  hint?: ReactNode;
  value: string;
  onValue: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

export function TextField({ label, error, hint, value, onValue, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {({ inputId, describedBy, invalid }) => (
        <input
          id={inputId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={value}
          onChange={(event) => onValue(event.target.value)}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

type TextAreaFieldProps = {
  label: string;
  error?: string;
  hint?: ReactNode;
  value: string;
  onValue: (value: string) => void;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'>;

export function TextAreaField({ label, error, hint, value, onValue, ...input }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {({ inputId, describedBy, invalid }) => (
        <textarea
          id={inputId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={value}
          onChange={(event) => onValue(event.target.value)}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

type SelectFieldProps = {
  label: string;
  error?: string;
  hint?: ReactNode;
  value: string;
  onValue: (value: string) => void;
  options: readonly { value: string; label: string }[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>;

export function SelectField({ label, error, hint, value, onValue, options, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {({ inputId, describedBy, invalid }) => (
        <select
          id={inputId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={value}
          onChange={(event) => onValue(event.target.value)}
          {...select}
        >
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
      {error ? (
        <div className="field__error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
