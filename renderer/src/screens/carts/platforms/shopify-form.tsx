import {
  SHOPIFY_API_VERSION,
  SHOPIFY_SUPPORTED_API_VERSIONS,
  SHOPIFY_FINANCIAL_STATUSES,
  SHOPIFY_FULFILLMENT_STATUSES,
  shopifyApiVersionInUse,
  shopifyApiVersionServedUntil,
  shopifySavedSettingsSchema,
  shopifySettingsSchema,
  type ShopifySettings,
} from '../../../../../shared/schemas/shopify.js';
import type { FieldErrors } from '../../../../../shared/errors.js';
import { CheckboxField, SelectField, TextField } from '../../../components/field.js';
import type { PlatformForm, PlatformSectionProps } from '../platform-form.js';
import { FieldError } from '../../../components/field-error.js';

/**
 * Shopify: the shop's myshopify domain, an Admin API access token (custom app) or a client id and
 * secret (the client-credentials grant), order filters, the inventory location, and the base URL
 * override for a test server or a proxy.
 */

type AuthMode = ShopifySettings['authMode'];
type OrderStatus = ShopifySettings['filters']['orderStatus'];

interface ShopifyDraft {
  shopDomain: string;
  apiVersion: string;
  /** The version the connection was saved with when Shopify has retired it since; '' otherwise. */
  retiredApiVersion: string;
  authMode: AuthMode;
  baseUrl: string;
  locationId: string;
  orderStatus: OrderStatus;
  financialStatuses: string[];
  fulfillmentStatuses: string[];
  includeTestOrders: boolean;
  accessToken: string;
  clientId: string;
  clientSecret: string;
}

const ORDER_STATUS_OPTIONS: { value: OrderStatus; label: string }[] = [
  { value: 'open', label: 'Open orders (not closed or canceled)' },
  { value: 'any', label: 'Any order' },
  { value: 'closed', label: 'Closed orders' },
  { value: 'cancelled', label: 'Canceled orders' },
];

/** Only versions Shopify serves and the connector's requests work with, each with how long Shopify serves it. */
export const SHOPIFY_API_VERSION_OPTIONS: { value: string; label: string }[] = SHOPIFY_SUPPORTED_API_VERSIONS.map((version) => ({
  value: version,
  label: `${version} (${version === SHOPIFY_API_VERSION ? 'newest; ' : ''}served until at least ${shopifyApiVersionServedUntil(version)})`,
}));

const AUTH_OPTIONS: { value: AuthMode; label: string }[] = [
  { value: 'access_token', label: 'Admin API access token (custom app)' },
  { value: 'client_credentials', label: 'Client id and secret (app credentials)' },
];

