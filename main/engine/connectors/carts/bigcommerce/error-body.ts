import { bcV2ErrorSchema, bcV3ErrorSchema } from './schemas.js';

/**
 * The words of a BigCommerce error answer, for messages: v2 sends [{status, message}], v3 and the API
 * gateway send {status, title, type, errors} (problem+json). Shortened; never echoes request headers.
 */
export function errorBodyText(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return '';
  }
  const v2 = bcV2ErrorSchema.safeParse(value);
  if (v2.success && v2.data.length > 0) return clip(v2.data.map((e) => e.message).join('; '));
  const v3 = bcV3ErrorSchema.safeParse(value);
  if (v3.success) {
    const details = Object.entries(v3.data.errors ?? {})
      .slice(0, 3)
      .map(([field, why]) => `${field}: ${typeof why === 'string' ? why : JSON.stringify(why)}`);
    return clip([v3.data.title, ...details].join('; '));
  }
  return '';
}

function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
