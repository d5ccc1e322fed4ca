import type { FieldErrors } from '../../../../../shared/errors.js';
import { AMAZON_REGIONS, amazonSettingsSchema, type AmazonSettings } from '../../../../../shared/schemas/amazon.js';
import { CheckboxField, SelectField, TextField } from '../../../components/field.js';
import type { PlatformForm, PlatformSectionProps } from '../platform-form.js';

/**
 * Amazon (Seller Central, SP-API): the region, the app's LWA credentials, and either the consent path
 * (the app id and its redirect URI; the refresh token and seller id come from the consent page through
 * Connect, so they are not typed here) or a self-authorized refresh token pasted by hand (a private
 * app). Options: the marketplaces, FBA orders, what the ship code is made of. Advanced: the base URL.
 */

type AuthMode = AmazonSettings['authMode'];

interface AmazonDraft {
  region: AmazonSettings['region'];
  /** As typed: "ATVPDKIKX0DER, A2EUQ1WTGCTBG2". */
  marketplaceIds: string;
  includeAfn: boolean;
  shipCodeFrom: AmazonSettings['shipCodeFrom'];
  primeShipCodes: boolean;
  authMode: AuthMode;
  redirectUri: string;
  draftApp: boolean;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  applicationId: string;
  refreshToken: string;
  sellingPartnerId: string;
}

const REGION_LABELS: Record<AmazonSettings['region'], string> = {
  na: 'North America (US, CA, MX, BR)',
  eu: 'Europe, Middle East, India (UK, DE, FR, IT, ES, ...)',
  fe: 'Far East (JP, AU, SG)',
};

const AUTH_OPTIONS: { value: AuthMode; label: string }[] = [
  { value: 'consent', label: "Seller Central's consent page (Connect)" },
  { value: 'self_authorized', label: 'A self-authorized refresh token (private app)' },
];

export const AMAZON_LWA_HINT =
  'In Seller Central: Apps and Services > Develop Apps (Solution Provider Portal). On the app\'s row, "View" under LWA credentials shows the client identifier (amzn1.application-oa2-client...) and the client secret.';

function keepHint(hasSaved: boolean, what: string) {
  return hasSaved ? `A ${what} is saved and is never shown. Leave blank to keep it; type a new one to replace it.` : undefined;
}

function AmazonCredentials({ draft, change, errors, hasSavedCredentials }: PlatformSectionProps<AmazonDraft>) {
  return (
    <>
      <SelectField
        label="Region"
        value={draft.region}
        onValue={(region) => change({ region: region as AmazonDraft['region'] })}
        options={AMAZON_REGIONS.map((value) => ({ value, label: REGION_LABELS[value] }))}
        error={errors['settings.region']}
      />
      <SelectField
        label="Authorize with"
        value={draft.authMode}
        onValue={(authMode) => change({ authMode: authMode as AuthMode })}
        options={AUTH_OPTIONS}
        error={errors['settings.authMode']}
      />
      <TextField
        label="LWA client identifier"
        value={draft.clientId}
        onValue={(clientId) => change({ clientId })}
        error={errors['credentials.clientId']}
        hint={keepHint(hasSavedCredentials, 'client identifier') ?? AMAZON_LWA_HINT}
        autoComplete="off"
      />
      <TextField
        label="LWA client secret"
        type="password"
        value={draft.clientSecret}
        onValue={(clientSecret) => change({ clientSecret })}
        error={errors['credentials.clientSecret']}
        hint={keepHint(hasSavedCredentials, 'client secret') ?? 'Next to the client identifier (amzn1.oa2-cs.v1...). When Amazon asks you to rotate it, enter the new one here.'}
        autoComplete="off"
      />
      {draft.authMode === 'consent' ? (
        <>
          <TextField
            label="App id"
            value={draft.applicationId}
            onValue={(applicationId) => change({ applicationId })}
            error={errors['credentials.applicationId']}
            hint={keepHint(hasSavedCredentials, 'app id') ?? 'The app id (amzn1.sp.solution...) on the app list in Develop Apps. The consent page is opened with it.'}
            autoComplete="off"
          />
          <TextField
            label="OAuth redirect URI"
            value={draft.redirectUri}
            onValue={(redirectUri) => change({ redirectUri })}
            error={errors['settings.redirectUri']}
            placeholder="https://example.com/amazon/landing"
            hint="One of the OAuth Redirect URIs entered when editing the app. After the seller agrees, paste the address the browser lands on. The refresh token and the seller id come from there; nothing to type."
            autoComplete="off"
          />
          <CheckboxField
            label="The app is still a draft (not published)"
            checked={draft.draftApp}
            onChecked={(draftApp) => change({ draftApp })}
            hint="A draft app's consent page needs version=beta; Dockhand adds it."
          />
        </>
      ) : (
        <>
          <TextField
            label="Refresh token"
            type="password"
            value={draft.refreshToken}
            onValue={(refreshToken) => change({ refreshToken })}
            error={errors['credentials.refreshToken']}
            hint={keepHint(hasSavedCredentials, 'refresh token') ?? 'Develop Apps > the app\'s Edit App menu > Authorize > Authorize app: the refresh token (Atzr|...) is shown once.'}
            autoComplete="off"
          />
          <TextField
            label="Seller id (Merchant Token)"
            value={draft.sellingPartnerId}
            onValue={(sellingPartnerId) => change({ sellingPartnerId })}
            error={errors['credentials.sellingPartnerId']}
            hint={keepHint(hasSavedCredentials, 'seller id') ?? 'Seller Central > Settings > Account Info > Your Merchant Token (letters and digits, like A2EUQ1WTGCTBG2).'}
            autoComplete="off"
          />
        </>
      )}
    </>
  );
}

