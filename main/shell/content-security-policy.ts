/**
 * The window's Content-Security-Policy, sent as a header with every page we serve (the renderer's
 * index.html carries a similar meta tag for the browser build). Nothing but our own files may run or
 * load; the screens reach the engine through the preload's bridge, never the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
