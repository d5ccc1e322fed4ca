import type { MailView } from '../../../../shared/api-types.js';
import type { PinnedCertificate } from '../../../../shared/schemas/wms.js';
import type { MethodInput } from '../../../../shared/contract.js';
import { MAIL_DEFAULT_PORTS, type MailSecurity } from '../../../../shared/schemas/mail.js';
import type { FieldErrors } from '../../../../shared/errors.js';

/** The mail form as typed: text fields as strings, turned into the API's input by mailInputFrom. */
export interface MailDraft {
  host: string;
  port: string;
  security: MailSecurity;
  user: string;
  password: string;
  from: string;
  /** One address per line (or separated by commas). */
  accountContacts: string;
  appUrl: string;
  /** The server certificate the person accepted (a self-signed one), for this host and port only. */
  pinnedCertificate?: PinnedCertificate | null;
}

export function mailDraftFrom(view: MailView): MailDraft {
  const s = view.settings;
  return {
    host: s?.host ?? '',
    port: String(s?.port ?? MAIL_DEFAULT_PORTS.starttls),
    security: s?.security ?? 'starttls',
    user: s?.user ?? '',
    password: '',
    from: s?.from ?? '',
    accountContacts: (s?.accountContacts ?? []).join('\n'),
    // The address this screen is open at is the likeliest one people open Dockhand at.
    appUrl: s?.appUrl ?? (window.location.protocol.startsWith('http') ? window.location.origin : ''),
    pinnedCertificate: s?.pinnedCertificate ?? null,
  };
}

export function splitAddresses(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/** A port typed as text: a whole number, or the text itself so the schema names the problem. */
function portOf(text: string): number | string {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function mailInputFrom(draft: MailDraft): MethodInput<'mail.save'> {
  return {
    settings: {
      host: draft.host,
      port: portOf(draft.port) as number,
      security: draft.security,
      user: draft.user,
      from: draft.from,
      accountContacts: splitAddresses(draft.accountContacts),
      appUrl: draft.appUrl,
      ...(draft.pinnedCertificate && draft.security !== 'none' ? { pinnedCertificate: draft.pinnedCertificate } : {}),
    },
    secrets: draft.password ? { password: draft.password } : {},
  };
}

/** "settings.accountContacts.1" means the second address is bad: show it on the one field, naming it. */
export function foldContactErrors(errors: FieldErrors, draft: MailDraft): FieldErrors {
  const folded: FieldErrors = {};
  const contacts = splitAddresses(draft.accountContacts);
  for (const [key, message] of Object.entries(errors)) {
    const match = /^settings\.accountContacts\.(\d+)$/.exec(key);
    if (match) {
      const address = contacts[Number(match[1])];
      folded['settings.accountContacts'] ??= address ? `${message}: "${address}"` : message;
    } else folded[key] = message;
  }
  return folded;
}
