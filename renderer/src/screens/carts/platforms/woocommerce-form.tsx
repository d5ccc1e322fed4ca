import type { FieldErrors } from '../../../../../shared/errors.js';
import { WOO_ORDER_STATUSES, wooSettingsSchema, type WooSettings } from '../../../../../shared/platforms/woocommerce.js';
import { CheckboxField, TextField } from '../../../components/field.js';
import { FieldError } from '../../../components/field-error.js';
import type { PlatformForm, PlatformSectionProps } from '../platform-form.js';

/**
 * WooCommerce: the store's https address, a REST API consumer key and secret, the order statuses that go
 * to the warehouse, the query-string fallback for servers that drop the Authorization header, and the
 * base URL override for a test server.
 */

interface WooDraft {
  storeUrl: string;
  statuses: string[];
  queryStringAuth: boolean;
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
}

/** "on-hold" -> "On hold" */
function statusLabel(status: string): string {
  const words = status.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A saved secret goes only to the store it was saved for: a new address needs it again. */
function keepHint(hasSaved: boolean, what: string): string | undefined {
  return hasSaved
    ? `A ${what} is saved and is never shown. Leave blank to keep it; type a new one to replace it. A new store address or base URL needs it typed again.`
    : undefined;
}

const WHERE_KEYS =
  'In WordPress admin: WooCommerce > Settings > Advanced > REST API > Add key, with Read/Write permission (Read is enough for orders alone). The secret is shown once, when the key is made.';

function WooCredentials({ draft, change, errors, hasSavedCredentials }: PlatformSectionProps<WooDraft>) {
  return (
    <>
      <TextField
        label="Store address"
        value={draft.storeUrl}
        onValue={(storeUrl) => change({ storeUrl })}
        error={errors['settings.storeUrl']}
        placeholder="https://shop.example.com"
        hint="The https:// address of the WordPress site the store runs on (with its folder, if WordPress is in one)."
        autoComplete="off"
      />
      <p className="muted">{WHERE_KEYS}</p>
      <TextField
        label="Consumer key"
        value={draft.consumerKey}
        onValue={(consumerKey) => change({ consumerKey })}
        error={errors['credentials.consumerKey']}
        hint={keepHint(hasSavedCredentials, 'consumer key') ?? 'Starts with ck_.'}
        autoComplete="off"
      />
      <TextField
        label="Consumer secret"
        type="password"
        value={draft.consumerSecret}
        onValue={(consumerSecret) => change({ consumerSecret })}
        error={errors['credentials.consumerSecret']}
        hint={keepHint(hasSavedCredentials, 'consumer secret') ?? 'Starts with cs_.'}
        autoComplete="off"
      />
    </>
  );
}

function WooOptions({ draft, change, errors }: PlatformSectionProps<WooDraft>) {
  return (
    <fieldset className="cart-form__statuses">
      <legend>Statuses to download</legend>
      <p className="muted">
        Orders in a ticked status go to the warehouse. Cancelled, refunded and failed orders are still read, so a cancellation of an order
        already sent reaches the warehouse; the rest arrive as Skipped with the reason.
      </p>
      <div className="cart-form__checks">
        {WOO_ORDER_STATUSES.map((status) => (
          <CheckboxField
            key={status}
            label={statusLabel(status)}
            checked={draft.statuses.includes(status)}
            onChecked={(on) => change({ statuses: on ? [...draft.statuses, status] : draft.statuses.filter((s) => s !== status) })}
          />
        ))}
      </div>
      <FieldError message={errors['settings.statuses']} />
    </fieldset>
  );
}

function WooAdvanced({ draft, change, errors }: PlatformSectionProps<WooDraft>) {
  return (
    <>
      <CheckboxField
        label="Send the keys in the query string"
        checked={draft.queryStringAuth}
        onChecked={(queryStringAuth) => change({ queryStringAuth })}
        error={errors['settings.queryStringAuth']}
        hint="For web servers that drop the Authorization header. Dockhand also switches by itself when it sees that happen."
      />
      <TextField
        label="Base URL"
        value={draft.baseUrl}
        onValue={(baseUrl) => change({ baseUrl })}
        error={errors['settings.baseUrl']}
        placeholder="https://shop.example.com"
        hint="Send every request here instead of the store address: a test server. Leave blank normally."
        autoComplete="off"
      />
    </>
  );
}

function draftFromSettings(s: WooSettings): WooDraft {
  return { storeUrl: s.storeUrl, statuses: [...s.statuses], queryStringAuth: s.queryStringAuth, baseUrl: s.baseUrl ?? '', consumerKey: '', consumerSecret: '' };
}

export const woocommerceForm: PlatformForm<WooDraft> = {
  platform: 'woocommerce',
  // The schema's defaults (processing only) around a placeholder address the user replaces.
  newDraft: () => ({ ...draftFromSettings(wooSettingsSchema.parse({ storeUrl: 'https://new.example' })), storeUrl: '' }),
  draftFromSaved(settings) {
    const parsed = wooSettingsSchema.safeParse(settings);
    if (parsed.success) return draftFromSettings(parsed.data);
    return { ...woocommerceForm.newDraft(), storeUrl: typeof settings.storeUrl === 'string' ? settings.storeUrl : '' };
  },
  toInput(draft) {
    const credentials: Record<string, string> = {};
    if (draft.consumerKey.trim()) credentials.consumerKey = draft.consumerKey.trim();
    if (draft.consumerSecret.trim()) credentials.consumerSecret = draft.consumerSecret.trim();
    return {
      settings: {
        storeUrl: draft.storeUrl.trim(),
        statuses: draft.statuses,
        queryStringAuth: draft.queryStringAuth,
        baseUrl: draft.baseUrl.trim() === '' ? undefined : draft.baseUrl.trim(),
      },
      credentials: Object.keys(credentials).length > 0 ? credentials : undefined,
    };
  },
  checkCredentials(draft, hasSaved) {
    if (hasSaved) return {};
    const errors: FieldErrors = {};
    if (!draft.consumerKey.trim()) errors['credentials.consumerKey'] = 'Enter the consumer key';
    if (!draft.consumerSecret.trim()) errors['credentials.consumerSecret'] = 'Enter the consumer secret';
    return errors;
  },
  shownFields: ['settings.storeUrl', 'settings.statuses', 'settings.queryStringAuth', 'settings.baseUrl', 'credentials.consumerKey', 'credentials.consumerSecret'],
  advancedFields: ['settings.queryStringAuth', 'settings.baseUrl'],
  opensAdvanced: (draft) => draft.baseUrl !== '' || draft.queryStringAuth,
  Credentials: WooCredentials,
  Options: WooOptions,
  Advanced: WooAdvanced,
};
