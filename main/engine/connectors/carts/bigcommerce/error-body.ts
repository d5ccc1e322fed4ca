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

/**
 * What a final 5xx means on BigCommerce, in words, where its REST overview documents one: 503 while the
 * store is marked "Down for Maintenance" or is being upgraded, 507 when the store reached a limit of its
 * plan. Other 5xx are BigCommerce's own trouble and say nothing more than their status.
 */
export function serverStatusMeaning(status: number): string {
  if (status === 503) return ' BigCommerce answers this while the store is marked "Down for Maintenance" or is being upgraded; it ends when the store is open again.';
  if (status === 507) return " BigCommerce answers this when the store reached a limit of its plan: the merchant's plan needs upgrading.";
  return '';
}
