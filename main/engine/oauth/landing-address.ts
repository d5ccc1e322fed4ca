import { DockhandError } from '../../../shared/errors.js';

/**
 * What the browser landed on after the consent page: the redirect address with the code (or an error)
 * in its query. The same reading serves the loopback listener (the request's query) and a person who
 * pastes the address from the address bar, the query part alone, or just the code.
 */
export interface Landing {
  code: string | null;
  state: string | null;
  /** The platform's error code (access_denied when the person refused) and its own words. */
  error: string | null;
  errorDescription: string | null;
  /** The grant's extraParams found in the address. */
  params: Record<string, string>;
}

export interface LandingShape {
  /** The parameter that carries the code ('code', Amazon's 'spapi_oauth_code'). */
  codeParam: string;
  extraParams?: readonly string[];
}

const MAX_LANDING = 20_000;

/** Reads a query (URLSearchParams) the way both paths do. */
export function landingFromQuery(query: URLSearchParams, shape: LandingShape): Landing {
  const text = (name: string) => {
    const value = query.get(name);
    return value === null || value.trim() === '' ? null : value.trim();
  };
  const params: Record<string, string> = {};
  for (const name of shape.extraParams ?? []) {
    const value = text(name);
    if (value !== null) params[name] = value;
  }
  return { code: text(shape.codeParam), state: text('state'), error: text('error'), errorDescription: text('error_description'), params };
}

/**
 * What a person pasted: the whole landing address, its query ("?code=…&state=…" or without the "?"),
 * or a bare code (no state then: a person who pasted it into this flow's box vouches for it).
 */
export function landingFromPaste(pasted: string, shape: LandingShape): Landing {
  const text = pasted.trim();
  if (text === '') throw new DockhandError('validation', 'Paste the address the browser landed on after granting access', { fields: { landing: 'Paste the address the browser landed on' } });
  if (text.length > MAX_LANDING) throw new DockhandError('validation', 'That is too long to be a landing address', { fields: { landing: 'Paste only the address from the browser\'s address bar' } });
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new DockhandError('validation', 'That address cannot be read: copy it again from the browser\'s address bar', { fields: { landing: 'Copy the whole address again' } });
    }
    // Some platforms put the answer after a '#'; the query wins when both have it.
    const query = new URLSearchParams(url.search);
    for (const [k, v] of new URLSearchParams(url.hash.replace(/^#/, ''))) if (!query.has(k)) query.set(k, v);
    return nothingFound(landingFromQuery(query, shape), shape);
  }
  const query = text.replace(/^[?#]/, '');
  const looksLikeQuery = new RegExp(`(^|&)(${[shape.codeParam, 'state', 'error'].map(escape).join('|')})=`).test(query);
  if (looksLikeQuery) return nothingFound(landingFromQuery(new URLSearchParams(query), shape), shape);
  if (/\s/.test(text)) throw new DockhandError('validation', 'That is not a landing address or a code: paste the address from the browser\'s address bar', { fields: { landing: 'Paste the address from the browser\'s address bar' } });
  return { code: text, state: null, error: null, errorDescription: null, params: {} };
}

function nothingFound(landing: Landing, shape: LandingShape): Landing {
  if (landing.code === null && landing.error === null) {
    const message = `That address has no code in it (no "${shape.codeParam}=" part): copy the address the browser landed on right after granting access`;
    throw new DockhandError('validation', message, { fields: { landing: message } });
  }
  return landing;
}

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The landing's error in a person's words: what happened and what to do. */
export function landingErrorText(landing: Pick<Landing, 'error' | 'errorDescription'>, platformName: string): string {
  const said = landing.errorDescription ? ` ${platformName} said: "${landing.errorDescription.slice(0, 300)}".` : '';
  if (landing.error === 'access_denied') {
    return `Access was not granted on ${platformName}'s consent page (it was refused or cancelled).${said} Connect again and choose Allow to let Dockhand read orders and send shipments.`;
  }
  return `${platformName}'s consent page answered with an error (${(landing.error ?? 'unknown').slice(0, 100)}).${said} Connect again; if it repeats, check the app's settings on ${platformName}.`;
}
