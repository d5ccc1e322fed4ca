/**
 * The window's Content-Security-Policy, sent as a header with every page we serve (the renderer's
 * index.html carries a similar meta tag for the browser build). Nothing but our own files may run or
 * load; the screens reach the engine through the preload's bridge, never the network.
 * Styles may be inline: the Radix primitives (dialogs, menus) lock page scroll with a <style> element they
 * insert at run time. Scripts may not: style injection cannot run code, script injection could.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