/** "PARTIALLY_REFUNDED" -> "Partially refunded" */
function statusLabel(status: string): string {
  const words = status.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A saved secret goes only to the shop it was saved for: a new shop domain or base URL needs it again. */
function keepHint(hasSaved: boolean, what: string) {
  return hasSaved
    ? `A ${what} is saved and is never shown. Leave blank to keep it; type a new one to replace it. A new shop domain or base URL needs it typed again.`
    : undefined;
}

function ShopifyCredentials({ draft, change, errors, hasSavedCredentials }: PlatformSectionProps<ShopifyDraft>) {
  return (
    <>
      <TextField
        label="Shop domain"
        value={draft.shopDomain}
        onValue={(shopDomain) => change({ shopDomain })}
        error={errors['settings.shopDomain']}
        placeholder="your-shop.myshopify.com"
        hint="The permanent name.myshopify.com address, not a custom domain."
        autoComplete="off"
      />
      <SelectField
        label="Sign in with"
        value={draft.authMode}
        onValue={(authMode) => change({ authMode: authMode as AuthMode })}
        options={AUTH_OPTIONS}
        error={errors['settings.authMode']}
      />
      {draft.authMode === 'access_token' ? (
        <TextField
          label="Admin API access token"
          type="password"
          value={draft.accessToken}
          onValue={(accessToken) => change({ accessToken })}
          error={errors['credentials.accessToken']}
          hint={keepHint(hasSavedCredentials, 'token') ?? 'From the custom app in Shopify admin (starts with shpat_).'}
          autoComplete="off"
        />
      ) : (
        <>
          <TextField
            label="Client id"
            value={draft.clientId}
            onValue={(clientId) => change({ clientId })}
            error={errors['credentials.clientId']}
            hint={keepHint(hasSavedCredentials, 'client id')}
            autoComplete="off"
          />
          <TextField
            label="Client secret"
            type="password"
            value={draft.clientSecret}
            onValue={(clientSecret) => change({ clientSecret })}
            error={errors['credentials.clientSecret']}
            hint={keepHint(hasSavedCredentials, 'client secret')}
            autoComplete="off"
          />
        </>
      )}
    </>
  );
}

function StatusChecks({
  legend,
  all,
  chosen,
  onChosen,
  error,
}: {
  legend: string;
  all: readonly string[];
  chosen: string[];
  onChosen: (next: string[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="cart-form__statuses">
      <legend>{legend}</legend>
      <p className="muted">Only orders in a ticked status are downloaded. None ticked: any status.</p>
      <div className="cart-form__checks">
        {all.map((status) => (
          <CheckboxField
            key={status}
            label={statusLabel(status)}
            checked={chosen.includes(status)}
            onChecked={(on) => onChosen(on ? [...chosen, status] : chosen.filter((s) => s !== status))}
          />
        ))}
      </div>
      <FieldError message={error} />
    </fieldset>
  );
}

function ShopifyOptions({ draft, change, errors }: PlatformSectionProps<ShopifyDraft>) {
  return (
    <>
      <SelectField
        label="Order status"
        value={draft.orderStatus}
        onValue={(orderStatus) => change({ orderStatus: orderStatus as OrderStatus })}
        options={ORDER_STATUS_OPTIONS}
        error={errors['settings.filters.orderStatus']}
      />
      <StatusChecks
        legend="Financial status"
        all={SHOPIFY_FINANCIAL_STATUSES}
        chosen={draft.financialStatuses}
        onChosen={(financialStatuses) => change({ financialStatuses })}
        error={errors['settings.filters.financialStatuses']}
      />
      <StatusChecks
        legend="Fulfillment status"
        all={SHOPIFY_FULFILLMENT_STATUSES}
        chosen={draft.fulfillmentStatuses}
        onChosen={(fulfillmentStatuses) => change({ fulfillmentStatuses })}
        error={errors['settings.filters.fulfillmentStatuses']}
      />
      <CheckboxField
        label="Download test orders"
        checked={draft.includeTestOrders}
        onChecked={(includeTestOrders) => change({ includeTestOrders })}
        error={errors['settings.filters.includeTestOrders']}
        hint="Orders Shopify marks as tests (placed with a test payment). Left out, they are kept as Skipped with the reason, and never reach the warehouse."
      />
      <TextField
        label="Inventory location"
        value={draft.locationId}
        onValue={(locationId) => change({ locationId })}
        error={errors['settings.locationId']}
        placeholder="gid://shopify/Location/…"
        hint="Where inventory levels are set. Blank: the shop's first active location."
        autoComplete="off"
      />
    </>
  );
}

function ShopifyAdvanced({ draft, change, errors }: PlatformSectionProps<ShopifyDraft>) {
  return (
    <>
      <TextField
        label="Base URL"
        value={draft.baseUrl}
        onValue={(baseUrl) => change({ baseUrl })}
        error={errors['settings.baseUrl']}
        placeholder="https://your-shop.myshopify.com"
        hint="Send every request here instead of the shop's own address: a test server or a proxy. Leave blank normally."
        autoComplete="off"
      />
      <SelectField
        label="API version"
        value={draft.apiVersion}
        onValue={(apiVersion) => change({ apiVersion })}
        options={SHOPIFY_API_VERSION_OPTIONS}
        error={errors['settings.apiVersion']}
        hint={
          draft.retiredApiVersion
            ? `Saved as ${draft.retiredApiVersion}, which Shopify has retired (Dockhand uses ${shopifyApiVersionInUse(draft.retiredApiVersion)} meanwhile). ${draft.apiVersion} is chosen: Save to use it.`
            : 'The Shopify Admin API version Dockhand speaks: only versions Shopify serves and Dockhand works with are offered.'
        }
      />
    </>
  );
}

const blankToUndefined = (text: string) => (text.trim() === '' ? undefined : text.trim());

function draftFromSettings(s: ShopifySettings): ShopifyDraft {
  return {
    shopDomain: s.shopDomain,
    apiVersion: s.apiVersion,
    retiredApiVersion: '',
    authMode: s.authMode,
    baseUrl: s.baseUrl ?? '',
    locationId: s.locationId ?? '',
    orderStatus: s.filters.orderStatus,
    financialStatuses: [...s.filters.financialStatuses],
    fulfillmentStatuses: [...s.filters.fulfillmentStatuses],
    includeTestOrders: s.filters.includeTestOrders,
    accessToken: '',
    clientId: '',
    clientSecret: '',
  };
}

export const shopifyForm: PlatformForm<ShopifyDraft> = {
  platform: 'shopify',
  // The schema's own defaults (API version, filters) around a placeholder domain the user replaces.
  newDraft: () => ({ ...draftFromSettings(shopifySettingsSchema.parse({ shopDomain: 'new.myshopify.com' })), shopDomain: '' }),
  draftFromSaved(settings) {
    const parsed = shopifySettingsSchema.safeParse(settings);
    if (parsed.success) return draftFromSettings(parsed.data);
    // Saved with an API version Dockhand no longer works with: keep the rest, offer the default version,
    // and say so when Shopify retired the saved one.
    const withDefaultVersion = shopifySettingsSchema.safeParse({ ...settings, apiVersion: undefined });
    const saved = shopifySavedSettingsSchema.safeParse(settings);
    if (withDefaultVersion.success) {
      return { ...draftFromSettings(withDefaultVersion.data), retiredApiVersion: saved.success ? saved.data.apiVersion : '' };
    }
    return { ...shopifyForm.newDraft(), shopDomain: typeof settings.shopDomain === 'string' ? settings.shopDomain : '' };
  },
  toInput(draft) {
    const credentials: Record<string, string> = {};
    if (draft.authMode === 'access_token') {
      if (draft.accessToken.trim()) credentials.accessToken = draft.accessToken.trim();
    } else {
      if (draft.clientId.trim()) credentials.clientId = draft.clientId.trim();
      if (draft.clientSecret.trim()) credentials.clientSecret = draft.clientSecret.trim();
    }
    return {
      settings: {
        shopDomain: draft.shopDomain,
        apiVersion: draft.apiVersion,
        authMode: draft.authMode,
        baseUrl: blankToUndefined(draft.baseUrl),
        locationId: blankToUndefined(draft.locationId),
        filters: {
          orderStatus: draft.orderStatus,
          financialStatuses: draft.financialStatuses,
          fulfillmentStatuses: draft.fulfillmentStatuses,
          includeTestOrders: draft.includeTestOrders,
        },
      },
      credentials: Object.keys(credentials).length > 0 ? credentials : undefined,
    };
  },
  checkCredentials(draft, hasSaved) {
    if (hasSaved) return {};
    const errors: FieldErrors = {};
    if (draft.authMode === 'access_token' && !draft.accessToken.trim()) errors['credentials.accessToken'] = 'Enter the Admin API access token';
    if (draft.authMode === 'client_credentials') {
      if (!draft.clientId.trim()) errors['credentials.clientId'] = 'Enter the client id';
      if (!draft.clientSecret.trim()) errors['credentials.clientSecret'] = 'Enter the client secret';
    }
    return errors;
  },
  shownFields: [
    'settings.shopDomain',
    'settings.authMode',
    'settings.apiVersion',
    'settings.baseUrl',
    'settings.locationId',
    'settings.filters.orderStatus',
    'settings.filters.financialStatuses',
    'settings.filters.fulfillmentStatuses',
    'settings.filters.includeTestOrders',
    'credentials.accessToken',
    'credentials.clientId',
    'credentials.clientSecret',
  ],
  advancedFields: ['settings.baseUrl', 'settings.apiVersion'],
  opensAdvanced: (draft) => draft.retiredApiVersion !== '',
  Credentials: ShopifyCredentials,
  Options: ShopifyOptions,
  Advanced: ShopifyAdvanced,
};
