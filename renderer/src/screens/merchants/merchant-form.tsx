import { useRef, useState, type FormEvent } from 'react';
import { merchantInputSchema, type MethodInput } from '../../../../shared/contract.js';
import { MERCHANT_SERVICES, type PartialShipmentMode } from '../../../../shared/domain.js';
import type { FieldErrors } from '../../../../shared/errors.js';
import { errorMessage } from '../../api/api-error.js';
import { SelectField, TextAreaField, TextField } from '../../components/field.js';
import { apiFieldErrors, unshownErrors, validate } from '../../components/form-errors.js';
import { FrequencyField } from '../../components/frequency-field.js';
import { MerchantFileFormats } from './merchant-file-formats.js';
import { foldContactErrors, merchantInputFrom, type MerchantDraft } from './merchant-draft.js';
import { FormProblems } from '../../components/form-problems.js';
import { focusFirstInvalid } from '../../components/focus-first-invalid.js';
import { SaveBar } from '../../components/save-bar.js';

const SHOWN_FIELDS = [
  'name',
  'code',
  'folders',
  'folders.orders',
  'folders.confirmations',
  'folders.inventory',
  'errorContacts',
  'partialShipments',
  'fileFormats.order',
  'fileFormats.confirmation',
  'fileFormats.inventory',
  ...MERCHANT_SERVICES.map((s) => `schedules.${s}`),
];

const PARTIAL_SHIPMENT_OPTIONS: { value: PartialShipmentMode; label: string }[] = [
  { value: 'as_shipped', label: 'Send each shipment as it comes' },
  { value: 'when_complete', label: 'Wait until the whole order has shipped' },
];

/**
 * A merchant's name, code, folders, error contacts and WMS schedules. Checked with the API's own
 * schema before anything is sent; the API's field messages land on the same fields.
 */
export function MerchantForm({
  initial,
  submitLabel,
  apiPrefix,
  onSave,
}: {
  initial: MerchantDraft;
  submitLabel: string;
  /** "merchant." for updates, whose input wraps the merchant. */
  apiPrefix: string;
  onSave: (input: MethodInput<'merchants.create'>) => Promise<void>;
}) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const change = (next: Partial<MerchantDraft>) => {
    setDraft((old) => ({ ...old, ...next }));
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setSaved(false);
    const input = merchantInputFrom(draft);
    const checked = validate(merchantInputSchema, input);
    if (!checked.ok) {
      setErrors(foldContactErrors(checked.errors, draft));
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSave(input);
      setSaved(true);
    } catch (err) {
      const fields = foldContactErrors(apiFieldErrors(err, apiPrefix), draft);
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? `${errorMessage(err)}: see the fields marked below.` : errorMessage(err));
      focusFirstInvalid(formRef.current);
    } finally {
      setSaving(false);
    }
  };

  const others = unshownErrors(errors, SHOWN_FIELDS);
  return (
    <form ref={formRef} className="panel merchant-form" onSubmit={(event) => void submit(event)} noValidate aria-label="Merchant">
      <FormProblems formError={formError} others={others} />

      <div className="form-grid">
        <TextField label="Name" value={draft.name} onValue={(name) => change({ name })} error={errors.name} autoComplete="off" />
        <TextField
          label="Code"
          value={draft.code}
          onValue={(code) => change({ code })}
          error={errors.code}
          hint="Short, unique: it names the merchant's folders on the WMS and appears in order files (e.g. ACME). Kept exactly as typed, capitals included."
          autoComplete="off"
        />
      </div>

      <fieldset>
        <legend>WMS schedules</legend>
        <p className="muted merchant-form__note">How often Dockhand sends this merchant's orders to the warehouse and collects what it returns.</p>
        <div className="form-grid form-grid--thirds">
          {MERCHANT_SERVICES.map((service) => (
            <FrequencyField
              key={service}
              service={service}
              value={draft.schedules[service]}
              onValue={(minutes) => change({ schedules: { ...draft.schedules, [service]: minutes } })}
              error={errors[`schedules.${service}`]}
            />
          ))}
        </div>
      </fieldset>

      <div className="form-grid">
        <SelectField
          label="Partial shipments"
          value={draft.partialShipments}
          onValue={(value) => change({ partialShipments: value as PartialShipmentMode })}
          options={PARTIAL_SHIPMENT_OPTIONS}
          error={errors.partialShipments}
          hint="When the warehouse ships part of an order: send its tracking to the cart right away, or hold every shipment of the order until its last line has shipped (or the rest is canceled)."
        />

        <TextAreaField
          label="Error contacts"
          value={draft.contacts}
          onValue={(contacts) => change({ contacts })}
          error={errors.errorContacts}
          hint="E-mail addresses told when this merchant's orders fail: one per line, or separated by commas."
          rows={3}
        />
      </div>

      <details className="details merchant-form__folders" open={Boolean(draft.folders.orders || draft.folders.confirmations || draft.folders.inventory || errors['folders.orders'] || errors['folders.confirmations'] || errors['folders.inventory'])}>
        <summary>Folders (optional)</summary>
        <p className="muted">
          Leave blank to use the WMS folders with the code ({draft.code || 'CODE'}/orders and so on). A folder entered here replaces that path, relative to the
          WMS root.
        </p>
        <div className="form-grid form-grid--thirds">
          <TextField label="Orders folder" value={draft.folders.orders} onValue={(orders) => change({ folders: { ...draft.folders, orders } })} error={errors['folders.orders']} />
          <TextField
            label="Confirmations folder"
            value={draft.folders.confirmations}
            onValue={(confirmations) => change({ folders: { ...draft.folders, confirmations } })}
            error={errors['folders.confirmations']}
          />
          <TextField
            label="Inventory folder"
            value={draft.folders.inventory}
            onValue={(inventory) => change({ folders: { ...draft.folders, inventory } })}
            error={errors['folders.inventory']}
          />
        </div>
      </details>
      <MerchantFileFormats value={draft.fileFormats} onValue={(fileFormats) => change({ fileFormats })} errors={errors} />

      <SaveBar disabled={saving} label={saving ? 'Saving…' : submitLabel} status={saved ? 'Merchant saved.' : null} />
    </form>
  );
}
