import {
  BIGCOMMERCE_API_BASE,
  BIGCOMMERCE_ORDER_STATUSES,
  bigcommerceSettingsSchema,
  type BigCommerceSettings,
} from '../../../../../shared/platforms/bigcommerce.js';
import type { FieldErrors } from '../../../../../shared/errors.js';
import { CheckboxField, TextField } from '../../../components/field.js';
import { FieldError } from '../../../components/field-error.js';
import type { PlatformForm, PlatformSectionProps } from '../platform-form.js';

/**
 * BigCommerce: the store hash and the access token of a store-level API account (created by the store
 * owner in the control panel), the order statuses to download, the inventory location, and, under
 * Advanced, the API address and a base URL override for a test server or a proxy.
 */

interface BigCommerceDraft {
  storeHash: string;
  accessToken: string;
  statusIds: number[];
  locationId: string;
  apiBase: string;
  baseUrl: string;
}

/** The OAuth scopes to set on the API account, as the control panel names them. */
export const BIGCOMMERCE_SCOPES_HINT =
  'Create it under Settings > Store-level API accounts (older control panels: Advanced Settings > API Accounts) > Create API account, type V2/V3 API token. Set the OAuth scopes Orders: modify, Products: read-only and Store inventory: modify (Information & settings: read-only lets Test show the store name). BigCommerce shows the access token once, when the account is saved; only the token is needed here, not the client ID or secret.';

const STATUS_OPTIONS = Object.entries(BIGCOMMERCE_ORDER_STATUSES).map(([id, label]) => ({ id: Number(id), label }));

/** A saved secret goes only to the store and address it was saved for: a new one needs it again. */
function keepHint(hasSaved: boolean) {
  return hasSaved
    ? 'An access token is saved and is never shown. Leave blank to keep it; type a new one to replace it. A new store hash or address needs it typed again.'
    : undefined;
}

function BigCommerceCredentials({ draft, change, errors, hasSavedCredentials }: PlatformSectionProps<BigCommerceDraft>) {
  return (
    <>
      <TextField
        label="Store hash"
        value={draft.storeHash}
        onValue={(storeHash) => change({ storeHash })}
        error={errors['settings.storeHash']}
        placeholder="abc123xyz"
        hint="The letters and digits after /stores/ in the API path shown with the API account (https://api.bigcommerce.com/stores/abc123xyz/v3/)."
        autoComplete="off"
      />
      <TextField
        label="Access token"
        type="password"
        value={draft.accessToken}
        onValue={(accessToken) => change({ accessToken })}
        error={errors['credentials.accessToken']}
        hint={keepHint(hasSavedCredentials) ?? `The access token of a store-level API account. ${BIGCOMMERCE_SCOPES_HINT}`}
        autoComplete="off"
      />
    </>
  );
}

function BigCommerceOptions({ draft, change, errors }: PlatformSectionProps<BigCommerceDraft>) {
  return (
    <>
      <fieldset className="cart-form__statuses">
        <legend>Order statuses to download</legend>
        <p className="muted">
          Orders in a ticked status go to the warehouse. Orders in other statuses are kept as Skipped with the reason (a cancellation still reaches
          an order already sent). Usually Awaiting Fulfillment.
        </p>
        <div className="cart-form__checks">
          {STATUS_OPTIONS.map((status) => (
            <CheckboxField
              key={status.id}
              label={status.label}
              checked={draft.statusIds.includes(status.id)}
              onChecked={(on) => change({ statusIds: on ? [...draft.statusIds, status.id] : draft.statusIds.filter((s) => s !== status.id) })}
            />
          ))}
        </div>
        <FieldError message={errors['settings.statusIds']} />
      </fieldset>
      <TextField
        label="Inventory location ID"
        type="number"
        min={1}
        value={draft.locationId}
        onValue={(locationId) => change({ locationId })}
        error={errors['settings.locationId']}
        hint="Where stock levels are set (Settings > Locations). 1 is the store's default location."
      />
    </>
  );
}

function BigCommerceAdvanced({ draft, change, errors }: PlatformSectionProps<BigCommerceDraft>) {
  return (
    <>
      <TextField
        label="API address"
        value={draft.apiBase}
        onValue={(apiBase) => change({ apiBase })}
        error={errors['settings.apiBase']}
        placeholder={BIGCOMMERCE_API_BASE}
        hint="BigCommerce's API, over HTTPS. Leave as it is."
        autoComplete="off"
      />
      <TextField
        label="Base URL"
        value={draft.baseUrl}
        onValue={(baseUrl) => change({ baseUrl })}
        error={errors['settings.baseUrl']}
        placeholder={BIGCOMMERCE_API_BASE}
        hint="Send every request here instead of the API address: a test server or a proxy. Leave blank normally."
        autoComplete="off"
      />
    </>
  );
}

const blankToUndefined = (text: string) => (text.trim() === '' ? undefined : text.trim());

function draftFromSettings(s: BigCommerceSettings): BigCommerceDraft {
  return {
    storeHash: s.storeHash,
    accessToken: '',
    statusIds: [...s.statusIds],
    locationId: String(s.locationId),
    apiBase: s.apiBase,
    baseUrl: s.baseUrl ?? '',
  };
}

export const bigcommerceForm: PlatformForm<BigCommerceDraft> = {
  platform: 'bigcommerce',
  // The schema's own defaults (API address, statuses, location) around a store hash the user enters.
  newDraft: () => ({ ...draftFromSettings(bigcommerceSettingsSchema.parse({ storeHash: 'new' })), storeHash: '' }),
  draftFromSaved(settings) {
    const parsed = bigcommerceSettingsSchema.safeParse(settings);
    if (parsed.success) return draftFromSettings(parsed.data);
    return { ...bigcommerceForm.newDraft(), storeHash: typeof settings.storeHash === 'string' ? settings.storeHash : '' };
  },
  toInput(draft) {
    const credentials: Record<string, string> = {};
    if (draft.accessToken.trim()) credentials.accessToken = draft.accessToken.trim();
    const location = draft.locationId.trim();
    return {
      settings: {
        storeHash: draft.storeHash,
        apiBase: blankToUndefined(draft.apiBase),
        baseUrl: blankToUndefined(draft.baseUrl),
        statusIds: draft.statusIds,
        locationId: location === '' ? undefined : Number(location),
      },
      credentials: Object.keys(credentials).length > 0 ? credentials : undefined,
    };
  },
  checkCredentials(draft, hasSaved): FieldErrors {
    if (hasSaved || draft.accessToken.trim()) return {};
    return { 'credentials.accessToken': 'Enter the access token of the store-level API account' };
  },
  shownFields: [
    'settings.storeHash',
    'settings.statusIds',
    'settings.locationId',
    'settings.apiBase',
    'settings.baseUrl',
    'credentials.accessToken',
  ],
  advancedFields: ['settings.apiBase', 'settings.baseUrl'],
  opensAdvanced: (draft) => draft.apiBase.replace(/\/+$/, '') !== BIGCOMMERCE_API_BASE || draft.baseUrl !== '',
  Credentials: BigCommerceCredentials,
  Options: BigCommerceOptions,
  Advanced: BigCommerceAdvanced,
};