function AmazonOptions({ draft, change, errors }: PlatformSectionProps<AmazonDraft>) {
  return (
    <>
      <TextField
        label="Marketplace ids"
        value={draft.marketplaceIds}
        onValue={(marketplaceIds) => change({ marketplaceIds })}
        error={errors['settings.marketplaceIds']}
        placeholder="ATVPDKIKX0DER"
        hint="Separated by commas: ATVPDKIKX0DER (US), A2EUQ1WTGCTBG2 (Canada), A1AM78C64UM0Y8 (Mexico), A1F83G8C2ARO7P (UK), A1PA6795UKMFR9 (Germany). Only marketplaces of the region above. Test lists the ones the seller sells in."
        autoComplete="off"
      />
      <CheckboxField
        label="Also download orders Fulfilled by Amazon (FBA)"
        checked={draft.includeAfn}
        onChecked={(includeAfn) => change({ includeAfn })}
        hint="Amazon ships them itself: they are kept as Skipped with the reason, never sent to the warehouse."
      />
      <SelectField
        label="Ship code"
        value={draft.shipCodeFrom}
        onValue={(shipCodeFrom) => change({ shipCodeFrom: shipCodeFrom as AmazonDraft['shipCodeFrom'] })}
        options={[
          { value: 'category', label: 'Shipping category (Standard, Expedited, SecondDay, NextDay)' },
          { value: 'service_level', label: 'Ship service level (Std US D2D Dom, ...)' },
        ]}
        error={errors['settings.shipCodeFrom']}
      />
      <CheckboxField
        label='Prime orders get "Prime " before their ship code'
        checked={draft.primeShipCodes}
        onChecked={(primeShipCodes) => change({ primeShipCodes })}
        hint="So Prime Standard can be mapped to a faster ship method than Standard."
      />
    </>
  );
}

function AmazonAdvanced({ draft, change, errors }: PlatformSectionProps<AmazonDraft>) {
  return (
    <TextField
      label="Base URL"
      value={draft.baseUrl}
      onValue={(baseUrl) => change({ baseUrl })}
      error={errors['settings.baseUrl']}
      placeholder="https://sellingpartnerapi-na.amazon.com"
      hint="Leave blank. Sends every request (Selling Partner API, Login with Amazon, the consent page) to this address instead: a test server or a proxy. Changing it asks for the credentials again."
      autoComplete="off"
    />
  );
}

