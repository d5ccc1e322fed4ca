import type { ConsentFlowView, ConsentStatusView } from '../../../../../shared/api-types.js';

/**
 * The Connection box's words, from the consent status alone (so they are checked without a screen):
 * how the account stands, which button leads, and what the person does while a consent waits.
 */
export interface ConnectionSummary {
  /** The badge: "Not connected", "Connected", "Needs reconnect". */
  label: string;
  tone: 'neutral' | 'ok' | 'bad';
  /** One or two sentences under the badge. */
  text: string;
  /** The main button: Connect before a grant, Reconnect after one (or when it was refused). */
  action: 'Connect' | 'Reconnect';
}

/** What a marketplace cart not connected yet says everywhere it is shown. */
export const WAITING_TO_BE_CONNECTED = 'Waiting to be connected — press Connect';

export function connectionSummary(status: ConsentStatusView, platformName: string): ConnectionSummary {
  if (status.connection === 'needs_reconnect') {
    return {
      label: 'Needs reconnect',
      tone: 'bad',
      text: [`${platformName} refused the saved access, so this cart's schedules are paused (nothing downloaded is lost).`, sentence(status.authError), 'Reconnect to grant access again; the schedules resume by themselves.']
        .filter(Boolean)
        .join(' '),
      action: 'Reconnect',
    };
  }
  if (status.connection === 'connected') {
    return { label: 'Connected', tone: 'ok', text: `Dockhand has access to the ${platformName} account. Reconnect to grant it again or for another account.`, action: 'Reconnect' };
  }
  return {
    label: 'Not connected',
    tone: 'neutral',
    // The same words as the cart's jobs, the Dashboard and the merchant's cart list (jobs.ts WAITING_FOR_CONNECTION).
    text: `${WAITING_TO_BE_CONNECTED}: Connect opens ${platformName}'s consent page in your browser, where the seller signs in and allows Dockhand. Or share a setup link with the merchant, so they grant access on their own computer. This cart's schedules start by themselves once it is connected.`,
    action: 'Connect',
  };
}

/** A message as a sentence of its own: trimmed, ending with a full stop. */
function sentence(text: string | null): string {
  const t = (text ?? '').trim();
  return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
}

/** While a consent waits: what happens next, in the person's words. */
export function pendingText(flow: ConsentFlowView, platformName: string): string {
  if (flow.shared) {
    return `Send this link to the merchant. They open it, sign in to ${platformName} and allow Dockhand; right after that they must send you the address their browser lands on (the code in it expires within minutes), and you paste it below. The link works until ${new Date(flow.expiresAt).toLocaleString()}.`;
  }
  if (flow.listening) {
    return `Waiting for ${platformName}: allow Dockhand on the consent page in your browser, and this box updates by itself. If the browser ends on a page that does not load, paste its address below.`;
  }
  // eBay's redirect is a RuName (a name for the app's accept URL), not an address: naming it as the
  // page the browser lands on would send the person looking for an address that is never shown.
  const landsOn = flow.redirectUri && /^https?:\/\//i.test(flow.redirectUri) ? flow.redirectUri : `the page set as your ${platformName} app's redirect`;
  const why = flow.listenProblem ? `${flow.listenProblem}.` : `After you allow Dockhand on the consent page, the browser lands on ${landsOn}.`;
  return `${why} Copy that whole address from the address bar and paste it below, right away: the code in it expires within minutes.`.replace('..', '.');
}

/** The last attempt's outcome, when it is worth saying (a failure; a success right after it happened). */
export function flowOutcome(flow: ConsentFlowView | null): { kind: 'error' | 'success'; text: string } | null {
  if (!flow) return null;
  if (flow.status === 'failed') return { kind: 'error', text: flow.reason ?? 'The last attempt to connect failed: connect again.' };
  if (flow.status === 'connected') return { kind: 'success', text: 'Connected: Dockhand saved the access, encrypted, with this cart.' };
  return null;
}

/**
 * The toast after a new cart is saved. A cart that connects on a consent page has no access yet: its
 * Test and downloads are refused until Connect, so it must not read "connected... wait for the first
 * download" while its Connection box says Not connected.
 */
export function newCartSavedText(cartName: string, consentPlatformName: string | null): string {
  if (consentPlatformName === null) return `${cartName} connected. Use Test to check it, or wait for the first download.`;
  return `${cartName} saved. Now connect the ${consentPlatformName} account: press Connect in the Connection box (or share a setup link with the merchant).`;
}
