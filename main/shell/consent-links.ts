import type { Engine } from '../engine/engine-api.js';

/**
 * Consent pages the engine made for this window (consent.start, and consent.status of a consent still
 * waiting here): besides the app's own links (external-links.ts), the only pages the browser is asked
 * to open, each exactly as the engine made it. The consent page's host is a marketplace's login site;
 * allowing the host would let any link to it through, and a link the app did not make is not one it
 * can vouch for. A setup link meant for the merchant is not remembered: it is copied, not opened here.
 */
export interface ConsentLinks {
  /** Remembers the consent URL in a consent.* answer, if there is one to open here. */
  note(method: string, value: unknown): void;
  has(url: string): boolean;
}

/** How many recent consent URLs are kept (one per cart being connected is plenty). */
const KEPT = 20;

export function createConsentLinks(): ConsentLinks {
  const urls: string[] = [];
  return {
    note(method, value) {
      if (method !== 'consent.start' && method !== 'consent.status') return;
      const flow = (value as { flow?: { status?: unknown; shared?: unknown; consentUrl?: unknown } | null } | null)?.flow;
      if (!flow || flow.status !== 'pending' || flow.shared !== false || typeof flow.consentUrl !== 'string') return;
      if (!isHttpsWithoutLogin(flow.consentUrl) || urls.includes(flow.consentUrl)) return;
      urls.push(flow.consentUrl);
      if (urls.length > KEPT) urls.shift();
    },
    has: (url) => urls.includes(url),
  };
}

function isHttpsWithoutLogin(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
}

/** The engine as the window's relay sees it: every consent URL an answer carries is noted on the way. */
export function noticingConsentLinks(engine: Engine, links: ConsentLinks): Engine {
  return {
    ...engine,
    async call(method, input) {
      const value = await engine.call(method, input);
      links.note(method, value);
      return value;
    },
  };
}
