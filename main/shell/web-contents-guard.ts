import type { Session, WebContents } from 'electron';
import { isAppLink } from './external-links.js';
import { decideNavigation, decideWindowOpen } from './navigation-policy.js';

/**
 * Hardening applied to every web contents the app creates (main.ts hooks 'web-contents-created'): no
 * navigation away from our pages, no new windows, no <webview>; links the app makes go to the person's
 * browser, other links are refused (and reported to `onRefused`, for the log).
 */
export function guardWebContents(
  contents: WebContents,
  openExternal: (url: string) => void,
  onRefused: (url: string) => void = () => {},
  opens: (url: string) => boolean = isAppLink,
): void {
  const onNavigate = (event: { url: string; preventDefault(): void }) => {
    const decision = decideNavigation(event.url, opens);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-externally') openExternal(event.url);
    else onRefused(event.url);
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-frame-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url, opens) === 'open-externally') openExternal(url);
    else onRefused(url);
    return { action: 'deny' };
  });
}

/** The screens need no camera, notifications, clipboard reading, geolocation…: every request is refused. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
