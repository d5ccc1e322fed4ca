import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { PlugZap } from 'lucide-react';
import type { CartPlatformOAuthView, CartView, TestResultView } from '../../../../shared/api-types.js';
import { cartInputSchema, type MethodInput } from '../../../../shared/contract.js';
import { CART_SERVICES } from '../../../../shared/domain.js';
import type { FieldErrors } from '../../../../shared/errors.js';
import { errorMessage } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { navigate } from '../../app/router.js';
import { apiFieldErrors, unshownErrors, validate } from '../../components/form-errors.js';
import { focusFirstInvalid } from '../../components/focus-first-invalid.js';
import { SaveBar } from '../../components/save-bar.js';
import { toast } from '../../components/toaster.js';
import { cartDraftFrom, cartInputFrom, newCartDraft, type Capabilities, type CartDraft } from './cart-draft.js';
import { CartGeneralFields } from './cart-general-fields.js';
import { CartCarriers } from './cart-carriers.js';
import { CartServices } from './cart-services.js';
import { CartTestResult } from './cart-test-result.js';
import { newCartSavedText } from './connection/connection-text.js';
import type { PlatformForm } from './platform-form.js';
import { FormProblems } from '../../components/form-problems.js';

export interface PlatformInfo {
  platform: string;
  displayName: string;
  capabilities: Capabilities;
  /** Set for a platform that grants access on a consent page: the cart screen's Connection box. */
  oauth?: CartPlatformOAuthView;
}

const isCarrierField = (key: string) => key === 'carrierNames' || key.startsWith('carrierNames.');
const GENERAL_FIELDS = ['name', 'orderSource', 'earliestOrderDate', 'rejectUnmappedShipCodes', 'minInventoryLevel', ...CART_SERVICES.map((s) => `schedules.${s}`)];

/**
 * One cart connection's form: general fields, the platform's credentials with Test right under them,
 * the platform's options, services and an Advanced disclosure. New connections are created and opened;
 * saved ones are updated in place (blank credentials keep the saved ones).
 */
