import type { FieldErrors } from '../../../../../shared/errors.js';
import { ETSY_DEFAULT_REDIRECT, etsySettingsSchema, type EtsySettings } from '../../../../../shared/schemas/etsy.js';
import { TextField } from '../../../components/field.js';
import type { PlatformForm, PlatformSectionProps } from '../platform-form.js';

/**
 * Etsy: the developer app's keystring and shared secret, and the redirect address registered with the
 * app. The shop's authorization (the refresh token and the shop) is not typed: the cart's Connect
 * opens Etsy's consent page and saves what it grants. Advanced holds the base address (a test server).
 */

interface EtsyDraft {
  keystring: string;
  sharedSecret: string;
  redirectUri: string;
  baseUrl: string;
}

/** Where the app and its keys are made. */
export const ETSY_KEYSTRING_HINT =
  'On developers.etsy.com: Your Apps > Create a New App (or open your app). The keystring is shown on the app page under API key details.';

export const ETSY_SHARED_SECRET_HINT =
  'On the same app page, next to the keystring. Newer Etsy apps need it (Dockhand then sends "keystring:shared secret"); leave blank if your app has none.';

export const ETSY_REDIRECT_HINT = `Register exactly this address under the app's Callback URLs on developers.etsy.com (Your Apps > the app > Edit). Etsy accepts ${ETSY_DEFAULT_REDIRECT}, where Dockhand receives the authorization itself; with another address you paste the page Etsy lands on back into Dockhand.`;

function keepHint(hasSaved: boolean, what: string) {
  return hasSaved ? `A ${what} is saved and is never shown. Leave blank to keep it; type a new one to replace it.` : undefined;
}

function EtsyCredentials({ draft, change, errors, hasSavedCredentials }: PlatformSectionProps<EtsyDraft>) {
  return (
    <>
      <TextField
        label="Keystring"
        value={draft.keystring}
        onValue={(keystring) => change({ keystring })}
        error={errors['credentials.keystring']}
        hint={keepHint(hasSavedCredentials, 'keystring') ?? ETSY_KEYSTRING_HINT}
        autoComplete="off"
      />
      <TextField
        label="Shared secret"
        type="password"
        value={draft.sharedSecret}
        onValue={(sharedSecret) => change({ sharedSecret })}
        error={errors['credentials.sharedSecret']}
        hint={keepHint(hasSavedCredentials, 'shared secret') ?? ETSY_SHARED_SECRET_HINT}
        autoComplete="off"
      />
      <TextField
        label="Redirect address"
        value={draft.redirectUri}
        onValue={(redirectUri) => change({ redirectUri })}
        error={errors['settings.redirectUri']}
        placeholder={ETSY_DEFAULT_REDIRECT}
        hint={ETSY_REDIRECT_HINT}
        autoComplete="off"
      />
    </>
  );
}

function EtsyAdvanced({ draft, change, errors }: PlatformSectionProps<EtsyDraft>) {
  return (
    <TextField
      label="Base URL"
      value={draft.baseUrl}
      onValue={(baseUrl) => change({ baseUrl })}
      error={errors['settings.baseUrl']}
      placeholder="https://api.etsy.com"
      hint="Send every request (the API, the token exchange and the consent page) here instead of Etsy: a test server or a proxy. Leave blank normally."
      autoComplete="off"
    />
  );
}

function draftFromSettings(s: EtsySettings): EtsyDraft {
  return { keystring: '', sharedSecret: '', redirectUri: s.redirectUri, baseUrl: s.baseUrl ?? '' };
}

export const etsyForm: PlatformForm<EtsyDraft> = {
  platform: 'etsy',
  newDraft: () => draftFromSettings(etsySettingsSchema.parse({})),
  draftFromSaved(settings) {
    const parsed = etsySettingsSchema.safeParse(settings);
    return parsed.success ? draftFromSettings(parsed.data) : etsyForm.newDraft();
  },
  toInput(draft) {
    const credentials: Record<string, string> = {};
    if (draft.keystring.trim()) credentials.keystring = draft.keystring.trim();
    if (draft.sharedSecret.trim()) credentials.sharedSecret = draft.sharedSecret.trim();
    return {
      settings: {
        redirectUri: draft.redirectUri.trim() || ETSY_DEFAULT_REDIRECT,
        ...(draft.baseUrl.trim() ? { baseUrl: draft.baseUrl.trim() } : {}),
      },
      credentials: Object.keys(credentials).length > 0 ? credentials : undefined,
    };
  },
  checkCredentials(draft, hasSaved): FieldErrors {
    if (hasSaved || draft.keystring.trim()) return {};
    return { 'credentials.keystring': "Enter the Etsy app's keystring" };
  },
  shownFields: ['credentials.keystring', 'credentials.sharedSecret', 'settings.redirectUri', 'settings.baseUrl'],
  advancedFields: ['settings.baseUrl'],
  Credentials: EtsyCredentials,
  Advanced: EtsyAdvanced,
};
