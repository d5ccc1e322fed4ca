import { magentoSettingsSchema, type MagentoSettings } from '../../../../../shared/platforms/magento.js';
import type { FieldErrors } from '../../../../../shared/errors.js';
import { SelectField, TextField } from '../../../components/field.js';
import type { PlatformForm, PlatformSectionProps } from '../platform-form.js';

/**
 * Magento 2 / Adobe Commerce: the store address, an integration's Access Token (or an admin user for
 * stores that refuse integration tokens as bearer tokens), the order statuses to download, and the
 * store code and MSI source in Advanced. The hints say where in the Magento admin each value is found.
 */

type AuthMode = MagentoSettings['authMode'];

interface MagentoDraft {
  storeUrl: string;
  storeCode: string;
  sourceCode: string;
  /** Status codes as typed: "processing, pending". */
  orderStatuses: string;
  authMode: AuthMode;
  accessToken: string;
  username: string;
  password: string;
}

const AUTH_OPTIONS: { value: AuthMode; label: string }[] = [
  { value: 'integration_token', label: 'Integration Access Token' },
  { value: 'admin_user', label: 'Admin user name and password' },
];

/** Where the integration and its token are made, and what it must be allowed. */
export const MAGENTO_TOKEN_HINT =
  'In the Magento admin: System > Extensions > Integrations > Add New Integration. Under API, tick Sales > Operations > Orders ' +
  '(with Actions > Ship), Catalog > Inventory > Products, and Stores > Settings > Stores. Save, then Activate: ' +
  'the Access Token is shown there. On Magento 2.4.4 and later, Stores > Configuration > Services > OAuth > ' +
  'Consumer Settings > Allow OAuth Access Tokens to be used as standalone Bearer tokens must be Yes.';

function keepHint(hasSaved: boolean, what: string) {
  return hasSaved
    ? `A ${what} is saved and is never shown. Leave blank to keep it; type a new one to replace it. A new store address needs it typed again.`
    : undefined;
}

function MagentoCredentials({ draft, change, errors, hasSavedCredentials }: PlatformSectionProps<MagentoDraft>) {
  return (
    <>
      <TextField
        label="Store address"
        value={draft.storeUrl}
        onValue={(storeUrl) => change({ storeUrl })}
        error={errors['settings.storeUrl']}
        placeholder="https://shop.example.com"
        hint="The address of the storefront, starting with https:// (a store in a folder keeps it: https://example.com/shop)."
        autoComplete="off"
      />
      <SelectField
        label="Sign in with"
        value={draft.authMode}
        onValue={(authMode) => change({ authMode: authMode as AuthMode })}
        options={AUTH_OPTIONS}
        error={errors['settings.authMode']}
      />
      {draft.authMode === 'integration_token' ? (
        <TextField
          label="Access Token"
          type="password"
          value={draft.accessToken}
          onValue={(accessToken) => change({ accessToken })}
          error={errors['credentials.accessToken']}
          hint={keepHint(hasSavedCredentials, 'token') ?? MAGENTO_TOKEN_HINT}
          autoComplete="off"
        />
      ) : (
        <>
          <TextField
            label="Admin user name"
            value={draft.username}
            onValue={(username) => change({ username })}
            error={errors['credentials.username']}
            hint={
              keepHint(hasSavedCredentials, 'user name') ??
              'An admin user (System > Permissions > All Users) whose role may use Sales > Operations > Orders, Catalog > Inventory > Products and Stores > Settings > Stores. Two-factor authentication must not be required for it.'
            }
            autoComplete="off"
          />
          <TextField
            label="Admin password"
            type="password"
            value={draft.password}
            onValue={(password) => change({ password })}
            error={errors['credentials.password']}
            hint={keepHint(hasSavedCredentials, 'password')}
            autoComplete="off"
          />
        </>
      )}
    </>
  );
}