export function CartForm<D>({ cart, merchantId, info, form }: { cart: CartView | null; merchantId: number; info: PlatformInfo; form: PlatformForm<D> }) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<CartDraft<D>>(() => (cart ? cartDraftFrom(cart, form) : newCartDraft(form)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [testResult, setTestResult] = useState<TestResultView | null>(null);
  const [busy, setBusy] = useState<'testing' | 'saving' | null>(null);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const hasSavedCredentials = cart?.hasCredentials ?? false;

  const change = (patch: Partial<CartDraft<D>>) => {
    setDraft((old) => ({ ...old, ...patch }));
    setSaved(false);
    // A result for other values would mislead: test again after a change.
    setTestResult(null);
  };
  const changePlatform = (patch: Partial<D>) => change({ platformDraft: { ...draft.platformDraft, ...patch } });

  /** The API input, or null after showing what to fix. */
  const checkedInput = (): MethodInput<'carts.create'> | null => {
    const input = cartInputFrom(draft, form, merchantId, info.capabilities);
    const checked = validate(cartInputSchema, input);
    const found = { ...(checked.ok ? {} : checked.errors), ...form.checkCredentials(draft.platformDraft, hasSavedCredentials) };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError('Some fields need attention: see the messages below.');
      focusFirstInvalid(formRef.current);
      return null;
    }
    return input;
  };

  const showApiError = (err: unknown) => {
    const fields = apiFieldErrors(err, 'cart.');
    setErrors(fields);
    setFormError(Object.keys(fields).length > 0 ? `${errorMessage(err)}: see the fields marked below.` : errorMessage(err));
    focusFirstInvalid(formRef.current);
  };

  const test = async () => {
    setFormError(null);
    setTestResult(null);
    const input = checkedInput();
    if (!input) return;
    setBusy('testing');
    try {
      setTestResult(await call('carts.test', cart ? { id: cart.id, cart: input } : { cart: input }));
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(null);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setSaved(false);
    const input = checkedInput();
    if (!input) return;
    setBusy('saving');
    try {
      if (cart) {
        const updated = await call('carts.update', { id: cart.id, cart: input });
        await client.invalidateQueries();
        // The typed secrets are saved now: clear them from the form, as a saved secret is never shown.
        setDraft((old) => ({ ...old, platformDraft: form.draftFromSaved(updated.settings) }));
        setSaved(true);
      } else {
        const created = await call('carts.create', input);
        await client.invalidateQueries();
        toast(newCartSavedText(created.name, info.oauth ? info.displayName : null));
        navigate(`/carts/${created.id}`);
      }
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(null);
    }
  };

  const others = unshownErrors(
    Object.fromEntries(Object.entries(errors).filter(([key]) => !(info.capabilities.shipments && isCarrierField(key)))),
    [...GENERAL_FIELDS, ...form.shownFields],
  );
  const sectionProps = { draft: draft.platformDraft, change: changePlatform, errors, hasSavedCredentials, testResult };
  const { Credentials, Options, Advanced } = form;
  return (
    <form ref={formRef} className="cart-form" onSubmit={(event) => void save(event)} noValidate aria-label="Cart connection">
      <FormProblems formError={formError} others={others} />

      <section className="panel form-grid">
        <CartGeneralFields draft={draft as CartDraft} change={change as (patch: Partial<CartDraft>) => void} errors={errors} showInventory={info.capabilities.inventory} />
      </section>

      <section className="panel cart-form__credentials" aria-labelledby="cart-credentials-title">
        {/* A consent platform's screen has its Connection box: this panel holds only the developer app's fields. */}
        <h2 id="cart-credentials-title">{info.oauth ? 'App credentials' : 'Connection'}</h2>
        {hasSavedCredentials ? <p className="muted">Credentials are saved (never shown). Leave the credential fields blank to keep them.</p> : null}
        {Credentials ? <Credentials {...sectionProps} /> : <p className="muted">{form.noCredentialsText ?? 'This platform needs no credentials.'}</p>}
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void test()} disabled={busy !== null}>
            <PlugZap size={16} aria-hidden="true" />
            {busy === 'testing' ? 'Testing…' : 'Test connection'}
          </button>
          <span className="muted">Checks the settings above without saving them.</span>
        </div>
        <div aria-live="polite" className="cart-form__test">
          {testResult ? <CartTestResult result={testResult} /> : null}
        </div>
      </section>

      {Options ? (
        <section className="panel" aria-labelledby="cart-options-title">
          <h2 id="cart-options-title">{info.displayName} options</h2>
          <Options {...sectionProps} />
        </section>
      ) : null}

      <section className="panel">
        <CartServices
          schedules={draft.schedules}
          onSchedules={(schedules) => change({ schedules })}
          capabilities={info.capabilities}
          platformName={info.displayName}
          errors={errors}
        />
      </section>

      {info.capabilities.shipments ? (
        <CartCarriers platform={info.platform} platformName={info.displayName} names={draft.carrierNames} onNames={(carrierNames) => change({ carrierNames })} errors={errors} />
      ) : null}

      {Advanced ? (
        <details
          className="panel cart-form__advanced"
          open={(form.advancedFields ?? []).some((key) => errors[key] !== undefined) || form.opensAdvanced?.(draft.platformDraft) === true}
        >
          <summary>Advanced</summary>
          <Advanced {...sectionProps} />
        </details>
      ) : null}

      <SaveBar disabled={busy !== null} label={busy === 'saving' ? 'Saving…' : cart ? 'Save changes' : 'Connect cart'} status={saved ? 'Cart connection saved.' : null}>
        {cart ? null : <span className="muted">Downloads start on the schedule above once connected.</span>}
      </SaveBar>
    </form>
  );
}
