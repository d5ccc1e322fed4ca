/**
 * Parses a Retry-After header into milliseconds. The header holds SECONDS (Shopify sends "2.0"), or an
 * HTTP date; some official clients read it as milliseconds and so retry 1000x too early.
 */
export function parseRetryAfterMs(value: string | null | undefined, now: Date): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
