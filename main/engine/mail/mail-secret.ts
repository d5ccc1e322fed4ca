import { mailSecretAddress, type MailSettings } from '../../../shared/schemas/mail.js';
import { resolveSecret, secretToSend } from '../saved-secret.js';
import type { SecretCipher } from '../platform/ports.js';
import type { SavedMail } from '../store/repositories/alert-mail-repo.js';

/**
 * The SMTP password goes only to the server it was saved for (DESIGN.md), through the same saved-secret
 * path as the WMS password: sealed to "smtp://host:port" (plain SMTP is an address of its own, so a
 * password saved for an encrypted connection never goes out in the clear).
 */

const WHAT = 'SMTP password';

/** The saved password, for the server the saved setting points at only; undefined when it logs in as nobody. */
export function savedMailPassword(cipher: SecretCipher, saved: SavedMail): string | undefined {
  const values = secretToSend(cipher, { sealed: saved.secretsSealed, address: mailSecretAddress(saved.settings) }, WHAT);
  return values.password as string | undefined;
}

/** The password to test or save with: the typed one, or the saved one where it may go to this server. */
export function resolveMailPassword(
  cipher: SecretCipher,
  settings: MailSettings,
  provided: { password?: string },
  saved: SavedMail | undefined,
): { password: string | undefined; address: string | null } {
  const address = mailSecretAddress(settings);
  const values = resolveSecret(cipher, {
    provided,
    saved: saved ? { sealed: saved.secretsSealed, address: mailSecretAddress(saved.settings) } : undefined,
    address,
    required: address === null ? {} : { password: { label: 'the SMTP password', noun: 'password' } },
    fieldPrefix: 'secrets',
    place: 'SMTP server',
    what: WHAT,
  });
  return { password: values.password as string | undefined, address };
}
