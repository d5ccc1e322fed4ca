import { isAppLink } from './external-links.js';
import { isRendererUrl } from './renderer-origin.js';

/**
 * What the window does with a link or a navigation. The window itself only ever shows our pages; a link
 * the app itself makes (external-links.ts: https, to the shop's admin, Shopify's help or a carrier's
 * tracking page) opens in the person's browser, where it has no access to Dockhand. Everything else —
 * other sites, plain http, file:, javascript:, custom app schemes that would launch programs — is refused.
 */
export type NavigationDecision = 'allow' | 'open-externally' | 'deny';

/**
 * `opens` says which outside pages go to the browser: the app's links, and in the shell also the
 * consent pages the engine just made (consent-links.ts).
 */

/** For `will-navigate` / `will-redirect` / `will-frame-navigate`: stay on our pages. */
export function decideNavigation(url: string, opens: (url: string) => boolean = isAppLink): NavigationDecision {
  if (isRendererUrl(url)) return 'allow';
  return opens(url) ? 'open-externally' : 'deny';
}

/** For `setWindowOpenHandler`: never a new Electron window. */
export function decideWindowOpen(url: string, opens: (url: string) => boolean = isAppLink): Exclude<NavigationDecision, 'allow'> {
  return opens(url) ? 'open-externally' : 'deny';
}
