/**
 * Opens a consent page in the person's browser, the way every outside link of the app goes: in the
 * desktop app the window's open handler hands it to the system browser (main/shell: a consent URL the
 * engine just made is allowed, exactly that one); in a browser on the headless host it opens a tab.
 * A blocked pop-up costs nothing: the Connection box also shows the page as a link.
 */
export function openConsentPage(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}
