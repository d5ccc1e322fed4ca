import { DockhandError, type FieldErrors } from '../../shared/errors.js';
import type { SecretCipher } from './platform/ports.js';

/**
 * A saved secret (a Shopify token, client credentials, the FTP password) goes only to the address it
 * was saved for (DESIGN.md). It is sealed together with that address — the fields that say where it is
 * sent: Shopify's shop domain and base URL, the FTP server's scheme, host and port — so the two cannot
 * be separated. Two places open a saved secret, and both go through here:
 *
 * - `secretToSend`: a connector about to use it. The address it is bound to must be the one the saved
 *   settings point at now, or nothing is sent (a config error says why).
 * - `resolveSecret`: a test or an update whose input leaves the secret out to keep the saved one. The
 *   saved secret is kept only when the new address is the bound one; otherwise the secret must be
 *   typed again, and each missing field gets a message saying so.
 *
 * Secrets sealed before bindings existed are a plain JSON object: they are bound to the address their
 * row's settings have (the address they were last saved with, as every change of address since passes
 * the rule above), and get an explicit binding the next time they are saved.
 */

/** How a person names one secret field: label "the Admin API access token", noun "token". */
export interface SecretField {
  label: string;
  noun: string;
}

/** The secret fields some settings need, by field name. */
export type SecretFields = Record<string, SecretField>;

/** What is sealed: the values and the address they may be sent to. */
interface BoundEnvelope {
  boundTo: string;
  values: Record<string, unknown>;
}

interface OpenedSecret {
  values: Record<string, unknown>;
  /** Null for a secret sealed before bindings existed. */
  boundTo: string | null;
}

function present(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
}

function isEnvelope(value: unknown): value is BoundEnvelope {
  const v = value as Partial<BoundEnvelope> | null;
  return typeof v === 'object' && v !== null && typeof v.boundTo === 'string' && typeof v.values === 'object' && v.values !== null;
}

/** Seals `values` bound to `address`. Null when there is nothing to keep, or nowhere it may go. */
export function sealBound(cipher: SecretCipher, values: Record<string, unknown>, address: string | null): string | null {
  const kept = present(values);
  if (address === null || Object.keys(kept).length === 0) return null;
  return cipher.encrypt(JSON.stringify({ boundTo: address, values: kept } satisfies BoundEnvelope));
}

function openSealed(cipher: SecretCipher, sealed: string | null, what: string): OpenedSecret {
  if (!sealed) return { values: {}, boundTo: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(cipher.decrypt(sealed));
  } catch {
    throw new DockhandError('config', `The saved ${what} cannot be decrypted (was the data folder moved to another machine?). Enter them again.`);
  }
  return isEnvelope(parsed) ? { values: parsed.values, boundTo: parsed.boundTo } : { values: parsed as Record<string, unknown>, boundTo: null };
}

/**
 * The saved secret of settings about to be used, which point at `address`. Refused (config) when the
 * secret is bound to another address: the settings changed without it being entered again.
 */
export function secretToSend(cipher: SecretCipher, saved: { sealed: string | null; address: string | null }, what: string): Record<string, unknown> {
  const opened = openSealed(cipher, saved.sealed, what);
  const boundTo = opened.boundTo ?? saved.address;
  if (Object.keys(opened.values).length > 0 && boundTo !== saved.address) {
    throw new DockhandError(
      'config',
      `Dockhand did not send the saved ${what} to ${saved.address ?? 'these settings'}: a saved secret goes only to the address it was saved for (${boundTo}). Enter it again.`,
    );
  }
  return opened.values;
}

/**
 * The names of the fields a saved secret holds (with a value), never the values: what the engine needs
 * to tell whether a grant was saved. Null when it cannot be opened (the run that uses it says why).
 */
export function savedFieldNames(cipher: SecretCipher, sealed: string | null): string[] | null {
  try {
    return Object.keys(present(openSealed(cipher, sealed, 'credentials').values));
  } catch {
    return null;
  }
}

export interface SecretRequest {
  /** The secret fields the input carries; missing or empty ones ask to keep the saved values. */
  provided: Record<string, unknown>;
  /** The saved secret and the address its saved settings point at (which binds an unbound one). */
  saved?: { sealed: string | null; address: string | null };
  /** Where the input's settings send the secret; null when they send it nowhere (a local folder). */
  address: string | null;
  /** The fields these settings need. */
  required: SecretFields;
  /** Where the fields sit in the input ("credentials"), for the field messages. */
  fieldPrefix: string;
  /** What the address is of, in a message: "shop", "server". */
  place: string;
  /** The secret in a message: "credentials", "WMS password". */
  what: string;
}

/**
 * The secret values to test or save with: the typed ones over the saved ones, where the saved ones may
 * go to `address`. Throws a validation error with a message on every required field still missing.
 */
export function resolveSecret(cipher: SecretCipher, request: SecretRequest): Record<string, unknown> {
  const provided = present(request.provided);
  const saved = openUnlessReplaced(cipher, request, provided);
  const boundTo = saved ? (saved.boundTo ?? request.saved?.address ?? null) : null;
  const movedFrom = saved && request.address !== null && boundTo !== request.address ? boundTo : null;
  const usable = saved && request.address !== null && boundTo === request.address ? saved.values : {};
  const values = { ...usable, ...provided };

  const fields: FieldErrors = {};
  for (const [name, field] of Object.entries(request.required)) {
    if (values[name] !== undefined && values[name] !== '') continue;
    const wasSaved = saved?.values[name] !== undefined;
    fields[`${request.fieldPrefix}.${name}`] =
      wasSaved && movedFrom !== null
        ? `Enter ${field.label} again: the ${request.place} address changed from ${movedFrom} to ${request.address}, and a saved ${field.noun} is only sent to the address it was saved for`
        : `Enter ${field.label}`;
  }
  const messages = Object.values(fields);
  if (messages.length > 0) {
    const summary = movedFrom !== null ? `The ${request.place} address changed: enter the ${request.what} again` : messages[0];
    throw new DockhandError('validation', summary, { fields });
  }
  return values;
}

/** The saved secret, or null when there is none, or it cannot be read and every field was typed anew. */
function openUnlessReplaced(cipher: SecretCipher, request: SecretRequest, provided: Record<string, unknown>): OpenedSecret | null {
  if (!request.saved?.sealed) return null;
  try {
    return openSealed(cipher, request.saved.sealed, request.what);
  } catch (err) {
    if (Object.keys(request.required).every((name) => provided[name] !== undefined)) return null;
    throw err;
  }
}
