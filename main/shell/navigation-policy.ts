import { isRendererUrl } from './renderer-origin.js';

/**
 * What the window does with a link or a navigation. The window itself only ever shows our pages; a web
 * link (http/https, e.g. a shop's admin page or the API docs) opens in the person's browser, where it has
 * no access to Dockhand. Every other scheme (file:, javascript:, custom app schemes that would launch
 * programs) is refused.
 */
export type NavigationDecision = 'allow' | 'open-externally' | 'deny';

/** For `will-navigate` / `will-redirect` / `will-frame-navigate`: stay on our pages. */
export function decideNavigation(url: string): NavigationDecision {
  if (isRendererUrl(url)) return 'allow';
  return isWebUrl(url) ? 'open-externally' : 'deny';
}

/** For `setWindowOpenHandler`: never a new Electron window. */
export function decideWindowOpen(url: string): Exclude<NavigationDecision, 'allow'> {
  return isWebUrl(url) ? 'open-externally' : 'deny';
}

function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
