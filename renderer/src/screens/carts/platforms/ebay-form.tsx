import { ebaySettingsSchema, type EbaySettings } from '../../../../../shared/schemas/ebay.js';
import type { FieldErrors } from '../../../../../shared/errors.js';
import { SelectField, TextField } from '../../../components/field.js';
import type { PlatformForm, PlatformSectionProps } from '../platform-form.js';

/**
 * eBay: the developer app's keys and RuName (each hint says where on developer.ebay.com it is found);
 * the seller's authorization comes from Connect (eBay's consent page), so no token is typed here. The
 * site (production or Sandbox) and the fulfillment statuses are options; Advanced holds a test address.
 */

interface EbayDraft {
  environment: EbaySettings['environment'];
  fulfillmentStatuses: EbaySettings['fulfillmentStatuses'];
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  ruName: string;
}

const ENVIRONMENTS: { value: EbaySettings['environment']; label: string }[] = [
  { value: 'production', label: 'eBay (production)' },
  { value: 'sandbox', label: 'eBay Sandbox (testing)' },
];

const STATUSES: { value: EbaySettings['fulfillmentStatuses']; label: string }[] = [
  { value: 'NOT_STARTED|IN_PROGRESS', label: 'Not shipped yet, or partly shipped' },
  { value: 'FULFILLED|IN_PROGRESS', label: 'Shipped, or partly shipped' },
];

function keepHint(hasSaved: boolean, what: string) {
  return hasSaved ? `A ${what} is saved and is never shown. Leave blank to keep it; type a new one to replace it.` : undefined;
}

function EbayCredentials({ draft, change, errors, hasSavedCredentials }: PlatformSectionProps<EbayDraft>) {
  return (
    <>
      <TextField
        label="Client ID (App ID)"
        value={draft.clientId}
        onValue={(clientId) => change({ clientId })}
        error={errors['credentials.clientId']}
        hint={keepHint(hasSavedCredentials, 'Client ID') ?? 'developer.ebay.com > My Account > Application Keys: the App ID (Client ID) of the Production keyset (Sandbox keyset for the Sandbox).'}
        autoComplete="off"
      />
      <TextField
        label="Client Secret (Cert ID)"
        type="password"
        value={draft.clientSecret}
        onValue={(clientSecret) => change({ clientSecret })}
        error={errors['credentials.clientSecret']}
        hint={keepHint(hasSavedCredentials, 'Client Secret') ?? 'Same page: the Cert ID (Client Secret) of the same keyset.'}
        autoComplete="off"
      />
      <TextField
        label="RuName (eBay Redirect URL name)"
        value={draft.ruName}
        onValue={(ruName) => change({ ruName })}
        error={errors['credentials.ruName']}
        hint={
          keepHint(hasSavedCredentials, 'RuName') ??
          "developer.ebay.com > User Tokens > Get a Token from eBay via Your Application: add an eBay Redirect URL (its accept URL may be eBay's own page). Copy its RuName, like Acme_Inc-AcmeInc-Dockha-abcdef. After saving, Connect opens eBay's sign-in."
        }
        autoComplete="off"
      />
    </>
  );
}

function EbayOptions({ draft, change, errors }: PlatformSectionProps<EbayDraft>) {
  return (
    <>
      <SelectField
        label="eBay site"
        value={draft.environment}
        onValue={(environment) => change({ environment: environment as EbayDraft['environment'] })}
        options={ENVIRONMENTS}
        error={errors['settings.environment']}
      />
      <SelectField
        label="Orders to download"
        value={draft.fulfillmentStatuses}
        onValue={(fulfillmentStatuses) => change({ fulfillmentStatuses: fulfillmentStatuses as EbayDraft['fulfillmentStatuses'] })}
        options={STATUSES}
        error={errors['settings.fulfillmentStatuses']}
      />
    </>
  );
}

function EbayAdvanced({ draft, change, errors }: PlatformSectionProps<EbayDraft>) {
  return (
    <TextField
      label="Base URL"
      value={draft.baseUrl}
      onValue={(baseUrl) => change({ baseUrl })}
      error={errors['settings.baseUrl']}
      placeholder="https://api.ebay.com"
      hint="Leave blank. Only for a test server that stands in for eBay (every call, sign-in included, goes there)."
      autoComplete="off"
    />
  );
}

function draftFromSettings(s: EbaySettings): EbayDraft {
  return { environment: s.environment, fulfillmentStatuses: s.fulfillmentStatuses, baseUrl: s.baseUrl ?? '', clientId: '', clientSecret: '', ruName: '' };
}

export const ebayForm: PlatformForm<EbayDraft> = {
  platform: 'ebay',
  newDraft: () => draftFromSettings(ebaySettingsSchema.parse({})),
  draftFromSaved(settings) {
    const parsed = ebaySettingsSchema.safeParse(settings);
    return parsed.success ? draftFromSettings(parsed.data) : ebayForm.newDraft();
  },
  toInput(draft) {
    const credentials: Record<string, string> = {};
    if (draft.clientId.trim()) credentials.clientId = draft.clientId.trim();
    if (draft.clientSecret.trim()) credentials.clientSecret = draft.clientSecret.trim();
    if (draft.ruName.trim()) credentials.ruName = draft.ruName.trim();
    return {
      settings: {
        environment: draft.environment,
        fulfillmentStatuses: draft.fulfillmentStatuses,
        ...(draft.baseUrl.trim() ? { baseUrl: draft.baseUrl.trim() } : {}),
      },
      credentials: Object.keys(credentials).length > 0 ? credentials : undefined,
    };
  },
  checkCredentials(draft, hasSaved) {
    if (hasSaved) return {};
    const errors: FieldErrors = {};
    if (!draft.clientId.trim()) errors['credentials.clientId'] = 'Enter the Client ID';
    if (!draft.clientSecret.trim()) errors['credentials.clientSecret'] = 'Enter the Client Secret';
    if (!draft.ruName.trim()) errors['credentials.ruName'] = 'Enter the RuName';
    return errors;
  },
  shownFields: [
    'settings.environment',
    'settings.fulfillmentStatuses',
    'settings.baseUrl',
    'credentials.clientId',
    'credentials.clientSecret',
    'credentials.ruName',
  ],
  advancedFields: ['settings.baseUrl'],
  opensAdvanced: (draft) => draft.baseUrl.trim() !== '',
  Credentials: EbayCredentials,
  Options: EbayOptions,
  Advanced: EbayAdvanced,
};
