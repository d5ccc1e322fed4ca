import { DockhandError } from '../../../shared/errors.js';
import type { SecretCipher } from '../platform/ports.js';
import { sealBound } from '../saved-secret.js';

/**
 * What a waiting consent is checked against, sealed like saved credentials (saved-secret.ts) and bound
 * to the cart's address: a landing that arrives after the cart was moved to another shop is refused,
 * not exchanged for the old one.
 */
export interface PendingFlow {
  state: string;
  codeVerifier?: string;
  /** Exactly the redirect_uri the consent page was opened with. */
  redirectUri: string;
  consentUrl: string;
}

export function sealPendingFlow(cipher: SecretCipher, flow: PendingFlow, address: string): string {
  return sealBound(cipher, { ...flow }, address)!;
}

export function openPendingFlow(cipher: SecretCipher, sealed: string, address: string): PendingFlow {
  let envelope: { boundTo?: string; values?: Partial<PendingFlow> };
  try {
    envelope = JSON.parse(cipher.decrypt(sealed)) as typeof envelope;
  } catch {
    throw new DockhandError('config', 'The waiting consent cannot be read (was the data folder moved to another machine?): connect again');
  }
  const v = envelope.values ?? {};
  if (typeof v.state !== 'string' || typeof v.redirectUri !== 'string' || typeof v.consentUrl !== 'string') {
    throw new DockhandError('config', 'The waiting consent cannot be read: connect again');
  }
  if (envelope.boundTo !== address) {
    throw new DockhandError('config', `The cart now points at ${address}, not ${envelope.boundTo}, where this consent was started: connect again`);
  }
  return { state: v.state, codeVerifier: v.codeVerifier, redirectUri: v.redirectUri, consentUrl: v.consentUrl };
}

/** The state of a sealed flow, to compare; null when it cannot be read. */
export function pendingState(cipher: SecretCipher, sealed: string | null): string | null {
  if (!sealed) return null;
  try {
    const state = (JSON.parse(cipher.decrypt(sealed)) as { values?: { state?: unknown } }).values?.state;
    return typeof state === 'string' ? state : null;
  } catch {
    return null;
  }
}
