/**
 * The connector kit: what every cart needs and no cart should rewrite (DESIGN.md "Connectors, one shape").
 * - incremental-window.ts: the download on a modified-since field, its saved position, overlap and de-duplication;
 * - token-source.ts: access tokens cached per shop, renewed before they expire, one refresh at a time;
 * - order-filter.ts: the settings' order filters as named rules that give a skip reason;
 * - shop-limiters.ts: one rate limiter per shop (token bucket, cost bucket, quota headers), shared by every
 *   run of the shop, and limitedRequest() to send through it;
 * - utc-time.ts: timestamps to UTC at the platform's edge.
 */
export * from './incremental-window.js';
export * from './token-source.js';
export * from './order-filter.js';
export * from './shop-limiters.js';
export * from './utc-time.js';
