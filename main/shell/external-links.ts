import { CART_PLATFORMS } from '../../shared/platforms/index.js';

/**
 * The only web addresses the app hands to the person's browser (shell.openExternal): https links to
 * the sites its own screens link to. Anything else a page asks to open (a tracking URL that came in a
 * warehouse file, a link injected into a shop's order note, plain http, another port, a login in the
 * URL) is refused: opening an address in the browser is an action taken in the person's name, and a
 * link the app did not make is not one it can vouch for.
 */
export const APP_LINK_SITES: readonly string[] = [
  // Each cart platform's admin and help pages, as its descriptor names them (shared/platforms).
  ...CART_PLATFORMS.flatMap((p) => p.linkSites),
  // Carriers' tracking pages, for tracking numbers on the order screen.
  'www.ups.com',
  'www.fedex.com',
  'tools.usps.com',
  'www.dhl.com',
];

export function isAppLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  return APP_LINK_SITES.some((site) => (site.startsWith('*.') ? parsed.hostname.endsWith(site.slice(1)) : parsed.hostname === site));
}