function MagentoOptions({ draft, change, errors }: PlatformSectionProps<MagentoDraft>) {
  return (
    <TextField
      label="Order statuses to download"
      value={draft.orderStatuses}
      onValue={(orderStatuses) => change({ orderStatuses })}
      error={errors['settings.orderStatuses']}
      placeholder="processing"
      hint="Status codes, separated by commas (Stores > Settings > Order Status lists them). Orders in other statuses are kept as Skipped with the reason. Blank: every status."
      autoComplete="off"
    />
  );
}

function MagentoAdvanced({ draft, change, errors }: PlatformSectionProps<MagentoDraft>) {
  return (
    <>
      <TextField
        label="Store code"
        value={draft.storeCode}
        onValue={(storeCode) => change({ storeCode })}
        error={errors['settings.storeCode']}
        placeholder="default"
        hint="The store view whose API is called (Stores > Settings > All Stores). default on a single store."
        autoComplete="off"
      />
      <TextField
        label="Inventory source"
        value={draft.sourceCode}
        onValue={(sourceCode) => change({ sourceCode })}
        error={errors['settings.sourceCode']}
        placeholder="default"
        hint="The Multi-Source Inventory source the warehouse's stock is written to (Stores > Inventory > Sources). Ignored on a store without MSI."
        autoComplete="off"
      />
    </>
  );
}

/** "processing, pending ,," -> ["processing", "pending"] */
export function statusesFromText(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
}

function draftFromSettings(s: MagentoSettings): MagentoDraft {
  return {
    storeUrl: s.storeUrl,
    storeCode: s.storeCode,
    sourceCode: s.sourceCode,
    orderStatuses: s.orderStatuses.join(', '),
    authMode: s.authMode,
    accessToken: '',
    username: '',
    password: '',
  };
}

export const magentoForm: PlatformForm<MagentoDraft> = {
  platform: 'magento',
  // The schema's own defaults (store code, source, statuses) around a placeholder address the user replaces.
  newDraft: () => ({ ...draftFromSettings(magentoSettingsSchema.parse({ storeUrl: 'https://new.example.com' })), storeUrl: '' }),
  draftFromSaved(settings) {
    const parsed = magentoSettingsSchema.safeParse(settings);
    if (parsed.success) return draftFromSettings(parsed.data);
    return { ...magentoForm.newDraft(), storeUrl: typeof settings.storeUrl === 'string' ? settings.storeUrl : '' };
  },
  toInput(draft) {
    const credentials: Record<string, string> = {};
    if (draft.authMode === 'integration_token') {
      if (draft.accessToken.trim()) credentials.accessToken = draft.accessToken.trim();
    } else {
      if (draft.username.trim()) credentials.username = draft.username.trim();
      // A password is sent as typed: spaces may be part of it.
      if (draft.password !== '') credentials.password = draft.password;
    }
    return {
      settings: {
        storeUrl: draft.storeUrl,
        storeCode: draft.storeCode.trim() || 'default',
        sourceCode: draft.sourceCode.trim() || 'default',
        orderStatuses: statusesFromText(draft.orderStatuses),
        authMode: draft.authMode,
      },
      credentials: Object.keys(credentials).length > 0 ? credentials : undefined,
    };
  },
  checkCredentials(draft, hasSaved) {
    if (hasSaved) return {};
    const errors: FieldErrors = {};
    if (draft.authMode === 'integration_token' && !draft.accessToken.trim()) errors['credentials.accessToken'] = 'Enter the integration Access Token';
    if (draft.authMode === 'admin_user') {
      if (!draft.username.trim()) errors['credentials.username'] = 'Enter the admin user name';
      if (draft.password === '') errors['credentials.password'] = 'Enter the admin password';
    }
    return errors;
  },
  shownFields: [
    'settings.storeUrl',
    'settings.authMode',
    'settings.orderStatuses',
    'settings.storeCode',
    'settings.sourceCode',
    'credentials.accessToken',
    'credentials.username',
    'credentials.password',
  ],
  advancedFields: ['settings.storeCode', 'settings.sourceCode'],
  Credentials: MagentoCredentials,
  Options: MagentoOptions,
  Advanced: MagentoAdvanced,
};
