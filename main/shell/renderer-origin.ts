/**
 * The window's pages come from a custom scheme rather than file://, so they have a real origin ('self' in
 * the CSP means exactly our files), relative URLs resolve, and a page on disk elsewhere cannot pose as ours.
 */
export const RENDERER_SCHEME = 'dockhand';
export const RENDERER_HOST = 'app';
export const RENDERER_ORIGIN = `${RENDERER_SCHEME}://${RENDERER_HOST}`;
export const RENDERER_START_URL = `${RENDERER_ORIGIN}/index.html`;

/** True when `url` is a page of ours (same scheme and host); false for anything else or garbage. */
export function isRendererUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${RENDERER_SCHEME}:` && parsed.host === RENDERER_HOST;
  } catch {
    return false;
  }
}