/** "ATVPDKIKX0DER, a2euq1wtgctbg2 ,," -> ["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"] */
export function marketplacesFromText(text: string): string[] {
  return [...new Set(text.split(/[,\s]+/).map((s) => s.trim().toUpperCase()).filter((s) => s !== ''))];
}

function draftFromSettings(s: AmazonSettings): AmazonDraft {
  return {
    region: s.region,
    marketplaceIds: s.marketplaceIds.join(', '),
    includeAfn: s.includeAfn,
    shipCodeFrom: s.shipCodeFrom,
    primeShipCodes: s.primeShipCodes,
    authMode: s.authMode,
    redirectUri: s.redirectUri ?? '',
    draftApp: s.draftApp,
    baseUrl: s.baseUrl ?? '',
    clientId: '',
    clientSecret: '',
    applicationId: '',
    refreshToken: '',
    sellingPartnerId: '',
  };
}

export const amazonForm: PlatformForm<AmazonDraft> = {
  platform: 'amazon',
  newDraft: () => draftFromSettings(amazonSettingsSchema.parse({})),
  draftFromSaved(settings) {
    const parsed = amazonSettingsSchema.safeParse(settings);
    return parsed.success ? draftFromSettings(parsed.data) : amazonForm.newDraft();
  },
  toInput(draft) {
    const credentials: Record<string, string> = {};
    const put = (key: string, value: string) => {
      if (value.trim()) credentials[key] = value.trim();
    };
    put('clientId', draft.clientId);
    put('clientSecret', draft.clientSecret);
    if (draft.authMode === 'consent') put('applicationId', draft.applicationId);
    else {
      put('refreshToken', draft.refreshToken);
      put('sellingPartnerId', draft.sellingPartnerId.toUpperCase());
    }
    return {
      settings: {
        region: draft.region,
        marketplaceIds: marketplacesFromText(draft.marketplaceIds),
        includeAfn: draft.includeAfn,
        shipCodeFrom: draft.shipCodeFrom,
        primeShipCodes: draft.primeShipCodes,
        authMode: draft.authMode,
        ...(draft.authMode === 'consent' && draft.redirectUri.trim() ? { redirectUri: draft.redirectUri.trim() } : {}),
        draftApp: draft.draftApp,
        ...(draft.baseUrl.trim() ? { baseUrl: draft.baseUrl.trim() } : {}),
      },
      credentials: Object.keys(credentials).length > 0 ? credentials : undefined,
    };
  },
  checkCredentials(draft, hasSaved) {
    if (hasSaved) return {};
    const errors: FieldErrors = {};
    if (!draft.clientId.trim()) errors['credentials.clientId'] = 'Enter the LWA client identifier';
    if (!draft.clientSecret.trim()) errors['credentials.clientSecret'] = 'Enter the LWA client secret';
    if (draft.authMode === 'consent' && !draft.applicationId.trim()) errors['credentials.applicationId'] = 'Enter the app id (amzn1.sp.solution...)';
    if (draft.authMode === 'self_authorized') {
      if (!draft.refreshToken.trim()) errors['credentials.refreshToken'] = 'Paste the self-authorized refresh token';
      if (!draft.sellingPartnerId.trim()) errors['credentials.sellingPartnerId'] = 'Enter the seller id (Merchant Token)';
    }
    return errors;
  },
  shownFields: [
    'settings.region',
    'settings.authMode',
    'settings.redirectUri',
    'settings.marketplaceIds',
    'settings.includeAfn',
    'settings.shipCodeFrom',
    'settings.primeShipCodes',
    'settings.draftApp',
    'settings.baseUrl',
    'credentials.clientId',
    'credentials.clientSecret',
    'credentials.applicationId',
    'credentials.refreshToken',
    'credentials.sellingPartnerId',
  ],
  advancedFields: ['settings.baseUrl'],
  opensAdvanced: (draft) => draft.baseUrl !== '',
  Credentials: AmazonCredentials,
  Options: AmazonOptions,
  Advanced: AmazonAdvanced,
};
